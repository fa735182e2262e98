using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Supervision;

/// <summary>One supervision notice: the unit replies, a supervisor outside the unit accepts or sends it back.</summary>
public sealed class NoticeDetailModel(SupervisionWorkflow notices, AppDb db, CurrentUser me, UnitTree tree) : PageModel
{
    public SupervisionNotice Notice { get; private set; } = null!;
    public string UnitName { get; private set; } = "";
    public bool CanReply { get; private set; }
    public bool CanJudge { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(string id, CancellationToken ct) => await LoadAsync(id, ct);

    public Task<IActionResult> OnPostReplyAsync(string id, string? content, CancellationToken ct)
        => ActAsync(id, () => notices.ReplyAsync(id, new NoticeReplyRequest { Content = content ?? "" }, ct), "已提交回复", ct);

    public Task<IActionResult> OnPostJudgeAsync(string id, bool accept, string? note, CancellationToken ct)
        => ActAsync(id, () => notices.JudgeAsync(id, new NoticeJudgementRequest { Accept = accept, Note = note }, ct), accept ? "已认可回复" : "已退回重报", ct);

    private async Task<IActionResult> ActAsync(string id, Func<Task<SupervisionNotice>> action, string done, CancellationToken ct)
    {
        try
        {
            await action();
            TempData["Notice"] = done;
            return RedirectToPage(new { id });
        }
        catch (RuleException e)
        {
            Error = e.Message;
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            return Page();
        }
    }

    private async Task LoadAsync(string id, CancellationToken ct)
    {
        Notice = await notices.LoadAsync(id, ct);
        UnitName = await db.Units.AsNoTracking().Where(u => u.Id == Notice.UnitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        var inUnit = UnitTree.Subtree(await tree.GetAsync(db, ct), Notice.UnitId).Contains(me.UnitId);
        CanReply = inUnit && me.IsIn(Roles.Unit) && Notice.Status == NoticeStatus.Issued;
        CanJudge = !inUnit && me.IsIn(Roles.Supervisor, Roles.Admin) && Notice.Status == NoticeStatus.Replied;
    }
}
