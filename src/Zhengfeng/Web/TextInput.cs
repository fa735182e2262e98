namespace Zhengfeng.Web;

/// <summary>Optional text fields as they are stored: trimmed, and null when nothing but whitespace was given.</summary>
public static class TextInput
{
    public static string? TrimToNull(this string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
