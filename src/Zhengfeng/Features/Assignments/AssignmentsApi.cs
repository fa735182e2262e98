using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Assists;
using Zhengfeng.Features.Campaigns;
using Zhengfeng.Features.Exports;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Assignments;

/// <summary>交办督办: services and endpoints. The contract calls an assignment a task.</summary>
public static class AssignmentsApi
{
    public static IServiceCollection AddAssignments(this IServiceCollection services)
    {
        services.AddOptions<AssignmentRules>().BindConfiguration("Assignments").ValidateDataAnnotations().ValidateOnStart();
        return services.AddScoped<AssignmentWorkflow>().AddScoped<AssignmentLadder>();
    }

    public static void MapAssignments(this IEndpointRouteBuilder app)
    {
        var tasks = app.MapGroup("/api/v1/tasks").RequireAuthorization().WithTags("交办督办");
        tasks.MapPost("/", Create);
        tasks.MapGet("/", Search);
        tasks.MapGet("/export.xlsx", Export);
        tasks.MapGet("/{id}", Get);
        tasks.MapGet("/{id}/progress-draft", async (string id, AssignmentWorkflow flow, CancellationToken ct) => TypedResults.Ok(await flow.ProgressDraftAsync(id, ct)));
        tasks.MapPost("/{id}/progress", Progress);
        tasks.MapPost("/{id}/milestones/{seq:int}/completion", (string id, int seq, MilestoneDoneRequest r, AssignmentWorkflow flow, TimeProvider clock, CancellationToken ct)
            => View(id, flow.CompleteMilestoneAsync(id, seq, r, ct), flow, clock, ct));
        tasks.MapPost("/{id}/completion", (string id, AssignmentCompletionRequest r, AssignmentWorkflow flow, TimeProvider clock, CancellationToken ct)
            => View(id, flow.CompleteAsync(id, r, ct), flow, clock, ct));
        tasks.MapPost("/{id}/acceptance", (string id, AssignmentAcceptanceRequest r, AssignmentWorkflow flow, TimeProvider clock, CancellationToken ct)
            => View(id, flow.AcceptAsync(id, r, ct), flow, clock, ct));
    }

    private static async Task<Created<AssignmentView>> Create(CreateAssignmentRequest r, AssignmentWorkflow flow, TimeProvider clock, CancellationToken ct)
    {
        var a = await flow.CreateAsync(r, ct);
        return TypedResults.Created($"/api/v1/tasks/{a.Id}", AssignmentView.From(await flow.ReadAsync(a.Id, ct), clock.GetUtcNow()));
    }

    private static async Task<Ok<AssignmentView>> Get(string id, AssignmentWorkflow flow, TimeProvider clock, CancellationToken ct)
        => TypedResults.Ok(AssignmentView.From(await flow.ReadAsync(id, ct), clock.GetUtcNow()));

    private static async Task<Created<AssignmentProgressView>> Progress(string id, AssignmentProgressRequest r, AssignmentWorkflow flow, CancellationToken ct)
        => TypedResults.Created($"/api/v1/tasks/{id}", AssignmentProgressView.From(await flow.ReportProgressAsync(id, r, ct)));

    /// <summary>Runs the action, then answers with the whole task as it now stands.</summary>
    private static async Task<Ok<AssignmentView>> View(string id, Task<Assignment> action, AssignmentWorkflow flow, TimeProvider clock, CancellationToken ct)
    {
        await action;
        return TypedResults.Ok(AssignmentView.From(await flow.ReadAsync(id, ct), clock.GetUtcNow()));
    }

    private static async Task<Ok<Page<AssignmentListItem>>> Search(string? status, string? unitId, string? campaignId, string? source, bool? overdue, string? q,
        int? page, int? pageSize, AssignmentWorkflow flow, TimeProvider clock, CancellationToken ct)
    {
        var result = await flow.SearchAsync(Filter(status, unitId, campaignId, source, overdue, q), page ?? 1, pageSize ?? 20, ct);
        var today = clock.GetUtcNow().CstDate();
        return TypedResults.Ok(new Page<AssignmentListItem>(result.Items.Select(a => AssignmentListItem.From(a, today)).ToList(), result.Total, result.PageNumber, result.PageSize));
    }

    public static AssignmentFilter Filter(string? status, string? unitId, string? campaignId, string? source, bool? overdue, string? q)
        => new(WireEnum.ParseOptional<AssignmentStatus>(status, "status"), unitId, campaignId, WireEnum.ParseOptional<AssignmentSource>(source, "source"), overdue == true, q);

    /// <summary>交办事项台账 (.xlsx), with the list's filters and scope.</summary>
    private static async Task<FileContentHttpResult> Export(string? status, string? unitId, string? campaignId, string? source, bool? overdue, string? q,
        AssignmentWorkflow flow, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = now.CstDate();
        var rows = await (await flow.QueryAsync(Filter(status, unitId, campaignId, source, overdue, q), ct)).Take(LedgerExports.MaxRows + 1).ToListAsync(ct);
        if (rows.Count > LedgerExports.MaxRows)
        {
            throw new RuleException("export.too_many_rows", $"导出结果超过{LedgerExports.MaxRows}行，请缩小筛选范围后分批导出", 422);
        }
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var campaigns = await db.Set<Campaign>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var ids = rows.Select(a => a.Id).ToList();
        var assists = (await db.Set<AssistDuty>().AsNoTracking().Where(d => d.OwnerType == AssistOwner.Assignment && ids.Contains(d.OwnerId)).ToListAsync(ct))
            .ToLookup(d => d.OwnerId);
        string Unit(string id) => units.GetValueOrDefault(id, id);
        var bytes = LedgerExports.Sheet("交办事项台账", rows,
            Col("编号", 16, a => a.Number),
            Col("交办事项", 36, a => a.Title),
            Col("来源", 12, a => Assignment.Label(a.Source)),
            Col("交办依据", 24, a => a.SourceNote),
            Col("专项整治", 24, a => a.CampaignId is null ? null : campaigns.GetValueOrDefault(a.CampaignId, a.CampaignId)),
            Col("牵头单位", 20, a => Unit(a.LeadUnitId)),
            Col("配合单位", 30, a => string.Join("、", assists[a.Id].Select(d => Unit(d.UnitId)))),
            Col("责任人", 12, a => a.ResponsibleName),
            Col("交办时间", 17, a => a.AssignedAt),
            Col("完成期限", 12, a => a.DueOn),
            Col("状态", 14, a => Assignment.Label(a.Status)),
            Col("是否逾期", 10, a => a.IsOverdue(today)),
            Col("节点完成", 10, a => $"{a.Milestones.Count(m => m.DoneOn is not null)}/{a.Milestones.Count}"),
            Col("逾期节点", 24, a => string.Join("、", a.Milestones.Where(m => a.IsOpen && m.IsOverdue(today)).Select(m => m.Title))),
            Col("进展报告次数", 12, a => a.ProgressCount),
            Col("最近报告", 17, a => a.LastProgressAt),
            Col("报告完成时间", 17, a => a.ReportedAt),
            Col("验收办结时间", 17, a => a.DoneAt),
            Col("验收退回次数", 12, a => a.RejectCount));
        return TypedResults.File(bytes, LedgerExports.XlsxType, $"交办事项台账-{now.ToCst():yyyyMMdd}.xlsx");
    }

    private static LedgerExports.Column<Assignment> Col(string header, double width, Func<Assignment, object?> value) => new(header, width, value);
}
