using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Features.Accountability;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Assessments;

/// <summary>
/// The best grade a cadre may get in a year because of what is on record; <see cref="Best"/> null means the year gets
/// no grade at all (只写评语，不定等次). <see cref="Measure"/> is the 问责 measure to record with the grade, if one applies.
/// </summary>
public sealed record GradeCap(AssessmentGrade? Best, string Reason, AccountabilityMeasure? Measure)
{
    public bool Ungraded => Best is null;

    public bool Allows(AssessmentGrade grade) => Best is { } best && grade >= best;

    public void Check(string cadreName, AssessmentGrade grade)
    {
        if (Best is not { } best)
        {
            throw new RuleException("assessment.ungraded", $"{cadreName}{Reason}，当年年度考核只写评语，不确定等次");
        }
        if (grade < best)
        {
            throw new RuleException("assessment.record_cap", $"{cadreName}{Reason}，当年考核等次不能高于“{AnnualAssessment.Label(best)}”");
        }
    }
}

public sealed record AssessmentBatchRow(Cadre Cadre, AnnualAssessment? Current, IReadOnlyList<AnnualAssessment> Earlier, GradeCap? Cap, IReadOnlyList<string> Flags);

public sealed record AssessmentBatch(Unit Unit, int Year, IReadOnlyList<AssessmentBatchRow> Rows, int QuotaPercent, int ApprovedQuotaPercent, int MinimumOneFrom)
{
    public int Quota(int assessed, bool approved) => AssessmentWorkflow.ExcellentQuota(assessed, approved ? ApprovedQuotaPercent : QuotaPercent, MinimumOneFrom);
}

public sealed partial class AssessmentWorkflow
{
    /// <summary>How many earlier years a batch shows beside each cadre.</summary>
    public const int EarlierYearsShown = 3;

    /// <summary>A unit's cadres for one year: their grade if recorded, earlier grades, the cap from the record and the flags.</summary>
    public async Task<AssessmentBatch> BatchAsync(string unitId, int year, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct) ?? throw new NotFoundException("单位");
        await user.EnsureCanSeeUnitAsync(unitId, ct);
        var cadres = await db.Cadres.AsNoTracking().Where(c => c.UnitId == unitId && c.IsActive).ToListAsync(ct);
        cadres = cadres.OrderByDescending(c => c.Rank).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        var ids = cadres.Select(c => c.Id).ToList();
        var records = await db.Set<AnnualAssessment>().AsNoTracking().Where(a => ids.Contains(a.CadreId) && a.Year <= year).ToListAsync(ct);
        var caps = await CapsOnRecordAsync(ids, year, ct);
        var rows = cadres.Select(c =>
        {
            var mine = records.Where(a => a.CadreId == c.Id).OrderByDescending(a => a.Year).ToList();
            return new AssessmentBatchRow(c, mine.FirstOrDefault(a => a.Year == year), mine.Where(a => a.Year < year).Take(EarlierYearsShown).ToList(),
                caps.GetValueOrDefault(c.Id), Flags(mine, Rules.YearsWithoutExcellent));
        }).ToList();
        return new AssessmentBatch(unit, year, rows, Rules.ExcellentQuotaPercent, Rules.ApprovedExcellentQuotaPercent, Rules.MinimumOneFrom);
    }

    /// <summary>
    /// Caps from decided accountability cases: 问责 measures decided in the year (on the cadre as subject, 第一责任人 or
    /// 分管领导) and 政务处分 (公务员考核规定(试行) Art. 25: 警告 → not 优秀 that year; 记过、记大过、降级、撤职 → while in
    /// effect, 只写评语，不定等次). 组织处理 and 纪律处分 are at least "not 优秀"; the page can record the exact measure.
    /// </summary>
    public async Task<Dictionary<string, GradeCap>> CapsOnRecordAsync(IReadOnlyCollection<string> cadreIds, int year, CancellationToken ct)
    {
        var ids = cadreIds.ToList();
        var cases = await db.Set<AccountabilityCase>().AsNoTracking()
            .Where(c => c.Status == AccountabilityStatus.Decided && (ids.Contains(c.CadreId!) || ids.Contains(c.HeadId!) || ids.Contains(c.DeputyId!)))
            .ToListAsync(ct);
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var caps = new Dictionary<string, GradeCap>();
        foreach (var id in ids)
        {
            var reasons = new List<(AssessmentGrade? Best, string Reason, AccountabilityMeasure? Measure)>();
            foreach (var c in cases)
            {
                var decidedOn = c.DecidedAt?.CstDate();
                var forms = c.CadreId == id ? c.Forms : c.HeadId == id ? c.HeadForms : c.DeputyId == id ? c.DeputyForms : null;
                if (decidedOn?.Year == year)
                {
                    foreach (var form in AccountabilityForms.Split(forms))
                    {
                        var on = Day(decidedOn.Value);
                        var cap = form switch
                        {
                            AccountabilityForm.Admonition => (Best(AccountabilityMeasure.Admonition), $"{on}受到诫勉", AccountabilityMeasure.Admonition),
                            AccountabilityForm.Circular => (Best(AccountabilityMeasure.Criticism), $"{on}受到通报问责", AccountabilityMeasure.Criticism),
                            AccountabilityForm.OrganisationalHandling => (AssessmentGrade.Competent, $"{on}受到组织调整或者组织处理", null),
                            AccountabilityForm.Disciplinary => (AssessmentGrade.Competent, $"{on}受到纪律处分", null),
                            _ => ((AssessmentGrade?, string, AccountabilityMeasure?)?)null,
                        };
                        if (cap is { } found)
                        {
                            reasons.Add(found);
                        }
                    }
                }
                if (c.CadreId == id && c.Sanction is { } sanction && c.SanctionFrom is { } from && from <= last && (c.SanctionUntil is null || c.SanctionUntil > first))
                {
                    var label = $"{Day(from)}受到{Sanctions.Label(sanction)}处分";
                    if (sanction != Sanction.Warning)
                    {
                        reasons.Add((null, label + "（处分期间）", null));
                    }
                    else if (from.Year == year)
                    {
                        reasons.Add((AssessmentGrade.Competent, label, null));
                    }
                }
            }
            if (reasons.Count > 0)
            {
                var ungraded = reasons.Any(r => r.Best is null);
                var measure = reasons.Where(r => r.Measure is not null).OrderByDescending(r => r.Best).Select(r => r.Measure).FirstOrDefault();
                caps[id] = new GradeCap(ungraded ? null : reasons.Max(r => r.Best), string.Join("；", reasons.Select(r => r.Reason)), measure);
            }
        }
        return caps;
    }

    private AssessmentGrade Best(AccountabilityMeasure m) => Rules.BestGradeAfter.GetValueOrDefault(m, AssessmentGrade.Excellent);

    private static string Day(DateOnly d) => d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
