using Zhengfeng.Data;
using Zhengfeng.Features.Audit;

namespace Zhengfeng.Jobs;

/// <summary>
/// Signs a checkpoint of the audit log on start and then every hour in which the log grew (<see cref="AuditCheckpoints"/>).
/// Each instance keeps its own checkpoints in its own data folder; a broken log is logged as an error and never signed.
/// </summary>
public sealed class AuditCheckpointJob(IServiceScopeFactory scopes, AuditCheckpoints checkpoints, TimeProvider clock, ILogger<AuditCheckpointJob> log)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        var force = true;
        do
        {
            try
            {
                await RunOnceAsync(force, stoppingToken);
                force = false;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Audit checkpoint failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Signs a checkpoint if the log grew since the latest (always with <paramref name="force"/>); returns it, or null.</summary>
    public async Task<AuditCheckpoint?> RunOnceAsync(bool force, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var checkpoint = await checkpoints.CreateAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), force, ct);
        if (checkpoint is not null)
        {
            log.LogInformation("Audit checkpoint signed: {Size} entries, root {Root}", checkpoint.Size, checkpoint.RootHashHex);
        }
        return checkpoint;
    }
}
