namespace Zhengfeng.Features.Suggestions;

/// <summary>A text as both models read it: raw feature counts (for the naive Bayes baseline) and the unit-length TF-IDF vector.</summary>
public readonly record struct Doc(SparseVector Counts, SparseVector TfIdf)
{
    public static Doc Of(Vectorizer vectorizer, string text)
    {
        var counts = vectorizer.Counts(text);
        return new Doc(counts, vectorizer.Weigh(counts));
    }
}

/// <summary>A label and how sure the model is of it (a probability: the scores of all labels add up to 1).</summary>
public sealed record Ranked(string Label, double Score);

/// <summary>A classifier over <see cref="Doc"/>s. Two exist: the suggestion model and the baseline it is measured against.</summary>
public interface ITextClassifier
{
    IReadOnlyList<string> Labels { get; }

    /// <summary>One probability per label, in the order of <see cref="Labels"/>.</summary>
    double[] Scores(Doc doc);

    /// <summary>The features that pushed <paramref name="doc"/> towards <paramref name="label"/> most, strongest first.</summary>
    IEnumerable<(int Feature, double Weight)> Evidence(Doc doc, int label);
}

public static class Classifiers
{
    /// <summary>The labels best first, at most <paramref name="take"/>, each with its probability.</summary>
    public static IReadOnlyList<Ranked> Rank(this ITextClassifier model, Doc doc, int take)
    {
        if (model.Labels.Count == 0 || doc.TfIdf.Count == 0)
        {
            return [];
        }
        var scores = model.Scores(doc);
        return [.. Enumerable.Range(0, scores.Length).OrderByDescending(k => scores[k]).Take(take).Select(k => new Ranked(model.Labels[k], scores[k]))];
    }

    /// <summary>
    /// The few words behind a suggestion: the grams that weighed most for the label, the longer ones first in a tie, and never one
    /// that is part of a word already given (“噪音” not also “噪”).
    /// </summary>
    public static IReadOnlyList<string> Reasons(this ITextClassifier model, Vectorizer vectorizer, Doc doc, string label, int take = 5)
    {
        var k = model.Labels.ToList().IndexOf(label);
        if (k < 0)
        {
            return [];
        }
        var words = new List<string>();
        foreach (var (feature, _) in model.Evidence(doc, k).Where(e => e.Weight > 0 && vectorizer.Length(e.Feature) >= 2)
            .OrderByDescending(e => e.Weight).Take(take * 4))
        {
            var word = vectorizer.Describe(feature);
            if (words.Any(w => w.Contains(word, StringComparison.Ordinal)))
            {
                continue;
            }
            words.RemoveAll(w => word.Contains(w, StringComparison.Ordinal));
            words.Add(word);
            if (words.Count == take)
            {
                break;
            }
        }
        return words;
    }

    internal static double[] Softmax(double[] z)
    {
        var max = z.Max();
        var sum = 0.0;
        for (var k = 0; k < z.Length; k++)
        {
            z[k] = Math.Exp(z[k] - max);
            sum += z[k];
        }
        for (var k = 0; k < z.Length; k++)
        {
            z[k] /= sum;
        }
        return z;
    }

    internal static (string[] Labels, int[] Targets) Encode(IReadOnlyList<string> labels)
    {
        var names = labels.Distinct().Order(StringComparer.Ordinal).ToArray();
        var index = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i);
        return (names, [.. labels.Select(l => index[l])]);
    }
}

/// <summary>
/// The baseline: multinomial naive Bayes over raw character-gram counts with Laplace smoothing (α = 1 by default),
/// the classic first model for short Chinese texts.
/// </summary>
public sealed class NaiveBayes : ITextClassifier
{
    private readonly string[] _labels;
    private readonly double[] _prior;
    private readonly float[] _logLikelihood; // feature-major: [feature * classes + class]

    private NaiveBayes(string[] labels, double[] prior, float[] logLikelihood) => (_labels, _prior, _logLikelihood) = (labels, prior, logLikelihood);

    public IReadOnlyList<string> Labels => _labels;

    public static NaiveBayes Train(IReadOnlyList<Doc> docs, IReadOnlyList<string> labels, int features, double alpha = 1.0)
    {
        var (names, y) = Classifiers.Encode(labels);
        var classes = names.Length;
        var counts = new double[features * classes];
        var totals = new double[classes];
        var prior = new double[classes];
        for (var d = 0; d < docs.Count; d++)
        {
            prior[y[d]]++;
            var v = docs[d].Counts;
            for (var i = 0; i < v.Count; i++)
            {
                counts[v.Index[i] * classes + y[d]] += v.Value[i];
                totals[y[d]] += v.Value[i];
            }
        }
        var logLikelihood = new float[counts.Length];
        for (var f = 0; f < features; f++)
        {
            for (var k = 0; k < classes; k++)
            {
                logLikelihood[f * classes + k] = (float)Math.Log((counts[f * classes + k] + alpha) / (totals[k] + alpha * features));
            }
        }
        for (var k = 0; k < classes; k++)
        {
            prior[k] = Math.Log(prior[k] / docs.Count);
        }
        return new NaiveBayes(names, prior, logLikelihood);
    }

    public double[] Scores(Doc doc)
    {
        var classes = _labels.Length;
        var z = (double[])_prior.Clone();
        var v = doc.Counts;
        for (var i = 0; i < v.Count; i++)
        {
            var row = v.Index[i] * classes;
            for (var k = 0; k < classes; k++)
            {
                z[k] += v.Value[i] * _logLikelihood[row + k];
            }
        }
        return Classifiers.Softmax(z);
    }

    public IEnumerable<(int Feature, double Weight)> Evidence(Doc doc, int label)
    {
        var classes = _labels.Length;
        var v = doc.Counts;
        for (var i = 0; i < v.Count; i++)
        {
            var row = v.Index[i] * classes;
            var mean = 0.0;
            for (var k = 0; k < classes; k++)
            {
                mean += _logLikelihood[row + k];
            }
            yield return (v.Index[i], v.Value[i] * (_logLikelihood[row + label] - mean / classes));
        }
    }
}
