using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Accountability;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Evaluations;
using Zhengfeng.Features.Rectification;
using Zhengfeng.Features.Supervision;
using Zhengfeng.Web;

namespace Zhengfeng.Features.TypicalCases;

/// <summary>
/// A record a typical case can be drawn from, with the facts it already holds; why it is not ready to be an example yet
/// (its state), and why it would not be a fair example of each kind (null when it would be).
/// </summary>
public sealed record SourceRecord(
    TypicalSourceType Type, string Id, string UnitId, string UnitName, string Url, string Label, string Title, string Facts,
    string? NotReadyBecause, string? NotPositiveBecause, string? NotNegativeBecause, IReadOnlyList<string> CadreIds, string? ReporterCaseId)
{
    public string? Unfair(TypicalCaseKind kind) => NotReadyBecause ?? (kind == TypicalCaseKind.Positive ? NotPositiveBecause : NotNegativeBecause);

    public IReadOnlyList<TypicalCaseKind> FairKinds
        => [.. Enum.GetValues<TypicalCaseKind>().Where(k => Unfair(k) is null)];
}

/// <summary>
/// Reads the records typical cases come from and decides which are fair examples: a closed case rated satisfied and handled
/// in time (positive) or handled late (negative); a decided accountability case (negative); an approved exemption (positive);
/// a red notice or an interview suggestion (negative); a rectification signed off and confirmed by the 回头看 (positive) or
/// one that relapsed or was done on paper (negative); a closed evaluation's 满意 (positive) or 不满意 (negative) unit.
/// </summary>
public sealed class TypicalSources(AppDb db)
{
    private Dictionary<string, string>? _units;

