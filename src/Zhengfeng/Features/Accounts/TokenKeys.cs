using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Accounts;

/// <summary>
/// The API's bearer tokens are JWTs signed with a key kept outside the database: <c>token-signing.key</c> in the
/// <see cref="KeyFolder"/>, or ZHENGFENG_TOKEN_KEY (base64, at least 32 bytes) for instances that do not share a folder.
/// Whoever reads or restores the database cannot mint a token. A key that an earlier version kept in the database is
/// moved to the file on the first start, so tokens already issued stay valid.
/// </summary>
public sealed class TokenKeys
{
    public const string Issuer = "zhengfeng";
    public const string KeyVariable = "TOKEN_KEY";
    public const string FileName = "token-signing.key";
    internal const string LegacySettingKey = "jwt-signing-key";
    private SymmetricSecurityKey? _key;

    public SymmetricSecurityKey Key => _key ?? throw new InvalidOperationException("Token keys not loaded");

    public async Task LoadAsync(AppDb db, IConfiguration config, CancellationToken ct)
    {
        var legacy = await db.Settings.FirstOrDefaultAsync(s => s.Key == LegacySettingKey, ct);
        var text = config[KeyVariable] is { Length: > 0 } given
            ? given.Trim()
            : KeyFolder.ReadOrCreate(Path.Combine(KeyFolder.Ensure(config), FileName),
                () => legacy?.Value ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        byte[] key;
        try
        {
            key = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            key = [];
        }
        if (key.Length < 32)
        {
            throw new InvalidOperationException($"令牌签名密钥应为至少 32 字节的 base64（{KeyVariable} 或 {FileName}）");
        }
        _key = new SymmetricSecurityKey(key);
        if (legacy is not null)
        {
            db.Settings.Remove(legacy);
            db.PendingAction = "security.move-signing-key";
            await db.SaveChangesAsync(ct);
        }
    }

    public (string Token, DateTimeOffset ExpiresAt) Issue(UserAccount user, string sessionId, DateTimeOffset now, TimeSpan lifetime)
    {
        var expires = now + lifetime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            Subject = new ClaimsIdentity(Claims(user, sessionId)),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }

    public static IEnumerable<Claim> Claims(UserAccount user, string sessionId)
    {
        yield return new Claim(SessionService.SessionClaim, sessionId);
        yield return new Claim(ClaimTypes.NameIdentifier, user.Id);
        yield return new Claim(ClaimTypes.Name, user.Username);
        yield return new Claim(ClaimTypes.GivenName, user.DisplayName);
        yield return new Claim(CurrentUser.UnitClaim, user.UnitId);
        foreach (var role in user.RoleList)
        {
            yield return new Claim(ClaimTypes.Role, role);
        }
    }
}
