using System.Text;

namespace Zhengfeng.Features.Suggestions;

/// <summary>
/// Turns Chinese (and some English) text into features: character 1–3-grams inside each run of Chinese characters, and whole
/// lower-cased words for runs of Latin letters and digits. Each feature is a 64-bit key; a Chinese gram packs its characters
/// exactly (so it can be read back as text for a reason), a word is hashed and its text kept on the side when needed.
/// </summary>
public static class TextGrams
{
    public const int MaxGram = 3;
    private const ulong WordTag = 0xFUL << 60;

    /// <summary>Appends the keys of <paramref name="text"/> to <paramref name="keys"/>; words met for the first time go to <paramref name="words"/>.</summary>
    public static void Extract(string text, List<ulong> keys, Dictionary<ulong, string>? words = null)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = Fold(text[i]);
            if (IsHan(c))
            {
                var start = i;
                while (i < text.Length && IsHan(text[i]))
                {
                    i++;
                }
                AddHanGrams(text.AsSpan(start, i - start), keys);
            }
            else if (char.IsAsciiLetterOrDigit(c))
            {
                var word = new StringBuilder();
                while (i < text.Length && char.IsAsciiLetterOrDigit(Fold(text[i])))
                {
                    word.Append(char.ToLowerInvariant(Fold(text[i])));
                    i++;
                }
                var key = WordTag | (Fnv(word) & 0x0FFF_FFFF_FFFF_FFFFUL);
                keys.Add(key);
                if (words is not null && !words.ContainsKey(key))
                {
                    words[key] = word.ToString();
                }
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>The text of a key: the characters of a Chinese gram, or the word kept for it.</summary>
    public static string Describe(ulong key, IReadOnlyDictionary<ulong, string> words)
    {
        if ((key & WordTag) == WordTag)
        {
            return words.GetValueOrDefault(key, "?");
        }
        var n = (int)(key >> 60);
        Span<char> chars = stackalloc char[MaxGram];
        for (var k = 0; k < n; k++)
        {
            chars[k] = (char)((key >> (16 * (n - 1 - k))) & 0xFFFF);
        }
        return new string(chars[..n]);
    }

    /// <summary>How many characters a key stands for (a word counts as long: it reads well as a reason).</summary>
    public static int Length(ulong key) => (key & WordTag) == WordTag ? MaxGram : (int)(key >> 60);

    private static void AddHanGrams(ReadOnlySpan<char> run, List<ulong> keys)
    {
        for (var start = 0; start < run.Length; start++)
        {
            ulong packed = 0;
            for (var n = 1; n <= MaxGram && start + n <= run.Length; n++)
            {
                packed = (packed << 16) | run[start + n - 1];
                keys.Add(((ulong)n << 60) | packed);
            }
        }
    }

    /// <summary>Full-width Latin letters and digits (Ａ１) fold to ASCII.</summary>
    private static char Fold(char c) => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    private static ulong Fnv(StringBuilder word)
    {
        var hash = 14695981039346656037UL;
        foreach (var chunk in word.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }
        }
        return hash;
    }
}
