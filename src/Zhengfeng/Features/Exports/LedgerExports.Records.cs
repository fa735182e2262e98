using System.Globalization;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Accountability;
using Zhengfeng.Features.Accounts;
using Zhengfeng.Features.Assessments;
using Zhengfeng.Features.Audit;
using Zhengfeng.Features.Interventions;
using Zhengfeng.Features.Reports;
using Zhengfeng.Features.Supervision;
using Zhengfeng.Features.TypicalCases;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Exports;

/// <summary>The ledgers of 督办, 问责, 容错免责, 年度考核 and 典型案例, and the admin's accounts and audit log.</summary>
public static partial class LedgerExports
{
    private static void MapRecordExports(RouteGroupBuilder exports)
    {
        exports.MapGet("/notices.xlsx", Notices);
        exports.MapGet("/accountability.xlsx", AccountabilityCases).RequireAuthorization(Policies.Inspect);
        exports.MapGet("/accountability-gaps.xlsx", AccountabilityGaps).RequireAuthorization(Policies.Inspect);
        exports.MapGet("/exemptions.xlsx", Exemptions).RequireAuthorization(Policies.ReadIntegrity);
        exports.MapGet("/assessments.xlsx", Assessments).RequireAuthorization(Policies.Lead);
        exports.MapGet("/typical-cases.xlsx", TypicalCases);
        exports.MapGet("/accounts.xlsx", Accounts).RequireAuthorization(Policies.Admin);
        exports.MapGet("/audit.xlsx", AuditLog).RequireAuthorization(Policies.Admin);
        exports.MapGet("/reports.xlsx", Reports).RequireAuthorization(Policies.Reports);
        exports.MapGet("/interventions.xlsx", Interventions).RequireAuthorization(Policies.Interventions);
    }

    /// <summary>重整改轻追责: verified problems with no accountability case, oldest first.</summary>
    private static async Task<FileContentHttpResult> AccountabilityGaps(int? days, string? unitId, AccountabilityGaps gaps, TimeProvider clock, CancellationToken ct)
    {
        var rows = await gaps.ListAsync(days, unitId, ct);
        return File("已核实未问责问题清单", clock.GetUtcNow(), Sheet("已核实未问责问题", rows.Take(MaxRows).ToList(),
            Col<AccountabilityGap>("类别", 16, g => g.KindLabel),
            Col<AccountabilityGap>("单位", 24, g => g.UnitName),
            Col<AccountabilityGap>("问题", 60, g => g.Title),
            Col<AccountabilityGap>("核实或督办时间", 17, g => g.Since),
            Col<AccountabilityGap>("已过天数", 10, g => g.Days)));
    }

    /// <summary>说情打招呼登记台账, for 纪检.</summary>
    private static async Task<FileContentHttpResult> Interventions(string? q, string? person, InterventionWorkflow flow, TimeProvider clock, CancellationToken ct)
    {
        var rows = await flow.ViewsAsync(await flow.Query(q, person).Take(MaxRows).ToListAsync(ct), ct);
        return File("说情打招呼登记台账", clock.GetUtcNow(), Sheet("说情打招呼登记", rows.ToList(),
            Col<InterventionView>("发生时间", 17, i => i.OccurredAt),
            Col<InterventionView>("说情人", 12, i => i.IntervenerName),
            Col<InterventionView>("单位及职务", 24, i => i.IntervenerOrg),
            Col<InterventionView>("方式", 12, i => i.ChannelLabel),
            Col<InterventionView>("涉及事项", 40, i => i.Matter),
            Col<InterventionView>("关联编号", 18, i => i.RelatedNumber),
            Col<InterventionView>("提出的要求", 40, i => i.Request),
            Col<InterventionView>("回应情况", 40, i => i.Response),
            Col<InterventionView>("登记人", 12, i => i.RecordedByName),
            Col<InterventionView>("登记人单位", 20, i => i.RecordedByUnit),
            Col<InterventionView>("登记时间", 17, i => i.RecordedAt)));
    }

