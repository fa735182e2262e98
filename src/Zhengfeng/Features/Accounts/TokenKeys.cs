using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Accounts;

/// <summary>
/// The API's bearer tokens are JWTs signed with a key kept in the database, so every app instance on the
/// same database accepts every other's tokens.
/// </summary>
public sealed class TokenKeys
{
    public const string Issuer = "zhengfeng";
    private const string SettingKey = "jwt-signing-key";
    private SymmetricSecurityKey? _key;

    public SymmetricSecurityKey Key => _key ?? throw new InvalidOperationException("Token keys not loaded");

    public async Task LoadAsync(AppDb db, CancellationToken ct)
    {
        var setting = await db.Settings.FirstOrDefaultAsync(s => s.Key == SettingKey, ct);
        if (setting is null)
        {
            setting = new AppSetting { Key = SettingKey, Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
            db.Settings.Add(setting);
            db.PendingAction = "security.create-signing-key";
            await db.SaveChangesAsync(ct);
        }
        _key = new SymmetricSecurityKey(Convert.FromBase64String(setting.Value));
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
