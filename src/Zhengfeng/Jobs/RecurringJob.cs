namespace Zhengfeng.Jobs;

/// <summary>
/// A job that runs at start-up and then every <see cref="Interval"/> on the app's clock, logging what a run did and never
/// stopping on a failed run. A <see cref="Shared"/> job runs on one instance at a time: each tick first takes or renews the job's
/// <see cref="JobLease"/> for three intervals, and an instance that does not hold it skips the tick. A job that only touches
/// the instance itself (its model in memory, its checkpoint files) runs on every instance.
/// </summary>
public abstract class RecurringJob(TimeProvider clock, ILogger log, JobLeases? leases) : BackgroundService
{
    protected TimeProvider Clock => clock;

    protected ILogger Log => log;

    /// <summary>The job's name on its lease and in the log (e.g. "overdue-sweep").</summary>
    public abstract string Name { get; }

    public abstract TimeSpan Interval { get; }

    /// <summary>Whether only one instance at a time may run it (work on shared records) rather than every instance.</summary>
    public bool Shared => leases is not null;

    /// <summary>One run of the work; returns how many things it did (alerts raised, messages sent ...).</summary>
    public abstract Task<int> RunOnceAsync(CancellationToken ct);

    /// <summary>The log line for a run that did something, or null for none.</summary>
    protected abstract string? Describe(int done);

    /// <summary>One tick as the timer runs it: null when another instance holds the job, else what the run did.</summary>
    public async Task<int?> TickAsync(CancellationToken ct)
    {
        if (leases is not null && !await leases.TryHoldAsync(Name, Interval * 3, ct))
        {
            return null;
        }
        return await RunOnceAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // the host starts serving without waiting for the first run
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                if (await TickAsync(stoppingToken) is { } done && Describe(done) is { } line)
                {
                    log.LogInformation("{Job}: {What}", Name, line);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "{Job} failed", Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (leases is not null)
        {
            try
            {
                await leases.ReleaseAsync(Name, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "{Job}: could not give up the lease; another instance takes it when its term runs out", Name);
            }
        }
    }
}