    /// <summary>作风举报台账: the ledger without the report's text or the reporter (不得摘抄举报材料).</summary>
    private static async Task<FileContentHttpResult> Reports(string? status, bool? named, bool? overdue, string? q,
        ReportWorkflow flow, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var rows = await flow.AllAsync(new ReportFilter(status, named, overdue ?? false, q), ct);
        var units = await UnitNamesAsync(db, ct);
        var now = clock.GetUtcNow();
        return File("作风举报台账", now, Sheet("作风举报台账", rows.Take(MaxRows).ToList(),
            Col<ConductReport>("编号", 20, r => r.Number),
            Col<ConductReport>("收到时间", 17, r => r.ReceivedAt),
            Col<ConductReport>("方式", 10, r => ConductReport.Label(r.Channel)),
            Col<ConductReport>("实名", 8, r => r.Anonymous ? "匿名" : "实名"),
            Col<ConductReport>("被举报单位", 20, r => r.AccusedUnitId is null ? null : units.GetValueOrDefault(r.AccusedUnitId, r.AccusedUnitId)),
            Col<ConductReport>("状态", 10, r => ConductReport.Label(r.Status)),
            Col<ConductReport>("告知受理期限", 17, r => r.AcknowledgeDueAt),
            Col<ConductReport>("首次答复", 17, r => r.AcknowledgedAt),
            Col<ConductReport>("初核期限", 17, r => r.CheckDueAt),
            Col<ConductReport>("初核结论", 10, r => ConductReport.Label(r.Finding)),
            Col<ConductReport>("办结时间", 17, r => r.ConcludedAt),
            Col<ConductReport>("反馈期限", 17, r => r.FeedbackDueAt),
            Col<ConductReport>("反馈时间", 17, r => r.FeedbackAt),
            Col<ConductReport>("是否超期", 10, r => r.IsOverdue(now)),
            Col<ConductReport>("转送机关", 20, r => r.ForwardedTo),
            Col<ConductReport>("已转问题线索", 12, r => r.ClueId is not null)));
    }

    private static async Task<FileContentHttpResult> Notices(string? status, string? level, string? unitId,
        SupervisionWorkflow flow, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var query = await flow.QueryAsync(WireEnum.ParseOptional<NoticeStatus>(status, "status"), WireEnum.ParseOptional<NoticeLevel>(level, "level"), unitId, null, ct);
        var rows = await Capped(query.OrderByDescending(n => n.IssuedAt).ThenByDescending(n => n.Seq), ct);
        var units = await UnitNamesAsync(db, ct);
        return File("督办单台账", now, Sheet("督办单台账", rows,
            Col<SupervisionNotice>("编号", 18, n => n.Number),
            Col<SupervisionNotice>("等级", 10, n => SupervisionNotice.Label(n.Level)),
            Col<SupervisionNotice>("被督办单位", 20, n => units.GetValueOrDefault(n.UnitId, n.UnitId)),
            Col<SupervisionNotice>("督办事由", 50, n => n.Reason),
            Col<SupervisionNotice>("下发人", 12, n => n.IssuedBy == SupervisionNotice.SystemIssuer ? "系统（超期预警）" : n.IssuedByName),
            Col<SupervisionNotice>("下发时间", 17, n => n.IssuedAt),
            Col<SupervisionNotice>("回复期限", 17, n => n.ReplyDueAt),
            Col<SupervisionNotice>("状态", 10, n => SupervisionNotice.Label(n.Status)),
            Col<SupervisionNotice>("是否逾期未复", 12, n => n.Status == NoticeStatus.Issued && n.ReplyDueAt < now),
            Col<SupervisionNotice>("回复内容", 40, n => n.ReplyContent),
            Col<SupervisionNotice>("回复时间", 17, n => n.RepliedAt),
            Col<SupervisionNotice>("审核意见", 30, n => n.JudgementNote),
            Col<SupervisionNotice>("审核时间", 17, n => n.JudgedAt),
            Col<SupervisionNotice>("退回次数", 10, n => n.RejectCount)));
    }

