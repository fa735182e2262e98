namespace Zhengfeng.Features.Accounts;

/// <summary>
/// Refuses passwords that are guessed first: too short, without both letters and digits, containing the username, on the
/// shipped list of common passwords (or one of its bases with only digits and symbols around it, such as 'Admin@123'),
/// or a simple pattern (one character repeated, a run such as 12345678 or abcdefgh, a keyboard walk such as qwertyui).
/// </summary>
public static class PasswordPolicy
{
    private static readonly string[] KeyboardWalks =
    [
        "`1234567890-=", "qwertyuiop[]\\", "asdfghjkl;'", "zxcvbnm,./", "!@#$%^&*()_+",
        "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/", "zaq1xsw2cde3vfr4bgt5nhy6mju7,ki8.lo9/;p0",
        "1q2w3e4r5t6y7u8i9o0p", "q1w2e3r4t5y6u7i8o9p0", "a1s2d3f4g5h6j7k8l9", "z1x2c3v4b5n6m7", "qazwsxedcrfvtgbyhnujmikolp",
    ];

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    public static bool IsCommon(string password) => Common.Value.Contains(password.ToLowerInvariant());

    /// <summary>Null when the password is acceptable, or the reason (in Chinese) why not.</summary>
    public static string? Check(string? password, string? username, int minLength = 8)
    {
        password ??= "";
        if (password.Length < minLength || !password.Any(char.IsLetter) || !password.Any(char.IsDigit))
        {
            return $"密码至少{minLength}位，且须同时包含字母和数字";
        }
        var lower = password.ToLowerInvariant();
        var name = (username ?? "").Trim().ToLowerInvariant();
        if (name.Length >= 3 && (lower.Contains(name, StringComparison.Ordinal) || lower.Contains(Reverse(name), StringComparison.Ordinal)))
        {
            return "密码不能包含用户名";
        }
        var core = lower.Trim(TrimmedAround());
        if (Common.Value.Contains(lower) || (core.Length > 0 && Common.Value.Contains(core)))
        {
            return "该密码是常见弱密码（如 123456、password、Aa123456、admin123、woaini1314 之类），很容易被猜中，请换一个";
        }
        if (IsSimplePattern(lower) || (core.Length >= 6 && IsSimplePattern(core)))
        {
            return "密码不能是简单规律（同一字符重复、连续的数字或字母、键盘上相邻的键）";
        }
        return null;
    }

    /// <summary>One short unit repeated (aaaaaaaa, abcabcab, a1a1a1a1), an ascending or descending run, or a keyboard walk.</summary>
    public static bool IsSimplePattern(string lower)
    {
        for (var unit = 1; unit <= 4 && unit < lower.Length; unit++)
        {
            var repeated = true;
            for (var i = unit; i < lower.Length && repeated; i++)
            {
                repeated = lower[i] == lower[i - unit];
            }
            if (repeated)
            {
                return true;
            }
        }
        if (IsRun(lower, 1) || IsRun(lower, -1))
        {
            return true;
        }
        return KeyboardWalks.Any(w => w.Contains(lower, StringComparison.Ordinal) || Reverse(w).Contains(lower, StringComparison.Ordinal));
    }

    private static bool IsRun(string text, int step)
    {
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] - text[i - 1] != step)
            {
                return false;
            }
        }
        return true;
    }

    private static char[] TrimmedAround() => "0123456789!@#$%^&*()_+-=.,;:?~`'\"/\\|[]{}<> ".ToCharArray();

    private static string Reverse(string text)
    {
        var chars = text.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }

    private static HashSet<string> LoadCommon()
    {
        var asm = typeof(PasswordPolicy).Assembly;
        var name = asm.GetManifestResourceNames().Single(n => n.EndsWith("common-passwords.txt", StringComparison.Ordinal));
        using var reader = new StreamReader(asm.GetManifestResourceStream(name)!);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim());
            }
        }
        return set;
    }
}
