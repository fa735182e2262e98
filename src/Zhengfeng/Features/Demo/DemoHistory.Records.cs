using Zhengfeng.Features.Cases;

namespace Zhengfeng.Features.Demo;

/// <summary>The rest of the year: clues from every source, rectification, notices, a bulletin, accountability, exemptions, evaluation and assessments.</summary>
public sealed partial class DemoHistory
{
    private Task<int> LoadRecordsAsync(DemoCast cast, DemoCaseLife life, Random rng, DateTimeOffset now, CancellationToken ct)
        => Task.FromResult(0);
}
