using Zhengfeng.Data;
using Zhengfeng.Features.Audit;

namespace Zhengfeng.Jobs;

/// <summary>
/// Signs a checkpoint of the audit log on start and then every hour in which the log grew (<see cref="AuditCheckpoints"/>).
/// Each instance keeps its own checkpoints in its own data folder; a broken log is logged as an error and never signed.
/// </summary>
public sealed class AuditCheckpointJob(IServiceScopeFactory scopes, AuditCheckpoints checkpoints, TimeProvider clock, ILogger<AuditCheckpointJob> log)
    : RecurringJob(clock, log, leases: null)
{
    private int _runs;

    public override string Name => "audit-checkpoint";

    public override TimeSpan Interval { get; } = TimeSpan.FromHours(1);

    /// <summary>The first run after start-up always signs; later runs sign when the log grew.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken ct)
        => await RunOnceAsync(force: Interlocked.Increment(ref _runs) == 1, ct) is null ? 0 : 1;

    protected override string? Describe(int done) => null; // the checkpoint itself is logged with its root when signed

    /// <summary>Signs a checkpoint if the log grew since the latest (always with <paramref name="force"/>); returns it, or null.</summary>
    public async Task<AuditCheckpoint?> RunOnceAsync(bool force, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var checkpoint = await checkpoints.CreateAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), force, ct);
        if (checkpoint is not null)
        {
            Log.LogInformation("Audit checkpoint signed: {Size} entries, root {Root}", checkpoint.Size, checkpoint.RootHashHex);
        }
        return checkpoint;
    }
}
