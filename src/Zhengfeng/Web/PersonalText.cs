using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Zhengfeng.Web;

/// <summary>
/// Personal data in free text: how it is compared (so a zero-width space or full-width digits do not slip a name or a phone
/// number past a check) and how mobile and ID numbers are hidden in text that others read.
/// </summary>
public static partial class PersonalText
{
    /// <summary>The text as compared: NFKC (full-width digits and letters become ASCII), no zero-width or soft-hyphen characters, no whitespace.</summary>
    public static string ForComparison(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var folded = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            if (!char.IsWhiteSpace(ch) && !IsInvisible(ch))
            {
                sb.Append(ch);
            }
        }
        return sb.ToString();
    }

    /// <summary>Only the digits of <see cref="ForComparison"/>: how phone numbers are compared.</summary>
    public static string Digits(string? text) => new([.. ForComparison(text).Where(char.IsAsciiDigit)]);

    /// <summary>
    /// Hides mobile numbers (also written with spaces or dashes, or in full-width digits) and ID numbers, keeping the first three
    /// characters. Invisible characters are dropped and full-width digits made ASCII; other text is left as written.
    /// </summary>
    public static string HideNumbers(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (IsInvisible(ch))
            {
                continue;
            }
            sb.Append(ch is >= '０' and <= '９' ? (char)('0' + (ch - '０')) : ch);
        }
        return Numbers().Replace(sb.ToString(), m => m.Value[..3] + new string('*', m.Value.Length - 3));
    }

    private static bool IsInvisible(char ch)
        => ch is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' || CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.Format;

    [GeneratedRegex(@"(?<!\d)(1[3-9]\d(?:[ \-]?\d{4}){2}|\d{17}[\dXx]|\d{15})(?!\d)")]
    private static partial Regex Numbers();
}
