namespace Zhengfeng.Features.Suggestions;

/// <summary>
/// Finds the past cases whose text is most like a new one: cosine similarity of the TF-IDF vectors, each case kept by its
/// <see cref="TermsPerCase"/> heaviest grams in an inverted index so a query touches only the cases that share a strong gram.
/// </summary>
public sealed class SimilarityIndex
{
    public const int TermsPerCase = 64;
    private const int TermsPerQuery = 32;

    private readonly string[] _ids;
    private readonly Dictionary<int, (int[] Cases, float[] Weights)> _postings;

    private SimilarityIndex(string[] ids, Dictionary<int, (int[], float[])> postings) => (_ids, _postings) = (ids, postings);

    public static SimilarityIndex Build(IReadOnlyList<string> ids, IReadOnlyList<SparseVector> vectors)
    {
        var lists = new Dictionary<int, (List<int> Cases, List<float> Weights)>();
        for (var c = 0; c < vectors.Count; c++)
        {
            foreach (var (feature, weight) in Heaviest(vectors[c], TermsPerCase))
            {
                if (!lists.TryGetValue(feature, out var list))
                {
                    lists[feature] = list = ([], []);
                }
                list.Cases.Add(c);
                list.Weights.Add(weight);
            }
        }
        return new SimilarityIndex([.. ids], lists.ToDictionary(l => l.Key, l => (l.Value.Cases.ToArray(), l.Value.Weights.ToArray())));
    }

    /// <summary>The most similar cases, best first, that score at least <paramref name="floor"/>.</summary>
    public IReadOnlyList<Ranked> Search(SparseVector query, int take, double floor = 0.2)
    {
        if (_ids.Length == 0)
        {
            return [];
        }
        var scores = new Dictionary<int, float>();
        foreach (var (feature, weight) in Heaviest(query, TermsPerQuery))
        {
            if (_postings.TryGetValue(feature, out var posting))
            {
                for (var i = 0; i < posting.Cases.Length; i++)
                {
                    scores[posting.Cases[i]] = scores.GetValueOrDefault(posting.Cases[i]) + weight * posting.Weights[i];
                }
            }
        }
        return [.. scores.Where(s => s.Value >= floor).OrderByDescending(s => s.Value).ThenBy(s => s.Key).Take(take)
            .Select(s => new Ranked(_ids[s.Key], Math.Round(s.Value, 4)))];
    }

    private static IEnumerable<(int Feature, float Weight)> Heaviest(SparseVector v, int take)
        => v.Count <= take
            ? v.Index.Zip(v.Value)
            : v.Index.Zip(v.Value).OrderByDescending(x => x.Second).Take(take);
}
