using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Accounts;

/// <summary>
/// Password first; an account with TOTP then gives its code on a second step, carried by a short-lived protected ticket
/// (never the password). An account whose role requires TOTP but has none is signed in only to enrol.
/// </summary>
[AllowAnonymous]
public sealed class LoginModel(AccountService accounts, SessionService sessions, TotpService totp, AppDb db, IDataProtectionProvider protection) : WorkflowPage
{
    public const string EnrolClaim = "totp-enrol";
    private static readonly TimeSpan TicketLifetime = TimeSpan.FromMinutes(5);

    [BindProperty] public string? Username { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Ticket { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public bool AskCode => Ticket is not null;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var address = AccountsApi.ClientAddress(HttpContext);
        if (Ticket is not null)
        {
            return await SecondStepAsync(address, ct);
        }
        var user = await accounts.SignInAsync(Username, Password, address, ct);
        if (user.HasTotp)
        {
            ModelState.Clear();
            Ticket = Tickets.Protect($"{user.Id}|{address}", TicketLifetime);
            Password = null;
            return Page();
        }
        return await SignInAsync(user, enrolFirst: totp.IsRequired(user), ct);
    }

    private async Task<IActionResult> SecondStepAsync(string address, CancellationToken ct)
    {
        string[] parts;
        try
        {
            parts = Tickets.Unprotect(Ticket!).Split('|', 2);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            Ticket = null;
            throw new RuleException("auth.ticket_expired", "登录步骤已超时，请重新输入用户名和密码", 400);
        }
        var user = parts.Length == 2 && parts[1] == address ? await db.Users.FirstOrDefaultAsync(u => u.Id == parts[0] && u.IsActive, ct) : null;
        if (user is null)
        {
            Ticket = null;
            throw new RuleException("auth.invalid", AccountService.InvalidLogin, 401);
        }
        if (accounts.IsPairLocked(user.Username, address) || !totp.Verify(user, Code))
        {
            await accounts.FailSecondFactorAsync(user, address, ct);
            throw new RuleException("auth.totp_invalid", "动态验证码错误或已使用，请输入身份验证器中新的6位数字", 401);
        }
        return await SignInAsync(user, enrolFirst: false, ct);
    }

    private async Task<IActionResult> SignInAsync(UserAccount user, bool enrolFirst, CancellationToken ct)
    {
        var session = await sessions.OpenWebAsync(user, HttpContext, ct);
        var claims = TokenKeys.Claims(user, session.Id).ToList();
        if (enrolFirst)
        {
            claims.Add(new Claim(EnrolClaim, "1"));
        }
        var identity = new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        if (enrolFirst)
        {
            TempData["Notice"] = "您的角色须使用动态验证码登录，请先绑定身份验证器";
            return RedirectToPage("Me");
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    private ITimeLimitedDataProtector Tickets => protection.CreateProtector("zhengfeng.login-totp").ToTimeLimitedDataProtector();
}

public sealed class LogoutModel(SessionService sessions) : PageModel
{
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.FindFirstValue(SessionService.SessionClaim) is { } sid)
        {
            await sessions.EndAsync(sid, SessionEndReason.Logout, "session.logout", User.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        }
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/login");
    }
}
