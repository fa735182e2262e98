using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OtpNet;
using Zhengfeng.Data;
using Zhengfeng.Features.Cases;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Accounts;

public sealed record TotpEnrolment(string Secret, string Uri);

/// <summary>
/// Time-based one-time codes (RFC 6238: 30-second steps, 6 digits, SHA-1, as every authenticator app expects) for the
/// roles that hold the most: admin, inspector and leader. The secret is encrypted at rest with the reporters' identity key.
/// </summary>
public sealed class TotpService(AppDb db, TimeProvider clock, ReporterIdentity crypto, SessionService sessions, IOptions<SecurityOptions> options)
{
    public static readonly IReadOnlySet<string> EligibleRoles = new HashSet<string> { Roles.Admin, Roles.Inspector, Roles.Leader };

    public static bool IsEligible(UserAccount user) => user.RoleList.Any(EligibleRoles.Contains);

    /// <summary>Whether the account must sign in with a code (<c>Security:RequireTotpFor</c> names one of its roles).</summary>
    public bool IsRequired(UserAccount user) => user.RoleList.Any(r => options.Value.RequireTotpFor.Contains(r, StringComparer.OrdinalIgnoreCase));

    /// <summary>A new secret to scan or type into the app; it takes effect once a code from it is confirmed.</summary>
    public async Task<TotpEnrolment> BeginAsync(string userId, CancellationToken ct)
    {
        var user = await LoadAsync(userId, ct);
        if (!IsEligible(user))
        {
            throw new RuleException("totp.not_eligible", "动态验证码仅适用于管理员、纪检和领导账号", 409);
        }
        var secret = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
        user.TotpPendingSecret = crypto.Protect(secret);
        db.PendingAction = "totp.begin";
        await db.SaveChangesAsync(ct);
        return new TotpEnrolment(secret, UriFor(user, secret));
    }

    /// <summary>The pending secret and its link again (the enrolment page shows them until a code is confirmed).</summary>
    public TotpEnrolment? Pending(UserAccount user)
        => crypto.Unprotect(user.TotpPendingSecret) is { } secret ? new TotpEnrolment(secret, UriFor(user, secret)) : null;

    public async Task ConfirmAsync(string userId, string? code, CancellationToken ct)
    {
        var user = await LoadAsync(userId, ct);
        var secret = crypto.Unprotect(user.TotpPendingSecret) ?? throw new RuleException("totp.no_pending", "请先生成密钥再输入验证码", 409);
        if (!Matches(user, secret, code))
        {
            throw new RuleException("totp.wrong_code", "验证码不正确，请核对手机时间后重新输入", 400);
        }
        user.TotpSecret = user.TotpPendingSecret;
        user.TotpPendingSecret = null;
        user.TotpEnabledAt = clock.GetUtcNow();
        db.PendingAction = "totp.enable";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>An admin clears a user's second factor (a lost phone); the user's sessions end and they enrol again.</summary>
    public async Task ResetAsync(string userId, string by, CancellationToken ct)
    {
        var user = await LoadAsync(userId, ct);
        user.TotpSecret = null;
        user.TotpPendingSecret = null;
        user.TotpEnabledAt = null;
        var ended = await sessions.EndAllAsync(user.Id, SessionEndReason.TotpChanged, by, ct);
        db.PendingAction = "totp.reset";
        await db.SaveChangesAsync(ct);
        sessions.Forget(ended);
    }

    /// <summary>Checks a sign-in code against the enrolled secret; each code is accepted once (the step is saved with the login).</summary>
    public bool Verify(UserAccount user, string? code)
        => crypto.Unprotect(user.TotpSecret) is { } secret && Matches(user, secret, code);

    private bool Matches(UserAccount user, string secret, string? code)
    {
        code = (code ?? "").Trim().Replace(" ", "", StringComparison.Ordinal);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }
        var totp = new Totp(Base32Encoding.ToBytes(secret));
        // One step either side allows for a phone clock that is a little off.
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, code, out var step, new VerificationWindow(1, 1)) || step <= user.TotpLastStep)
        {
            return false;
        }
        user.TotpLastStep = step;
        return true;
    }

    private async Task<UserAccount> LoadAsync(string userId, CancellationToken ct)
        => await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw new NotFoundException("用户");

    private static string UriFor(UserAccount user, string secret)
        => $"otpauth://totp/{Uri.EscapeDataString("正风:" + user.Username)}?secret={secret}&issuer={Uri.EscapeDataString("正风")}&algorithm=SHA1&digits=6&period=30";
}
