using Zhengfeng.Data;
using Zhengfeng.Features.Figures;

namespace Zhengfeng.Jobs;

/// <summary>
/// Folds the running counts' delta rows (one or a few per save of a case, a rating or a 退单) into the monthly counts every
/// minute, so a read of the dashboard or the ranking sums a handful of rows per figure however busy the day has been.
/// </summary>
public sealed class FigureCompaction(IServiceScopeFactory scopes, TimeProvider clock, ILogger<FigureCompaction> log, JobLeases leases)
    : RecurringJob(clock, log, leases)
{
    public override string Name => "figure-compaction";

    public override TimeSpan Interval { get; } = TimeSpan.FromMinutes(1);

    protected override string? Describe(int done) => null; // every minute: too frequent to log

    /// <summary>Returns how many delta rows it folded.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await RunningFigures.CompactAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), ct);
    }
}
