using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Assignments;
using Zhengfeng.Features.Campaigns;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Org;
using Zhengfeng.Features.Rectification;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Supervision;

/// <summary>
/// 下发督办单 by hand: a unit, optionally tied to an assignment, a case, a clue or a rectification item (links fill the form
/// in). For an assignment the page suggests the next level of the ladder from the notices it already has and writes the
/// reason from its overdue milestones.
/// </summary>
[Authorize(Policy = Policies.Supervise)]
public sealed class NewNoticeModel(SupervisionWorkflow notices, AssignmentLadder ladder, AppDb db, TimeProvider clock, DispatchChoices choices) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public string? AssignmentId { get; set; }
    [BindProperty(SupportsGet = true)] public string? CaseId { get; set; }
    [BindProperty(SupportsGet = true)] public string? ClueId { get; set; }
    [BindProperty(SupportsGet = true)] public string? RectificationId { get; set; }
    [BindProperty(SupportsGet = true)] public string? CampaignId { get; set; }
    [BindProperty] public NoticeLevel? Level { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int? ReplyWorkdays { get; set; }

    /// <summary>The districts below the user's area first (a city sends a notice to a district as a whole), then its units.</summary>
    public List<DispatchChoices.Choice> Units { get; private set; } = [];
    public List<Campaign> Campaigns { get; private set; } = [];
    public Assignment? Assignment { get; private set; }
    /// <summary>What the notice is about, in words, with a link.</summary>
    public (string Label, string Href)? Subject { get; private set; }
    /// <summary>Why the level was suggested (an assignment's notices so far).</summary>
    public string? LevelWhy { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var today = clock.GetUtcNow().CstDate();
        if (Assignment is { } a)
        {
            UnitId ??= a.LeadUnitId;
            CampaignId ??= a.CampaignId;
            var had = await db.Set<SupervisionNotice>().AsNoTracking().Where(n => n.AssignmentId == a.Id).Select(n => n.Level).ToListAsync(ct);
            Level ??= AssignmentLadder.NextLevel(had);
            LevelWhy = had.Count == 0 ? "该事项尚无督办单，建议先提醒"
                : $"该事项已有督办单{had.Count}份（最高为{SupervisionNotice.Label(had.Max())}），建议升级为{SupervisionNotice.Label(Level.Value)}";
            Reason ??= ladder.SuggestedReason(a, today);
        }
        else if (CaseId.TrimToNull() is { } caseId && await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct) is { } c)
        {
            UnitId ??= c.LeadUnitId;
            Reason ??= $"工单“{c.Title}”（工单编号{c.Number}）办理期限{ChinaTime.Format(c.HandleDueAt)}。请说明办理进展，限期办结并答复群众。";
        }
        else if (RectificationId.TrimToNull() is { } itemId && await db.Set<RectificationItem>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId, ct) is { } item)
        {
            UnitId ??= item.UnitId;
            Reason ??= $"整改任务“{Short(item.Measures)}”整改期限{AssignmentWorkflow.Day(item.DueDate)}。请说明整改进展，按期整改到位。";
        }
        else if (ClueId.TrimToNull() is { } clueId && await db.Set<Clue>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == clueId, ct) is { } clue)
        {
            UnitId ??= clue.UnitId;
            Reason ??= $"问题线索：{Short(clue.Content)}。请核查整改并书面说明。";
        }
        Level ??= NoticeLevel.Reminder;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(UnitId))
        {
            ModelState.AddModelError(nameof(UnitId), "请选择督办对象单位");
        }
        if (Level is null)
        {
            ModelState.AddModelError(nameof(Level), "请选择督办级别");
        }
        if (string.IsNullOrWhiteSpace(Reason) || Reason.Trim().Length < 2 || Reason.Length > 2000)
        {
            ModelState.AddModelError(nameof(Reason), "督办事由应为2至2000字");
        }
        if (ReplyWorkdays is < 1 or > 30)
        {
            ModelState.AddModelError(nameof(ReplyWorkdays), "回复时限应为1至30个工作日");
        }
        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync(ct);
        }
        var notice = await notices.IssueAsync(new IssueNoticeRequest
        {
            UnitId = UnitId!, Level = Level, Reason = Reason!, ReplyWorkdays = ReplyWorkdays, AssignmentId = AssignmentId.TrimToNull(), CaseId = CaseId.TrimToNull(),
            ClueId = ClueId.TrimToNull(), RectificationId = RectificationId.TrimToNull(), CampaignId = CampaignId.TrimToNull(),
        }, ct);
        TempData["Notice"] = $"已下发{SupervisionNotice.Label(notice.Level)}督办单{notice.Number}";
        return RedirectToPage("NoticeDetail", new { id = notice.Id });
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Units = [.. (await notices.DistrictTargetsAsync(ct)).Select(d => new DispatchChoices.Choice(d.Id, d.Name, $"{d.Name}（区县）", "区县")),
            .. await choices.AllAsync(ct)];
        Campaigns = await db.Set<Campaign>().AsNoTracking().OrderByDescending(c => c.StartsOn).Take(100).ToListAsync(ct);
        Assignment = AssignmentId.TrimToNull() is { } id ? await db.Set<Assignment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) : null;
        Subject = Assignment is { } a ? ($"交办事项{a.Number}“{a.Title}”", $"/assignments/{a.Id}")
            : CaseId.TrimToNull() is { } caseId ? ("群众诉求工单", $"/cases/{caseId}")
            : RectificationId.TrimToNull() is { } itemId ? ("整改任务", $"/rectifications/{itemId}")
            : ClueId.TrimToNull() is { } clueId ? ("问题线索", $"/clues/{clueId}")
            : null;
    }


    private static string Short(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
