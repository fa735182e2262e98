using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Supervision;

/// <summary>One supervision notice: the unit replies, a supervisor outside the unit accepts or sends it back.</summary>
public sealed class NoticeDetailModel(SupervisionWorkflow notices, AppDb db) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    public SupervisionNotice Notice { get; private set; } = null!;
    public string UnitName { get; private set; } = "";
    public bool CanReply { get; private set; }
    public bool CanJudge { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostReplyAsync(string? content, CancellationToken ct)
    {
        await notices.ReplyAsync(Id, new NoticeReplyRequest { Content = content ?? "" }, ct);
        return Done("已提交回复");
    }

    public async Task<IActionResult> OnPostJudgeAsync(bool accept, string? note, CancellationToken ct)
    {
        await notices.JudgeAsync(Id, new NoticeJudgementRequest { Accept = accept, Note = note }, ct);
        return Done(accept ? "已认可回复" : "已退回重报");
    }

    private RedirectToPageResult Done(string notice)
    {
        TempData["Notice"] = notice;
        return RedirectToPage(new { Id });
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Notice = await notices.LoadAsync(Id, ct);
        UnitName = await db.Units.AsNoTracking().Where(u => u.Id == Notice.UnitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        CanReply = Notice.Status == NoticeStatus.Issued && await notices.MayReplyAsync(Notice, ct);
        CanJudge = Notice.Status == NoticeStatus.Replied && await notices.MayJudgeAsync(Notice, ct);
    }
}
