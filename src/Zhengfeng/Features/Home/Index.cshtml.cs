using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Accountability;
using Zhengfeng.Features.Assignments;
using Zhengfeng.Features.Assists;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Hotspots;
using Zhengfeng.Features.Inspections;
using Zhengfeng.Features.Org;
using Zhengfeng.Features.Rectification;
using Zhengfeng.Features.Supervision;
using Zhengfeng.Features.TypicalCases;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Home;

/// <summary>The landing page: for each of the user's roles, what is waiting for them, with counts.</summary>
public sealed class IndexModel(AppDb db, CurrentUser me, UnitTree tree, CaseSearch cases, HotspotFinder hotspots, TimeProvider clock) : PageModel
{
    public sealed record Tile(string Label, int Count, string Href, string Hint);

    private static readonly AssignmentStatus[] OpenTasks = [AssignmentStatus.Assigned, AssignmentStatus.InProgress];

    public List<Tile> Tiles { get; } = [];
    public string UnitPath { get; private set; } = "";
    public IEnumerable<string> RoleLabels => me.Roles.Select(Roles.Label);

    public async Task OnGetAsync(CancellationToken ct)
    {
        UnitPath = UnitTree.PathOf(await tree.GetAsync(db, ct), me.UnitId);
        if (!me.IsStaff)
        {
            // An outside visitor (暗访员) has nothing here but the plans naming them.
            var mine = await InspectionWorkflow.OpenPlansOfVisitorAsync(db, me.Id, ct);
            Tiles.Add(new("暗访任务", mine, "/inspections", "个进行中的暗访计划"));
            return;
        }
        var visible = await me.VisibleUnitsAsync(ct);
        var cadres = db.Cadres.AsQueryable();
        if (visible is not null)
        {
            cadres = cadres.Where(c => visible.Contains(c.UnitId));
        }
        if (me.IsIn(Roles.Unit))
        {
            var inbox = await cases.InboxAsync(me.UnitId, CaseSearch.Box.ToSign, 1, ct);
            foreach (var (box, count) in inbox.Counts)
            {
                Tiles.Add(new(CaseSearch.BoxLabel(box), count, $"/inbox?box={box}", "件工单"));
            }
        }
        var now = clock.GetUtcNow();
        var today = now.CstDate();
        // The oversight tiles count within the user's area: a district's own records, everything at the top.
        var area = me.IsAreaWide ? visible?.ToList() : null;
        var inArea = area is null ? db.Set<Case>() : db.Set<Case>().Where(Case.LedOrPlacedIn(area));
        var cadresInArea = area is null ? db.Cadres : db.Cadres.Where(c => area.Contains(c.UnitId));
        if (me.IsIn(Roles.Operator, Roles.Dispatcher))
        {
            Tiles.Add(new("待派单", await inArea.CountAsync(c => c.Status == CaseStatus.Registered, ct), "/cases?status=registered", "件已登记未派出"));
        }
        if (me.IsIn(Roles.Operator))
        {
            Tiles.Add(new("回访任务", await cases.ReturnVisitTasks().CountAsync(ct), "/return-visits", "件差评或逾期未评价待回访"));
        }
        if (me.IsIn(Roles.Dispatcher))
        {
            Tiles.Add(new("退单待裁定", await inArea.CountAsync(c => c.Status == CaseStatus.ReturnRequested, ct), "/cases?status=return_requested", "件待派单员裁定"));
        }
        if (me.IsIn(Roles.Dispatcher, Roles.Leader))
        {
            Tiles.Add(new("延期待审批", await db.Set<ExtensionRequest>()
                .CountAsync(e => e.Decision == RequestDecision.Pending && (area == null || area.Contains(e.UnitId)), ct), "/cases?status=handling", "件延期申请"));
        }
        if (me.IsIn(Roles.Dispatcher, Roles.Supervisor, Roles.Leader))
        {
            Tiles.Add(new("已超期工单", await inArea.CountAsync(c => CaseSearch.OpenStatuses.Contains(c.Status) && c.HandleDueAt < now, ct), "/cases?overdue=true", "件超过办理时限"));
        }
        if (me.IsIn(Roles.Supervisor, Roles.Dispatcher))
        {
            var week = await hotspots.FindAsync(null, null, 1, ct);
            Tiles.Add(new("同一地点同类问题", week.Clusters.Total, "/hotspots", $"处近{week.Days}天同一地点同类诉求达{week.MinCases}件"));
        }
        if (me.IsIn(Roles.Supervisor, Roles.Inspector))
        {
            Tiles.Add(new("待核查线索", await db.Set<Clue>()
                .CountAsync(c => c.Status == ClueStatus.Registered && (area == null || area.Contains(c.UnitId)), ct), "/clues?status=registered", "条问题线索"));
        }
        if (me.IsIn(Roles.Supervisor, Roles.Inspector))
        {
            Tiles.Add(new("在办问责案件",
                await db.Set<AccountabilityCase>()
                    .Where(c => area == null || (c.UnitId != null && area.Contains(c.UnitId)) || cadresInArea.Any(p => p.Id == c.CadreId))
                    .CountAsync(c => c.Status == AccountabilityStatus.Opened || c.Status == AccountabilityStatus.Investigating, ct),
                "/accountability?status=active", "件已立项或调查中"));
        }
        if (me.IsIn(Roles.Leader, Roles.Inspector))
        {
            Tiles.Add(new("容错免责待认定", await db.Set<Exemption>()
                .CountAsync(e => e.Status == ExemptionStatus.Applied && cadresInArea.Any(p => p.Id == e.CadreId), ct), "/exemptions?status=applied", "件容错免责申请"));
        }
        if (me.IsIn(Roles.Supervisor))
        {
            Tiles.Add(new("待验收整改", await db.Set<RectificationItem>()
                .CountAsync(i => i.Status == RectificationStatus.Reported && (area == null || area.Contains(i.UnitId)), ct), "/rectifications?status=reported", "项已报告进展"));
            Tiles.Add(new("督办待研判", await db.Set<SupervisionNotice>()
                .CountAsync(n => n.Status == NoticeStatus.Replied && (area == null || area.Contains(n.UnitId)), ct), "/notices?status=replied", "份督办单已回复"));
            Tiles.Add(new("交办待验收", await db.Set<Assignment>()
                .CountAsync(a => a.Status == AssignmentStatus.Reported && (area == null || area.Contains(a.LeadUnitId)), ct), "/assignments?status=reported", "项已报告完成"));
            Tiles.Add(new("交办逾期", await db.Set<Assignment>()
                .CountAsync(a => OpenTasks.Contains(a.Status) && a.DueOn < today && (area == null || area.Contains(a.LeadUnitId)), ct), "/assignments?overdue=true",
                "项超过完成期限未报完成"));
        }
        if (me.IsIn(Roles.Unit))
        {
            var mine = visible?.ToList() ?? [];
            Tiles.Add(new("整改任务",
                await db.Set<RectificationItem>()
                    .CountAsync(i => mine.Contains(i.UnitId) && (i.Status == RectificationStatus.Open || i.Status == RectificationStatus.Reported), ct),
                "/rectifications", "项未销号"));
            Tiles.Add(new("待回复督办单", await db.Set<SupervisionNotice>().CountAsync(n => mine.Contains(n.UnitId) && n.Status == NoticeStatus.Issued, ct), "/notices?status=issued", "份"));
            Tiles.Add(new("交办事项", await db.Set<Assignment>().CountAsync(a => mine.Contains(a.LeadUnitId) && OpenTasks.Contains(a.Status), ct),
                "/assignments", "项牵头推进中"));
            Tiles.Add(new("待协办", await db.Set<AssistDuty>().CountAsync(d => mine.Contains(d.UnitId) && d.Status == AssistStatus.Pending, ct), "/assists", "项协办任务待提交意见"));
        }
        if (me.IsIn(Roles.Leader))
        {
            Tiles.Add(new("典型案例待审核", await db.Set<TypicalCase>().CountAsync(t => t.Status == TypicalCaseStatus.PendingReview, ct), "/typical-cases?status=pending_review", "件待审核发布"));
        }
        Tiles.Add(new("本单位及下级干部", await cadres.CountAsync(ct), "/people", "干部名册"));
        if (me.IsIn(Roles.Admin))
        {
            Tiles.Add(new("单位", await db.Units.CountAsync(ct), "/org", "组织机构"));
            Tiles.Add(new("账号", await db.Users.CountAsync(u => u.IsActive, ct), "/accounts", "启用中的账号"));
            Tiles.Add(new("审计日志", await db.AuditEntries.CountAsync(ct), "/audit", "条记录，可校验哈希链"));
        }
    }
}