    private static async Task<FileContentHttpResult> AccountabilityCases(string? status, string? q,
        AccountabilityWorkflow flow, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var query = await flow.QueryAsync(AccountabilityFilter.Of(status, q), ct);
        var rows = await Capped(query.OrderByDescending(c => c.OpenedAt).ThenBy(c => c.Id), ct);
        var units = await UnitNamesAsync(db, ct);
        var cadres = await db.Cadres.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        string Name(string? id) => id is null ? "" : cadres.GetValueOrDefault(id, "");
        static string Forms(string? stored) => string.Join("、", AccountabilityForms.Split(stored).Select(AccountabilityForms.Label));
        return File("问责台账", clock.GetUtcNow(), Sheet("问责台账", rows,
            Col<AccountabilityCase>("立项时间", 17, c => c.OpenedAt),
            Col<AccountabilityCase>("对象类别", 10, c => c.SubjectType == AccountabilitySubject.Unit ? "单位" : "干部"),
            Col<AccountabilityCase>("问责对象", 20, c => c.UnitId is { } u ? units.GetValueOrDefault(u, "") : Name(c.CadreId)),
            Col<AccountabilityCase>("主要负责人", 12, c => Name(c.HeadId)),
            Col<AccountabilityCase>("分管领导", 12, c => Name(c.DeputyId)),
            Col<AccountabilityCase>("问责事实", 50, c => c.Facts),
            Col<AccountabilityCase>("状态", 14, c => AccountabilityCase.Label(c.Status)),
            Col<AccountabilityCase>("调查认定", 40, c => c.Findings),
            Col<AccountabilityCase>("问责方式", 20, c => Forms(c.Forms)),
            Col<AccountabilityCase>("对主要负责人", 16, c => Forms(c.HeadForms)),
            Col<AccountabilityCase>("对分管领导", 16, c => Forms(c.DeputyForms)),
            Col<AccountabilityCase>("政务处分", 12, c => c.Sanction is { } s ? Sanctions.Label(s) : null),
            Col<AccountabilityCase>("处分期间", 22, c => c.SanctionFrom is { } from ? $"{Day(from)}至{(c.SanctionUntil is { } u ? Day(u) : "")}" : null),
            Col<AccountabilityCase>("四种形态", 12, c => AccountabilityCase.CategoryLabel(c.Category)),
            Col<AccountabilityCase>("决定", 40, c => c.Decision ?? c.ClosedReason),
            Col<AccountabilityCase>("决定时间", 17, c => c.DecidedAt)));
    }

    private static async Task<FileContentHttpResult> Exemptions(string? status, AccountabilityWorkflow flow, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var query = await flow.ExemptionQueryAsync(WireEnum.ParseOptional<ExemptionStatus>(status, "status"), ct);
        var rows = await Capped(query.OrderByDescending(x => x.AppliedAt).ThenBy(x => x.Id), ct);
        var cadres = await db.Cadres.AsNoTracking().ToDictionaryAsync(c => c.Id, c => new { c.Name, c.UnitId }, ct);
        var units = await UnitNamesAsync(db, ct);
        return File("容错免责台账", clock.GetUtcNow(), Sheet("容错免责台账", rows,
            Col<Exemption>("申请时间", 17, e => e.AppliedAt),
            Col<Exemption>("干部", 12, e => cadres.GetValueOrDefault(e.CadreId)?.Name),
            Col<Exemption>("所在单位", 20, e => cadres.GetValueOrDefault(e.CadreId) is { } c ? units.GetValueOrDefault(c.UnitId, "") : null),
            Col<Exemption>("事实", 50, e => e.Facts),
            Col<Exemption>("认定结果", 14, e => Exemption.Label(e.Status)),
            Col<Exemption>("不符合的条件", 30, e => string.Join("、", e.Status == ExemptionStatus.Refused ? e.RefusedCriterionNames() : e.FailingCriteria())),
            Col<Exemption>("认定理由", 40, e => e.DecisionReason),
            Col<Exemption>("认定时间", 17, e => e.DecidedAt)));
    }