    public async Task<SourceRecord> LoadAsync(TypicalSourceType type, string id, CancellationToken ct)
    {
        var units = _units ??= await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        string Unit(string? unitId) => unitId is null ? "" : units.GetValueOrDefault(unitId, unitId);
        var missing = new RuleException("typical.unknown_source", $"来源{TypicalCase.Label(type)}不存在", StatusCodes.Status400BadRequest);
        switch (type)
        {
            case TypicalSourceType.Case:
                {
                    var c = await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw missing;
                    var unitId = c.LeadUnitId ?? throw new RuleException("typical.source_state", "该工单尚未派单办理，不能作为典型案例", StatusCodes.Status409Conflict);
                    var closed = c.Status == CaseStatus.Closed ? null : $"工单状态为“{CaseTransitions.Label(c.Status)}”，办结后才能作为典型案例";
                    var facts = string.Join("", [
                        $"{ChinaTime.Format(c.RegisteredAt)}，{CaseWorkflow.ChannelLabel(c.Channel)}受理群众{Case.KindLabel(c.Kind)}：“{c.Title}”。",
                    $"派单至{Unit(unitId)}办理",
                    c.SignedAt is null ? "。" : $"，{ChinaTime.Format(c.SignedAt)}签收。",
                    c.RepliedAt is null ? "" : $"{ChinaTime.Format(c.RepliedAt)}答复（{Case.OutcomeLabel(c.Outcome)}）：{c.ReplyContent}",
                    c.WasOverdue ? $"该件超过办理时限（{ChinaTime.Format(c.HandleDueAt)}）办结。" : "该件在办理时限内办结。",
                    c.ReturnCount > 0 ? $"办理中退单{c.ReturnCount}次。" : "",
                    $"群众评价：{Case.RatingLabel(c.RatingLevel)}。",
                ]);
                    return new SourceRecord(type, c.Id, unitId, Unit(unitId), $"/cases/{c.Id}", $"{c.Number} {c.Title}",
                        c.WasOverdue ? $"{Unit(unitId)}超期办理“{c.Title}”诉求" : $"{Unit(unitId)}高效办结“{c.Title}”诉求", facts,
                        closed,
                        c.WasOverdue ? "该工单曾超过办理时限，不宜作为正面典型"
                            : c.RatingLevel is not (>= 4) ? $"群众评价为“{Case.RatingLabel(c.RatingLevel)}”，满意或非常满意的工单才能作为正面典型" : null,
                        c.WasOverdue ? null : "该工单在办理时限内办结，不宜作为反面典型",
                        [], c.Id);
                }
            case TypicalSourceType.Accountability:
                {
                    var a = await db.Set<AccountabilityCase>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw missing;
                    var cadre = a.CadreId is null ? null : await db.Cadres.AsNoTracking().FirstOrDefaultAsync(x => x.Id == a.CadreId, ct);
                    var unitId = a.UnitId ?? cadre?.UnitId ?? throw missing;
                    var subject = a.SubjectType == AccountabilitySubject.Unit ? Unit(unitId) + "党组织" : $"{Unit(unitId)}{cadre?.Post}{cadre?.Name}";
                    var forms = AccountabilityForms.Split(a.Forms).Concat(AccountabilityForms.Split(a.HeadForms)).Concat(AccountabilityForms.Split(a.DeputyForms))
                        .Select(AccountabilityForms.Label).Distinct().ToList();
                    var decided = a.Status == AccountabilityStatus.Decided ? null
                        : $"问责案件状态为“{AccountabilityCase.Label(a.Status)}”，作出问责决定后才能作为典型案例";
                    var facts = string.Join("", [
                        $"经查，{a.Facts.TrimEnd('。')}。",
                    a.Decision is null ? "" : $"{ChinaTime.Format(a.DecidedAt)[..10]}作出问责决定：{a.Decision.TrimEnd('。')}。",
                    forms.Count == 0 ? "" : $"问责方式：{string.Join("、", forms)}。",
                    a.Sanction is { } s ? $"政务处分：{Sanctions.Label(s)}。" : "",
                    a.Category is not null ? $"属监督执纪{AccountabilityCase.CategoryLabel(a.Category)}。" : "",
                ]);
                    return new SourceRecord(type, a.Id, unitId, Unit(unitId), AccountabilityUrl(a), $"{subject}：{Short(a.Facts)}",
                        $"{subject}被问责", facts,
                        decided, "问责案件只能作为反面典型", null,
                        new[] { a.CadreId, a.HeadId, a.DeputyId }.OfType<string>().ToList(), a.CaseId);
                }
            case TypicalSourceType.Exemption:
                {
                    var e = await db.Set<Exemption>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw missing;
                    var cadre = await db.Cadres.AsNoTracking().FirstAsync(x => x.Id == e.CadreId, ct);
                    var approved = e.Status == ExemptionStatus.Approved ? null
                        : $"容错免责申请状态为“{Exemption.Label(e.Status)}”，予以容错免责后才能作为典型案例";
                    var facts = $"{e.Facts.TrimEnd('。')}。经认定，符合{string.Join("、", e.Criteria().Select(c => c.Name))}等条件，予以容错免责：{e.DecisionReason}";
                    return new SourceRecord(type, e.Id, cadre.UnitId, Unit(cadre.UnitId), $"/exemptions/{e.Id}", $"{cadre.Name}：{Short(e.Facts)}",
                        $"{Unit(cadre.UnitId)}干部担当作为获容错免责", facts,
                        approved, null, "容错免责只能作为正面典型（激励担当作为）",
                        [cadre.Id], null);
                }
            case TypicalSourceType.Notice:
                {
                    var n = await db.Set<SupervisionNotice>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw missing;
                    var red = n.Level is NoticeLevel.Red or NoticeLevel.Interview ? null
                        : $"该督办单为“{SupervisionNotice.Label(n.Level)}”，只有红牌督办或约谈建议才能作为反面典型";
                    var facts = $"{ChinaTime.Format(n.IssuedAt)}，对{Unit(n.UnitId)}发出{SupervisionNotice.Label(n.Level)}（{n.Number}）：{n.Reason.TrimEnd('。')}。"
                        + (n.ReplyContent is null ? "" : $"单位回复：{n.ReplyContent}");
                    return new SourceRecord(type, n.Id, n.UnitId, Unit(n.UnitId), $"/notices/{n.Id}", $"{n.Number} {Short(n.Reason)}",
                        $"{Unit(n.UnitId)}被{SupervisionNotice.Label(n.Level)}", facts,
                        null, "督办单只能作为反面典型", red, [], n.CaseId);
                }
            case TypicalSourceType.Rectification:
                {
                    var r = await db.Set<RectificationItem>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw missing;
                    var clue = await db.Set<Clue>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == r.ClueId, ct);
                    var facts = string.Join("", [
                        clue is null ? "" : $"发现问题：{clue.Content.TrimEnd('。')}。",
                    $"整改措施：{r.Measures.TrimEnd('。')}（{RectificationItem.Label(r.Type)}，期限{r.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}）。",
                    r.RootCause is null ? "" : $"问题根源：{r.RootCause.TrimEnd('。')}。",
                    r.ClosedAt is null ? "" : $"{ChinaTime.Format(r.ClosedAt)[..10]}验收销号。",
                    r.FollowedUpAt is null ? "" : $"回头看：{r.FollowUpNote ?? "整改有效"}。",
                    r.RelapseCount > 0 ? $"问题反弹{r.RelapseCount}次：{r.RelapseNote}" : "",
                    r.PaperFlag is null ? "" : $"纸上整改：{r.PaperFlag}",
                ]);
                    return new SourceRecord(type, r.Id, r.UnitId, Unit(r.UnitId), $"/rectifications/{r.Id}", $"{Unit(r.UnitId)}：{Short(r.Measures)}",
                        r.RelapseCount > 0 ? $"{Unit(r.UnitId)}整改不实问题反弹" : $"{Unit(r.UnitId)}真改实改取得实效", facts, null,
                        r.Status == RectificationStatus.Closed && r.FollowedUpAt is not null && r.RelapseCount == 0 && r.PaperFlag is null ? null
                            : "整改任务须已销号、经回头看确认有效且未反弹，才能作为正面典型",
                        r.RelapseCount > 0 || r.PaperFlag is not null ? null : "整改任务未出现反弹或纸上整改，不宜作为反面典型",
                        r.ResponsiblePersonId is null ? [] : [r.ResponsiblePersonId], clue?.CaseId);
                }
            default:
                {
                    var result = await db.Set<EvaluationResult>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw missing;
                    var campaign = await db.Set<EvaluationCampaign>().AsNoTracking().FirstAsync(x => x.Id == result.CampaignId, ct);
                    var closed = campaign.Status == CampaignStatus.Closed ? null : $"评议状态为“{EvaluationCampaign.Label(campaign.Status)}”，评议结束后才能作为典型案例";
                    var verdict = EvaluationCampaign.Label(result.Verdict);
                    var facts = string.Create(CultureInfo.InvariantCulture,
                        $"在{campaign.Name}中，{Unit(result.UnitId)}共收到评议票{result.Votes}张，综合得分{result.Score:0.##}分，评议结果为“{verdict}”。");
                    return new SourceRecord(type, result.Id, result.UnitId, Unit(result.UnitId), $"/evaluations/{campaign.Id}", $"{campaign.Name}：{Unit(result.UnitId)}（{verdict}）",
                        $"{Unit(result.UnitId)}在{campaign.Name}中被评为{verdict}单位", facts,
                        closed,
                        result.Verdict == SatisfactionLevel.Satisfied ? null : $"评议结果为“{verdict}”，满意单位才能作为正面典型",
                        result.Verdict == SatisfactionLevel.Unsatisfied ? null : $"评议结果为“{verdict}”，不满意单位才能作为反面典型",
                        [], null);
                }
        }
    }

    /// <summary>Recent records of one type that would make a fair example and are not used yet, for the picker (at most 50).</summary>
    public async Task<List<SourceRecord>> CandidatesAsync(TypicalSourceType type, HashSet<string>? visibleUnits, CancellationToken ct)
    {
        var used = await db.Set<TypicalCase>().AsNoTracking().Where(t => t.SourceType == type && t.Status != TypicalCaseStatus.Withdrawn)
            .Select(t => t.SourceId).ToListAsync(ct);
        IQueryable<string> ids = type switch
        {
            TypicalSourceType.Case => db.Set<Case>().Where(c => c.Status == CaseStatus.Closed && c.LeadUnitId != null && (c.WasOverdue || c.RatingLevel >= 4)
                && (visibleUnits == null || visibleUnits.Contains(c.LeadUnitId!))).OrderByDescending(c => c.ClosedAt).Select(c => c.Id),
            TypicalSourceType.Accountability => db.Set<AccountabilityCase>().Where(a => a.Status == AccountabilityStatus.Decided)
                .OrderByDescending(a => a.DecidedAt).Select(a => a.Id),
            TypicalSourceType.Exemption => db.Set<Exemption>().Where(e => e.Status == ExemptionStatus.Approved).OrderByDescending(e => e.DecidedAt).Select(e => e.Id),
            TypicalSourceType.Notice => db.Set<SupervisionNotice>().Where(n => (n.Level == NoticeLevel.Red || n.Level == NoticeLevel.Interview)
                && (visibleUnits == null || visibleUnits.Contains(n.UnitId))).OrderByDescending(n => n.IssuedAt).Select(n => n.Id),
            TypicalSourceType.Rectification => db.Set<RectificationItem>().Where(r => (r.RelapseCount > 0 || r.PaperFlag != null
                || r.Status == RectificationStatus.Closed && r.FollowedUpAt != null) && (visibleUnits == null || visibleUnits.Contains(r.UnitId)))
                .OrderByDescending(r => r.CreatedAt).Select(r => r.Id),
            _ => db.Set<EvaluationResult>().Where(r => r.Verdict != SatisfactionLevel.Basic && (visibleUnits == null || visibleUnits.Contains(r.UnitId))
                && db.Set<EvaluationCampaign>().Any(c => c.Id == r.CampaignId && c.Status == CampaignStatus.Closed)).Select(r => r.Id),
        };
        var list = new List<SourceRecord>();
        foreach (var id in await ids.Where(id => !used.Contains(id)).Take(50).ToListAsync(ct))
        {
            var record = await LoadAsync(type, id, ct);
            if (record.FairKinds.Count > 0 && (visibleUnits is null || visibleUnits.Contains(record.UnitId)))
            {
                list.Add(record);
            }
        }
        return list;
    }

    public static string AccountabilityUrl(AccountabilityCase a) => $"/accountability/{a.Id}";

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
