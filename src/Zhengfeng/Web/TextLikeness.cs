using System.Text;

namespace Zhengfeng.Web;

/// <summary>
/// How alike two short texts are, for Chinese text without spaces between words: the sets of adjacent letter or digit pairs
/// (NFKC, lower case, punctuation and spaces left out), compared by Jaccard or Dice. Used by 并单 candidates, hot spots and the
/// reply check.
/// </summary>
public static class TextLikeness
{
    /// <summary>The text's letters and digits only, NFKC-folded and in lower case.</summary>
    public static string Plain(string? text)
    {
        var sb = new StringBuilder();
        foreach (var ch in (text ?? "").Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(ch))
            {
                sb.Append(char.ToLowerInvariant(ch));
            }
        }
        return sb.ToString();
    }

    /// <summary>The text's pairs of adjacent letters or digits.</summary>
    public static HashSet<string> Pairs(string? text)
    {
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        var s = Plain(text);
        for (var i = 0; i + 1 < s.Length; i++)
        {
            pairs.Add(s.Substring(i, 2));
        }
        return pairs;
    }

    /// <summary>Shared members over all members, 0 to 1 (0 when either set is empty).</summary>
    public static double Jaccard<T>(HashSet<T> a, HashSet<T> b)
    {
        var shared = Shared(a, b);
        return shared == 0 ? 0 : (double)shared / (a.Count + b.Count - shared);
    }

    /// <summary>Twice the shared members over the two sizes, 0 to 1 (0 when either set is empty).</summary>
    public static double Dice<T>(HashSet<T> a, HashSet<T> b)
    {
        var shared = Shared(a, b);
        return shared == 0 ? 0 : 2.0 * shared / (a.Count + b.Count);
    }

    private static int Shared<T>(HashSet<T> a, HashSet<T> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = 0;
        foreach (var x in small)
        {
            if (large.Contains(x))
            {
                shared++;
            }
        }
        return shared;
    }
}