    private static async Task<FileContentHttpResult> Assessments(int? year, string? q, AssessmentWorkflow flow, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var selected = year is >= 2000 and <= 2100 ? year.Value : now.CstDate().Year;
        var units = await Capped(await flow.LedgerUnitsAsync(q, ct), ct);
        var rows = await flow.LedgerRowsAsync(units, selected, ct);
        var ids = units.Select(u => u.Id).ToList();
        var order = units.Select((u, i) => (u.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var grades = (await db.Set<AnnualAssessment>().AsNoTracking().Where(a => ids.Contains(a.UnitId) && a.Year == selected).ToListAsync(ct))
            .OrderBy(a => order[a.UnitId]).ToList();
        var cadreIds = grades.Select(a => a.CadreId).Distinct().ToList();
        var cadres = await db.Cadres.AsNoTracking().Where(c => cadreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var names = units.ToDictionary(u => u.Id, u => u.Name);
        using var book = new XLWorkbook();
        AddSheet(book, $"{selected}年度单位考核", rows,
            Col<AssessmentWorkflow.UnitRow>("单位", 24, r => r.Unit.Name),
            Col<AssessmentWorkflow.UnitRow>("在册干部", 10, r => r.Cadres),
            Col<AssessmentWorkflow.UnitRow>("已评定", 10, r => r.Assessed),
            Col<AssessmentWorkflow.UnitRow>("其中优秀", 10, r => r.Excellent));
        AddSheet(book, $"{selected}年度干部考核等次", grades,
            Col<AnnualAssessment>("单位", 24, a => names.GetValueOrDefault(a.UnitId, "")),
            Col<AnnualAssessment>("姓名", 12, a => cadres.GetValueOrDefault(a.CadreId)?.Name),
            Col<AnnualAssessment>("职务", 20, a => cadres.GetValueOrDefault(a.CadreId)?.Post),
            Col<AnnualAssessment>("考核等次", 10, a => AnnualAssessment.Label(a.Grade)),
            Col<AnnualAssessment>("受问责影响", 12, a => a.Accountability is { } m ? AnnualAssessment.Label(m) : null),
            Col<AnnualAssessment>("登记时间", 17, a => a.RecordedAt));
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return File($"年度考核-{selected}", now, stream.ToArray());
    }

    private static async Task<FileContentHttpResult> TypicalCases(string? status, string? kind, TypicalCaseWorkflow flow, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var rows = await flow.ListAsync(WireEnum.ParseOptional<TypicalCaseStatus>(status, "status"), WireEnum.ParseOptional<TypicalCaseKind>(kind, "kind"), ct);
        var units = await UnitNamesAsync(db, ct);
        return File("典型案例", clock.GetUtcNow(), Sheet("典型案例", rows,
            Col<TypicalCase>("标题", 36, t => t.Title),
            Col<TypicalCase>("类别", 14, t => TypicalCase.Label(t.Kind)),
            Col<TypicalCase>("单位", 20, t => units.GetValueOrDefault(t.UnitId, "")),
            Col<TypicalCase>("来源", 12, t => TypicalCase.Label(t.SourceType)),
            Col<TypicalCase>("状态", 10, t => TypicalCase.Label(t.Status)),
            Col<TypicalCase>("起草人", 12, t => t.DraftedByName),
            Col<TypicalCase>("起草时间", 17, t => t.DraftedAt),
            Col<TypicalCase>("审核人", 12, t => t.ReviewedByName),
            Col<TypicalCase>("审核时间", 17, t => t.ReviewedAt),
            Col<TypicalCase>("发布时间", 17, t => t.PublishedAt)));
    }

    private static async Task<FileContentHttpResult> Accounts(string? q, AccountService accounts, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var rows = await Capped(accounts.Query(q).OrderBy(u => u.Username), ct);
        var units = await UnitNamesAsync(db, ct);
        return File("账号", clock.GetUtcNow(), Sheet("账号", rows,
            Col<UserAccount>("用户名", 16, u => u.Username),
            Col<UserAccount>("姓名", 14, u => u.DisplayName),
            Col<UserAccount>("所属单位", 24, u => units.GetValueOrDefault(u.UnitId, "")),
            Col<UserAccount>("角色", 24, u => string.Join("、", u.RoleList.Select(Roles.Label))),
            Col<UserAccount>("状态", 8, u => u.IsActive ? "启用" : "停用"),
            Col<UserAccount>("两步验证", 10, u => u.HasTotp),
            Col<UserAccount>("最近登录", 17, u => u.LastLoginAt),
            Col<UserAccount>("创建时间", 17, u => u.CreatedAt)));
    }

    private static async Task<FileContentHttpResult> AuditLog(string? entityType, string? action, string? actorId, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var rows = await Capped(AuditApi.Query(db, new(entityType, null, actorId, action?.Trim())).OrderByDescending(e => e.Seq), ct);
        return File("审计日志", clock.GetUtcNow(), Sheet("审计日志", rows,
            Col<AuditEntry>("序号", 10, e => (double)e.Seq),
            Col<AuditEntry>("时间", 17, e => e.At),
            Col<AuditEntry>("操作人", 16, e => e.ActorName),
            Col<AuditEntry>("动作", 20, e => AuditActions.Label(e.Action)),
            Col<AuditEntry>("对象类型", 14, e => AuditActions.EntityLabel(e.EntityType)),
            Col<AuditEntry>("对象编号", 28, e => e.EntityId),
            Col<AuditEntry>("修改前", 40, e => CellText(e.Before)),
            Col<AuditEntry>("修改后", 40, e => CellText(e.After)),
            Col<AuditEntry>("哈希", 20, e => e.Hash)));
    }

    /// <summary>A cell holds at most 32,767 characters; a longer text is cut and says so.</summary>
    private static string? CellText(string? text) => text is { Length: > 32_000 } ? text[..32_000] + "……（已截断）" : text;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
