namespace Zhengfeng.Features.Suggestions;

/// <summary>A sparse vector: feature indexes in ascending order and their values.</summary>
public readonly record struct SparseVector(int[] Index, float[] Value)
{
    public static readonly SparseVector Empty = new([], []);

    public int Count => Index.Length;

    public float Dot(SparseVector other)
    {
        float sum = 0;
        for (int i = 0, j = 0; i < Index.Length && j < other.Index.Length;)
        {
            if (Index[i] == other.Index[j])
            {
                sum += Value[i++] * other.Value[j++];
            }
            else if (Index[i] < other.Index[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return sum;
    }
}

/// <summary>
/// The vocabulary of a training set (features seen in at least <c>minDocs</c> texts, the most frequent <c>maxFeatures</c> of them)
/// and its inverse document frequencies. Gives each text its raw counts (for naive Bayes) or its sublinear TF-IDF vector with
/// unit length (for the linear model and for similarity).
/// </summary>
public sealed class Vectorizer
{
    /// <summary>Long texts are cut here: the first lines of a complaint say what it is about; the rest costs time and memory.</summary>
    public const int MaxChars = 1500;

    private readonly Dictionary<ulong, int> _index;
    private readonly ulong[] _keys;
    private readonly float[] _idf;
    private readonly Dictionary<ulong, string> _words;

    private Vectorizer(Dictionary<ulong, int> index, ulong[] keys, float[] idf, Dictionary<ulong, string> words)
        => (_index, _keys, _idf, _words) = (index, keys, idf, words);

    public int FeatureCount => _keys.Length;

    public static Vectorizer Build(IReadOnlyList<string> texts, int minDocs = 2, int maxFeatures = 200_000)
    {
        var docs = new Dictionary<ulong, int>();
        var words = new Dictionary<ulong, string>();
        var keys = new List<ulong>();
        var seen = new HashSet<ulong>();
        foreach (var text in texts)
        {
            keys.Clear();
            seen.Clear();
            TextGrams.Extract(Cut(text), keys, words);
            foreach (var key in keys)
            {
                if (seen.Add(key))
                {
                    docs[key] = docs.GetValueOrDefault(key) + 1;
                }
            }
        }
        var kept = docs.Where(d => d.Value >= Math.Min(minDocs, Math.Max(1, texts.Count / 2)))
            .OrderByDescending(d => d.Value).ThenBy(d => d.Key).Take(maxFeatures).Select(d => d.Key).Order().ToArray();
        var index = new Dictionary<ulong, int>(kept.Length);
        var idf = new float[kept.Length];
        for (var i = 0; i < kept.Length; i++)
        {
            index[kept[i]] = i;
            idf[i] = (float)(Math.Log((1.0 + texts.Count) / (1.0 + docs[kept[i]])) + 1.0);
        }
        var keptWords = words.Where(w => index.ContainsKey(w.Key)).ToDictionary();
        return new Vectorizer(index, kept, idf, keptWords);
    }

    /// <summary>How often each known feature occurs in the text.</summary>
    public SparseVector Counts(string text)
    {
        var keys = new List<ulong>();
        TextGrams.Extract(Cut(text), keys);
        var counts = new Dictionary<int, float>();
        foreach (var key in keys)
        {
            if (_index.TryGetValue(key, out var i))
            {
                counts[i] = counts.GetValueOrDefault(i) + 1;
            }
        }
        var index = counts.Keys.ToArray();
        var values = counts.Values.ToArray();
        Array.Sort(index, values);
        return new SparseVector(index, values);
    }

    /// <summary>(1 + log tf) · idf, scaled to unit length.</summary>
    public SparseVector TfIdf(string text) => Weigh(Counts(text));

    public SparseVector Weigh(SparseVector counts)
    {
        var values = new float[counts.Count];
        double norm = 0;
        for (var k = 0; k < counts.Count; k++)
        {
            values[k] = (float)((1 + Math.Log(counts.Value[k])) * _idf[counts.Index[k]]);
            norm += values[k] * values[k];
        }
        if (norm > 0)
        {
            var scale = (float)(1 / Math.Sqrt(norm));
            for (var k = 0; k < values.Length; k++)
            {
                values[k] *= scale;
            }
        }
        return new SparseVector(counts.Index, values);
    }

    public string Describe(int feature) => TextGrams.Describe(_keys[feature], _words);

    public int Length(int feature) => TextGrams.Length(_keys[feature]);

    private static string Cut(string text) => text.Length > MaxChars ? text[..MaxChars] : text;
}
