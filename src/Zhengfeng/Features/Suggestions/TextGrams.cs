using System.Text;

namespace Zhengfeng.Features.Suggestions;

/// <summary>
/// Turns Chinese (and some English) text into features: character 1–3-grams inside each run of Chinese characters, and whole
/// lower-cased words for runs of Latin letters and digits. Each feature is a 64-bit key; a Chinese gram packs its characters
/// exactly (so it can be read back as text for a reason), a word is hashed and its text kept on the side when needed.
/// The first line (the title, where a case has one) gives its features twice: once like the rest of the text and once tagged as
/// title features, so a model can learn that “路灯” in a title says more than “路灯” in the tenth line of a story. Measured by
/// 5-fold cross-validation on the 问政 messages this added about one point of top-1 accuracy to every model tried.
/// A word segmenter (jieba) was measured too and left out: its words next to the grams added nothing (top-1 within ±0.01 of the
/// grams alone, words alone 0.74 against 0.81), for a 5 MB dictionary, 35 MiB and 2.5 s to load it.
/// </summary>
public static class TextGrams
{
    public const int MaxGram = 3;
    private const ulong WordTag = 0xFUL << 60;
    private const ulong TitleTag = 1UL << 59; // grams use at most 48 bits, word hashes 59

    /// <summary>Appends the keys of <paramref name="text"/> to <paramref name="keys"/>; words met for the first time go to <paramref name="words"/>.</summary>
    public static void Extract(string text, List<ulong> keys, Dictionary<ulong, string>? words = null)
    {
        ExtractLine(text, 0, keys, words);
        var firstLine = text.AsSpan().IndexOfAny('\r', '\n') is var end and >= 0 ? text[..end] : text;
        ExtractLine(firstLine, TitleTag, keys, words);
    }

    private static void ExtractLine(string text, ulong tag, List<ulong> keys, Dictionary<ulong, string>? words)
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
                AddHanGrams(text.AsSpan(start, i - start), tag, keys);
            }
            else if (char.IsAsciiLetterOrDigit(c))
            {
                var word = new StringBuilder();
                while (i < text.Length && char.IsAsciiLetterOrDigit(Fold(text[i])))
                {
                    word.Append(char.ToLowerInvariant(Fold(text[i])));
                    i++;
                }
                var key = WordTag | (Fnv(word) & (TitleTag - 1));
                keys.Add(key | tag);
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

    /// <summary>The text of a key: the characters of a Chinese gram, or the word kept for it (a title feature reads as its text).</summary>
    public static string Describe(ulong key, IReadOnlyDictionary<ulong, string> words)
    {
        key &= ~TitleTag;
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

    private static void AddHanGrams(ReadOnlySpan<char> run, ulong tag, List<ulong> keys)
    {
        for (var start = 0; start < run.Length; start++)
        {
            ulong packed = 0;
            for (var n = 1; n <= MaxGram && start + n <= run.Length; n++)
            {
                packed = (packed << 16) | run[start + n - 1];
                keys.Add(((ulong)n << 60) | packed | tag);
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
