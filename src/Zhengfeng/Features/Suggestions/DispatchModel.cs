namespace Zhengfeng.Features.Suggestions;

/// <summary>One past case as the model learns from it: its text, the category it carries and the unit that finally handled it.</summary>
public sealed record TrainingCase(string Id, string Text, string? Category, string? UnitId);

/// <summary>Top-1 accuracy of the category and the unit on the <paramref name="Cases"/> most recent cases, held out from training.</summary>
public sealed record RecentAccuracy(double? Category, double? Unit, int Cases);

/// <summary>What the model suggests for a text: categories and lead units best first, the words behind them, similar past cases.</summary>
public sealed record DispatchSuggestion(
    IReadOnlyList<Ranked> Categories, IReadOnlyList<string> CategoryReasons,
    IReadOnlyList<Ranked> Units, IReadOnlyList<string> UnitReasons,
    IReadOnlyList<Ranked> Similar)
{
    public static readonly DispatchSuggestion None = new([], [], [], [], []);
}

/// <summary>
/// A trained, read-only snapshot: the vocabulary, one <see cref="SoftmaxRegression"/> for the category and one for the lead unit,
/// and the similarity index. Safe to read from many requests at once; retraining builds a new one and swaps it in.
/// </summary>
public sealed class DispatchModel
{
    public const int Take = 3;

    private readonly Vectorizer? _vectorizer;
    private readonly SoftmaxRegression? _categories;
    private readonly SoftmaxRegression? _units;
    private readonly SimilarityIndex? _similar;

    private DispatchModel(int trainedOn, Vectorizer? vectorizer, SoftmaxRegression? categories, SoftmaxRegression? units, SimilarityIndex? similar)
        => (TrainedOn, _vectorizer, _categories, _units, _similar) = (trainedOn, vectorizer, categories, units, similar);

    /// <summary>The model before any history: it suggests nothing.</summary>
    public static readonly DispatchModel Empty = new(0, null, null, null, null);

    public int TrainedOn { get; }

    public static DispatchModel Train(IReadOnlyList<TrainingCase> cases, SoftmaxRegression.Options? options = null)
    {
        var usable = cases.Where(c => !string.IsNullOrWhiteSpace(c.Text) && (c.Category is not null || c.UnitId is not null)).ToList();
        if (usable.Count == 0)
        {
            return Empty;
        }
        var vectorizer = Vectorizer.Build([.. usable.Select(c => c.Text)]);
        // The models read only the TF-IDF vector (raw counts are for the naive Bayes baseline of the evaluation).
        var vectors = usable.Select(c => vectorizer.TfIdf(c.Text)).ToArray();
        // Fewer passes over a long history: SGD has seen enough steps after a few, and training stays within minutes at 100,000 cases.
        options ??= new SoftmaxRegression.Options(Epochs: Math.Clamp(300_000 / usable.Count, 3, 12));
        SoftmaxRegression? Fit(Func<TrainingCase, string?> label)
        {
            var rows = Enumerable.Range(0, usable.Count).Where(i => label(usable[i]) is not null).ToArray();
            return rows.Length == 0 ? null
                : SoftmaxRegression.Train([.. rows.Select(i => vectors[i])], [.. rows.Select(i => label(usable[i])!)], vectorizer.FeatureCount, options);
        }
        var categories = Task.Run(() => Fit(c => c.Category));
        var units = Fit(c => c.UnitId);
        var similar = SimilarityIndex.Build([.. usable.Select(c => c.Id)], vectors);
        return new DispatchModel(usable.Count, vectorizer, categories.GetAwaiter().GetResult(), units, similar);
    }

    /// <summary>
    /// How often the first suggestion was right on the newest tenth of the history, for a model trained on the older rest (the cases
    /// it will meet are like the latest ones, not like a random sample). Null where there are too few cases to say.
    /// </summary>
    public static RecentAccuracy Measure(IReadOnlyList<TrainingCase> newestFirst)
    {
        const int Least = 20;
        if (newestFirst.Count < Least)
        {
            return new RecentAccuracy(null, null, 0);
        }
        var recent = newestFirst.Take(newestFirst.Count / 10).ToList();
        var model = Train([.. newestFirst.Skip(recent.Count)]);
        var suggestions = recent.Select(c => (Case: c, Suggestion: model.Suggest(c.Text))).ToList();
        static double? Share(IEnumerable<bool> hits) => hits.ToList() is { Count: > 0 } list ? Math.Round(list.Count(h => h) / (double)list.Count, 4) : null;
        return new RecentAccuracy(
            Share(suggestions.Where(x => x.Case.Category is not null).Select(x => x.Suggestion.Categories is [var first, ..] && first.Label == x.Case.Category)),
            Share(suggestions.Where(x => x.Case.UnitId is not null).Select(x => x.Suggestion.Units is [var first, ..] && first.Label == x.Case.UnitId)),
            recent.Count);
    }

    public DispatchSuggestion Suggest(string text)
    {
        if (_vectorizer is null)
        {
            return DispatchSuggestion.None;
        }
        var doc = Doc.Of(_vectorizer, text);
        var categories = _categories?.Rank(doc, Take) ?? [];
        var units = _units?.Rank(doc, Take) ?? [];
        return new DispatchSuggestion(
            categories, categories.Count > 0 ? _categories!.Reasons(_vectorizer, doc, categories[0].Label) : [],
            units, units.Count > 0 ? _units!.Reasons(_vectorizer, doc, units[0].Label) : [],
            _similar?.Search(doc.TfIdf, 5) ?? []);
    }
}
