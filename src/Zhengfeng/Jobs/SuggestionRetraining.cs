using Zhengfeng.Features.Suggestions;

namespace Zhengfeng.Jobs;

/// <summary>
/// Retrains the dispatch suggestions from the cases on record: once right after start-up (in the background, so the app serves
/// at once and suggests nothing until it is done) and then every <see cref="Interval"/>. Training only rebuilds the in-memory
/// model, so a repeated or concurrent run changes nothing on record.
/// </summary>
public sealed class SuggestionRetraining(DispatchSuggester suggester, TimeProvider clock, ILogger<SuggestionRetraining> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(24);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Retraining the dispatch suggestions failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public Task<int> RunOnceAsync(CancellationToken ct) => suggester.RetrainAsync(ct);
}
