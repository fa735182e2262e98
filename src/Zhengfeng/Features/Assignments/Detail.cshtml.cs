using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Campaigns;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Assignments;

/// <summary>
/// 交办事项: the header, the 施工图 with each milestone's status, the assist units' parts and input, the progress record and
/// the notices; the forms only for whoever may use them (the lead and assist units report, the lead unit reports
/// milestones and completion, a supervisor outside the lead unit accepts or sends it back).
/// </summary>
public sealed class DetailModel(AssignmentWorkflow flow, AppDb db, UnitTree tree, CurrentUser me, TimeProvider clock) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";

    public AssignmentRecord Record { get; private set; } = null!;
    public Assignment A => Record.Assignment;
    public IReadOnlyDictionary<string, string> UnitNames { get; private set; } = new Dictionary<string, string>();
    public Campaign? Campaign { get; private set; }
    public DateOnly Today { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public string? ActingUnitId { get; private set; }
    public bool CanReport { get; private set; }
    public bool IsLeadStaff { get; private set; }
    public bool CanComplete { get; private set; }
    public bool CanAccept { get; private set; }
    public bool CanIssueNotice => me.IsIn(Roles.Supervisor, Roles.Admin);
    public AssignmentDraft? Draft { get; private set; }
    public IReadOnlyList<string> Periods { get; private set; } = [];

    public int DaysLeft => A.DueOn.DayNumber - Today.DayNumber;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostProgressAsync(AssignmentProgressRequest progress, CancellationToken ct)
    {
        var entry = await flow.ReportProgressAsync(Id, progress, ct);
        return Done(entry.Period is null ? "已报告进展" : $"已报告{ReportPeriods.Label(entry.Period)}的进展");
    }

    public async Task<IActionResult> OnPostMilestoneAsync(int seq, MilestoneDoneRequest milestone, CancellationToken ct)
    {
        await flow.CompleteMilestoneAsync(Id, seq, milestone, ct);
        return Done($"已报告节点{seq}完成");
    }

    public async Task<IActionResult> OnPostCompleteAsync(AssignmentCompletionRequest completion, CancellationToken ct)
    {
        await flow.CompleteAsync(Id, completion, ct);
        return Done("已报告完成，等待验收");
    }

    public async Task<IActionResult> OnPostAcceptAsync(AssignmentAcceptanceRequest acceptance, CancellationToken ct)
    {
        await flow.AcceptAsync(Id, acceptance, ct);
        return Done(acceptance.Accepted == true ? "验收通过，交办事项办结" : "已验收退回，牵头单位继续推进");
    }

    private RedirectToPageResult Done(string notice)
    {
        TempData["Notice"] = notice;
        return RedirectToPage("Detail", new { Id });
    }

    public string UnitName(string id) => UnitNames.GetValueOrDefault(id, id);

    public string MilestoneState(Milestone m) => m.DoneOn is { } done ? $"已完成（{AssignmentWorkflow.Day(done)}）"
        : m.IsOverdue(Today) ? $"逾期{Today.DayNumber - m.DueOn.DayNumber}天"
        : "未到期";

    public static string StepLabel(int? step) => step switch
    {
        null => "人工下发",
        0 => "完成期限",
        _ => $"节点{step}",
    };

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Today = Now.CstDate();
        Record = await flow.ReadAsync(Id, ct);
        UnitNames = (await tree.GetAsync(db, ct)).ToDictionary(kv => kv.Key, kv => kv.Value.Name);
        Campaign = A.CampaignId is null ? null : await db.Set<Campaign>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == A.CampaignId, ct);
        ActingUnitId = await flow.ActingUnitAsync(A, ct);
        CanReport = ActingUnitId is not null && Assignment.Table.Allows(A.Status, AssignmentAction.Progress);
        IsLeadStaff = await flow.IsLeadStaffAsync(A, ct);
        CanComplete = IsLeadStaff && Assignment.Table.Allows(A.Status, AssignmentAction.Complete);
        CanAccept = A.Status == AssignmentStatus.Reported && await flow.MayAcceptAsync(A, ct);
        if (CanReport)
        {
            Draft = await flow.ProgressDraftAsync(Id, ct);
            var reported = Record.Progress.Where(e => e.UnitId == ActingUnitId && e.Period is not null).Select(e => e.Period!).ToHashSet();
            Periods = AssignmentWorkflow.OpenPeriods(A, Today).Where(p => !reported.Contains(p)).ToList();
        }
    }
}
