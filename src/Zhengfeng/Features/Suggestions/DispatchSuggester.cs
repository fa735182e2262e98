using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Cases;

namespace Zhengfeng.Features.Suggestions;

// 派单推荐 DispatchSuggestion · 推荐分类 suggested category · 推荐承办单位 suggested lead unit · 相似工单 similar case · 重新训练 Retrain

/// <summary>
/// Holds the current <see cref="DispatchModel"/> (in memory, rebuilt from the cases on record at start-up, nightly and on demand)
/// and answers suggestions from it. Until the first training ends it suggests nothing, so intake never waits for it.
/// </summary>
public sealed class DispatchSuggester(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DispatchSuggester> log) : IDisposable
{
    /// <summary>The most recent cases learnt from: enough for the county's history, bounded in training time and memory.</summary>
    public const int MaxCases = 100_000;

    /// <summary>
    /// How long a measurement of <see cref="Accuracy"/> is reused. Measuring trains a second model (on the older nine tenths), so
    /// doing it on every nightly retrain would double the cost of each for a figure that moves slowly.
    /// </summary>
    public static readonly TimeSpan MeasureEvery = TimeSpan.FromDays(7);

    private readonly SemaphoreSlim _training = new(1, 1);
    private DispatchModel _model = DispatchModel.Empty;
    private DateTimeOffset? _measuredAt;
    private int _measuredOn;

    public DispatchModel Current => Volatile.Read(ref _model);

    public DateTimeOffset? TrainedAt { get; private set; }

    /// <summary>
    /// The accuracy on the most recent cases of a model trained on the older rest (shown to the admin after a retrain): measured on
    /// the first training, then again once the measurement is <see cref="MeasureEvery"/> old or the history has grown or shrunk
    /// by more than a tenth since; in between a retrain reuses it.
    /// </summary>
    public RecentAccuracy Accuracy { get; private set; } = new(null, null, 0);

    public void Dispose() => _training.Dispose();

    /// <summary>The text a case is learnt from and a new one is matched by: its title, then its content.</summary>
    public static string TextOf(string? title, string content) => string.IsNullOrWhiteSpace(title) ? content : $"{title}\n{content}";

    public DispatchSuggestion Suggest(string? title, string content) => Current.Suggest(TextOf(title, content));

    /// <summary>Retrains on the cases on record and swaps the new model in; one training at a time, the latest wins.</summary>
    public async Task<int> RetrainAsync(CancellationToken ct)
    {
        await _training.WaitAsync(ct);
        try
        {
            var cases = await LoadAsync(ct);
            var model = await Task.Run(() => DispatchModel.Train(cases), ct);
            Volatile.Write(ref _model, model);
            var now = clock.GetUtcNow();
            if (_measuredAt is not { } measuredAt || now - measuredAt >= MeasureEvery || Math.Abs(cases.Count - _measuredOn) * 10 > _measuredOn)
            {
                Accuracy = await Task.Run(() => DispatchModel.Measure(cases), ct);
                (_measuredAt, _measuredOn) = (now, cases.Count);
            }
            TrainedAt = now;
            log.LogInformation("Dispatch suggestions retrained on {Count} cases; recent top-1 category {Category}, unit {Unit}",
                model.TrainedOn, Accuracy.Category, Accuracy.Unit);
            return model.TrainedOn;
        }
        finally
        {
            _training.Release();
        }
    }

    /// <summary>
    /// Each case with the category it carries and the unit that kept it: the current lead unit, so a case returned (退单) and
    /// sent on teaches the unit that took it, not the one that gave it back. A case whose return is still undecided teaches
    /// no unit; merged duplicates and cases never dispatched teach only their category.
    /// </summary>
    private async Task<List<TrainingCase>> LoadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var rows = await db.Set<Case>().AsNoTracking()
            .Where(c => c.Status != CaseStatus.Merged)
            .OrderByDescending(c => c.RegisteredAt).ThenBy(c => c.Id).Take(MaxCases)
            .Select(c => new { c.Id, c.Title, c.Content, c.CategoryCode, c.LeadUnitId, c.Status })
            .ToListAsync(ct);
        return [.. rows.Select(c => new TrainingCase(c.Id, TextOf(c.Title, c.Content),
            string.IsNullOrWhiteSpace(c.CategoryCode) ? null : c.CategoryCode,
            c.Status is CaseStatus.Registered or CaseStatus.ReturnRequested ? null : c.LeadUnitId))];
    }
}
