using System.Security.Cryptography;
using System.Text;
using Zhengfeng.Data;

namespace Zhengfeng.Features.Cases;

/// <summary>
/// Encrypts reporters' names and phones at rest (AES-GCM). The key comes from IDENTITY_KEY (base64, 32 bytes;
/// set it for several instances) or from <c>identity.key</c> in the <see cref="KeyFolder"/>, created on first start,
/// kept apart from the database so a copy of the database alone reveals no one.
/// </summary>
public sealed class ReporterIdentity
{
    public const string FileName = "identity.key";
    private readonly byte[] _key;

    public ReporterIdentity(IConfiguration config)
    {
        var configured = config["IDENTITY_KEY"];
        if (string.IsNullOrEmpty(configured))
        {
            var path = Path.Combine(KeyFolder.Ensure(config), FileName);
            var earlier = Path.Combine(Database.DataFolder(config), FileName); // where an earlier version kept it
            if (!File.Exists(path) && File.Exists(earlier))
            {
                File.Move(earlier, path);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }
            configured = KeyFolder.ReadOrCreate(path, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }
        try
        {
            _key = Convert.FromBase64String(configured);
        }
        catch (FormatException)
        {
            _key = [];
        }
        if (_key.Length != 32)
        {
            throw new InvalidOperationException("报件人身份加密密钥（IDENTITY_KEY 或 identity.key）应为 32 字节的 base64");
        }
    }

    public string? Protect(string? plain)
    {
        if (string.IsNullOrEmpty(plain))
        {
            return null;
        }
        var nonce = RandomNumberGenerator.GetBytes(12);
        var data = Encoding.UTF8.GetBytes(plain);
        var cipher = new byte[data.Length];
        var tag = new byte[16];
        using var aes = new AesGcm(_key, 16);
        aes.Encrypt(nonce, data, cipher, tag);
        return Convert.ToBase64String([.. nonce, .. tag, .. cipher]);
    }

    public string? Unprotect(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return null;
        }
        var all = Convert.FromBase64String(stored);
        var plain = new byte[all.Length - 28];
        using var aes = new AesGcm(_key, 16);
        aes.Decrypt(all.AsSpan(0, 12), all.AsSpan(28), all.AsSpan(12, 16), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>Keyed hash of a phone number (digits only), for finding repeat reporters.</summary>
    public string? PhoneHash(string? phone)
    {
        var digits = new string((phone ?? "").Where(char.IsDigit).ToArray());
        return digits.Length == 0 ? null : Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(digits)))[..32];
    }
}
