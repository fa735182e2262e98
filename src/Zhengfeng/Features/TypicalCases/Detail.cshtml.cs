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
public sealed class DetailModel(TypicalCaseWorkflow flow, TypicalSources sources, AppDb db, IAuthorizationService auth) : PageModel
{
    public TypicalCase Item { get; private set; } = null!;
    public SourceRecord? Source { get; private set; }
    public string UnitName { get; private set; } = "";
    public string? Error { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanReview { get; private set; }
    public bool CanWithdraw { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        try
        {
            await LoadAsync(id, ct);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
    }

    public Task<IActionResult> OnPostEditAsync(string id, EditTypicalCaseRequest edit, CancellationToken ct)
        => ActAsync(id, Policies.DraftTypical, edit, () => flow.EditAsync(id, edit, ct), "已保存修改", ct);

    public Task<IActionResult> OnPostSubmitAsync(string id, CancellationToken ct)
        => ActAsync(id, Policies.DraftTypical, null, () => flow.SubmitAsync(id, ct), "已提交审核", ct);

    public Task<IActionResult> OnPostPublishAsync(string id, ReviewTypicalCaseRequest review, CancellationToken ct)
        => ActAsync(id, Policies.ReviewTypical, review, () => flow.PublishAsync(id, review, ct), "已发布，公众可在典型案例公开栏查看", ct);

    public Task<IActionResult> OnPostReturnAsync(string id, ReviewTypicalCaseRequest review, CancellationToken ct)
        => ActAsync(id, Policies.ReviewTypical, review, () => flow.ReturnAsync(id, review, ct), "已退回起草人修改", ct);

    public Task<IActionResult> OnPostWithdrawAsync(string id, WithdrawTypicalCaseRequest withdraw, CancellationToken ct)
        => ActAsync(id, Policies.ReviewTypical, withdraw, () => flow.WithdrawAsync(id, withdraw, ct), "已撤回，公开栏不再显示", ct);

    private async Task<IActionResult> ActAsync(string id, string policy, object? input, Func<Task> action, string done, CancellationToken ct)
    {
        if (!(await auth.AuthorizeAsync(User, policy)).Succeeded)
        {
            return Forbid();
        }
        try
        {
            await flow.LoadAsync(id, ct); // a record out of the user's scope is a 403, not a message
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
        if (CasePages.Invalid(input) is { } invalid)
        {
            Error = invalid;
        }
        else
        {
            try
            {
                await action();
                TempData["Notice"] = done;
                return RedirectToPage("Detail", new { id });
            }
            catch (RuleException e)
            {
                Error = e.Message;
            }
        }
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(string id, CancellationToken ct)
    {
        Item = await flow.LoadAsync(id, ct);
        UnitName = (await TypicalCasePages.UnitNamesAsync(db, ct)).GetValueOrDefault(Item.UnitId, "");
        try
        {
            Source = await sources.LoadAsync(Item.SourceType, Item.SourceId, ct);
        }
        catch (RuleException)
        {
            Source = null;
        }
        CanEdit = flow.IsDrafter(Item) && Item.Status == TypicalCaseStatus.Draft;
        var reviewer = (await auth.AuthorizeAsync(User, Policies.ReviewTypical)).Succeeded;
        CanReview = reviewer && flow.MayReview(Item) && Item.Status == TypicalCaseStatus.PendingReview;
        CanWithdraw = reviewer && Item.Status == TypicalCaseStatus.Published;
    }
}
