using Zhengfeng.Features.Suggestions;

namespace Zhengfeng.Jobs;

/// <summary>
/// Retrains the dispatch suggestions from the cases on record: once right after start-up (in the background, so the app serves
/// at once and suggests nothing until it is done) and then every 24 hours. Training only rebuilds this instance's model in
/// memory, so every instance runs it and a repeated or concurrent run changes nothing on record.
/// </summary>
public sealed class SuggestionRetraining(DispatchSuggester suggester, TimeProvider clock, ILogger<SuggestionRetraining> log)
    : RecurringJob(clock, log, leases: null)
{
    public override string Name => "suggestion-retraining";

    public static readonly TimeSpan Every = TimeSpan.FromHours(24);

    public override TimeSpan Interval => Every;

    protected override string? Describe(int done) => null;

    public override Task<int> RunOnceAsync(CancellationToken ct) => suggester.RetrainAsync(ct);
}
