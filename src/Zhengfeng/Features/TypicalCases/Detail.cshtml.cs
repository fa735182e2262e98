using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Data;
using Zhengfeng.Features.Cases;
using Zhengfeng.Web;

namespace Zhengfeng.Features.TypicalCases;

/// <summary>
/// 典型案例详情: the text, its source and who moved it when; the drafter edits and submits a draft, a reviewer other than
/// the drafter publishes or returns it, and withdraws a published one.
/// </summary>
public sealed class DetailModel(TypicalCaseWorkflow flow, TypicalSources sources, AppDb db, IAuthorizationService auth) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    public TypicalCase Item { get; private set; } = null!;
    public SourceRecord? Source { get; private set; }
    public string UnitName { get; private set; } = "";
    public bool CanEdit { get; private set; }
    public bool CanReview { get; private set; }
    public bool CanWithdraw { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    [Duty(Policies.DraftTypical)]
    public Task<IActionResult> OnPostEditAsync(EditTypicalCaseRequest edit, CancellationToken ct)
        => DoneAsync(() => flow.EditAsync(Id, edit, ct), "已保存修改", ct);

    [Duty(Policies.DraftTypical)]
    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
        => DoneAsync(() => flow.SubmitAsync(Id, ct), "已提交审核", ct);

    [Duty(Policies.ReviewTypical)]
    public Task<IActionResult> OnPostPublishAsync(ReviewTypicalCaseRequest review, CancellationToken ct)
        => DoneAsync(() => flow.PublishAsync(Id, review, ct), "已发布，公众可在典型案例公开栏查看", ct);

    [Duty(Policies.ReviewTypical)]
    public Task<IActionResult> OnPostReturnAsync(ReviewTypicalCaseRequest review, CancellationToken ct)
        => DoneAsync(() => flow.ReturnAsync(Id, review, ct), "已退回起草人修改", ct);

    [Duty(Policies.ReviewTypical)]
    public Task<IActionResult> OnPostWithdrawAsync(WithdrawTypicalCaseRequest withdraw, CancellationToken ct)
        => DoneAsync(() => flow.WithdrawAsync(Id, withdraw, ct), "已撤回，公开栏不再显示", ct);

    private async Task<IActionResult> DoneAsync(Func<Task> step, string done, CancellationToken ct)
    {
        await flow.LoadAsync(Id, ct); // a record out of the user's scope is a 403, not a message
        await step();
        TempData["Notice"] = done;
        return RedirectToPage("Detail", new { Id });
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Item = await flow.LoadAsync(Id, ct);
        UnitName = (await TypicalCasePages.UnitNamesAsync(db, ct)).GetValueOrDefault(Item.UnitId, "");
        Source = await TypicalCasePages.SourceOrNullAsync(sources, Item.SourceType, Item.SourceId, ct);
        CanEdit = flow.IsDrafter(Item) && Item.Status == TypicalCaseStatus.Draft;
        var reviewer = (await auth.AuthorizeAsync(User, Policies.ReviewTypical)).Succeeded;
        CanReview = reviewer && flow.MayReview(Item) && Item.Status == TypicalCaseStatus.PendingReview;
        CanWithdraw = reviewer && Item.Status == TypicalCaseStatus.Published;
    }
}
