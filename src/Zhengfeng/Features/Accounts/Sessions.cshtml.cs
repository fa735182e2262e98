using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Accounts;

/// <summary>An admin's view of one account's signed-in devices: end one or all, reset the second factor.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class SessionsModel(AccountService accounts, SessionService sessions, TotpService totp, AppDb db, CurrentUser me) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";

    public UserAccount Account { get; private set; } = null!;
    public List<UserSession> Open { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostEndAsync(string sessionId, CancellationToken ct)
    {
        if (!(await sessions.OpenSessionsAsync(Id, ct)).Any(s => s.Id == sessionId))
        {
            throw new NotFoundException("登录会话");
        }
        await sessions.EndAsync(sessionId, SessionEndReason.EndedByAdmin, "session.end", me.Id, ct);
        return Done("已结束该设备的登录");
    }

    public async Task<IActionResult> OnPostEndAllAsync(CancellationToken ct)
    {
        var ended = await sessions.EndAllAsync(Id, SessionEndReason.EndedByAdmin, me.Id, ct);
        db.PendingAction = "session.end-all";
        await db.SaveChangesAsync(ct);
        sessions.Forget(ended);
        return Done($"已结束全部 {ended.Count} 个登录");
    }

    public async Task<IActionResult> OnPostResetTotpAsync(CancellationToken ct)
    {
        await totp.ResetAsync(Id, me.Id, ct);
        return Done("已重置动态验证码，该账号所有登录均已结束，需重新绑定");
    }

    private RedirectToPageResult Done(string notice)
    {
        TempData["Notice"] = notice;
        return RedirectToPage(new { id = Id });
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Account = await accounts.GetAsync(Id, ct);
        Open = await sessions.OpenSessionsAsync(Id, ct);
    }
}
