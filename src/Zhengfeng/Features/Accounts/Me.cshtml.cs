using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Accounts;

/// <summary>我的账号: the signed-in devices with 退出 for each, the password, and the second factor.</summary>
public sealed class MeModel(AccountService accounts, SessionService sessions, TotpService totp, CurrentUser me) : WorkflowPage
{
    public UserAccount Account { get; private set; } = null!;
    public List<UserSession> Sessions { get; private set; } = [];
    public TotpEnrolment? Pending { get; private set; }
    public bool TotpEligible => TotpService.IsEligible(Account);
    public bool TotpRequired => totp.IsRequired(Account);
    public string CurrentSessionId => me.SessionId;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostEndAsync(string sessionId, CancellationToken ct)
    {
        if (!(await sessions.OpenSessionsAsync(me.Id, ct)).Any(s => s.Id == sessionId))
        {
            throw new NotFoundException("登录会话");
        }
        await sessions.EndAsync(sessionId, SessionEndReason.EndedByUser, "session.end", me.Id, ct);
        if (sessionId == me.SessionId)
        {
            await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Redirect("/login");
        }
        return Done("已退出该设备的登录");
    }

    public async Task<IActionResult> OnPostPasswordAsync(string? currentPassword, string? newPassword, CancellationToken ct)
    {
        await accounts.ChangeOwnPasswordAsync(me.Id, currentPassword, newPassword, ct);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        TempData["Notice"] = "密码已修改，所有设备上的登录均已结束，请用新密码重新登录";
        return Redirect("/login");
    }

    public async Task<IActionResult> OnPostTotpBeginAsync(CancellationToken ct)
    {
        await totp.BeginAsync(me.Id, ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostTotpConfirmAsync(string? code, CancellationToken ct)
    {
        await totp.ConfirmAsync(me.Id, code, ct);
        if (User.HasClaim(c => c.Type == LoginModel.EnrolClaim))
        {
            // Signed in only to enrol: the same session, now without the restriction.
            var identity = new ClaimsIdentity(User.Claims.Where(c => c.Type != LoginModel.EnrolClaim), CookieAuthenticationDefaults.AuthenticationScheme,
                ClaimTypes.Name, ClaimTypes.Role);
            await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        }
        return Done("已启用动态验证码，今后登录时需输入身份验证器中的6位数字");
    }

    private RedirectToPageResult Done(string notice)
    {
        TempData["Notice"] = notice;
        return RedirectToPage();
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Account = await accounts.GetAsync(me.Id, ct);
        Sessions = await sessions.OpenSessionsAsync(me.Id, ct);
        Pending = Account.HasTotp ? null : totp.Pending(Account);
    }
}
