using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Assessments;

/// <summary>Configurable rules of 年度考核 (section "Assessments"); defaults from 公务员考核规定 and local 作风效能 rules.</summary>
public sealed class AssessmentRules
{
    /// <summary>优秀 at most this share of those assessed in a body (公务员考核规定: 20%).</summary>
    [Range(1, 100)] public int ExcellentQuotaPercent { get; set; } = 20;

    /// <summary>With approval for an outstanding body (25%).</summary>
    [Range(1, 100)] public int ApprovedExcellentQuotaPercent { get; set; } = 25;

    /// <summary>From this many assessed, at least one 优秀 is allowed even if the share rounds down to zero.</summary>
    [Range(1, 1000)] public int MinimumOneFrom { get; set; } = 5;

    /// <summary>This many recorded years in a row without 优秀 → not first in line for promotion.</summary>
    [Range(1, 10)] public int YearsWithoutExcellent { get; set; } = 3;

    /// <summary>The best grade allowed in a year with an accountability measure (local rule: 诫勉 → not 优秀, 通报批评 → not 称职以上, 停职/免职 → 不称职).</summary>
    public Dictionary<AccountabilityMeasure, AssessmentGrade> BestGradeAfter { get; set; } = new()
    {
        [AccountabilityMeasure.Admonition] = AssessmentGrade.Competent,
        [AccountabilityMeasure.Criticism] = AssessmentGrade.Basic,
        [AccountabilityMeasure.Suspension] = AssessmentGrade.Incompetent,
        [AccountabilityMeasure.Removal] = AssessmentGrade.Incompetent,
    };
}

/// <summary>Records a unit's year of grades as one batch and derives the per-cadre flags.</summary>
public sealed partial class AssessmentWorkflow(AppDb db, TimeProvider clock, CurrentUser user, IOptions<AssessmentRules> options)
{
    private AssessmentRules Rules => options.Value;

    /// <summary>优秀 allowed: the share rounded down, but at least one when <see cref="AssessmentRules.MinimumOneFrom"/> or more are assessed.</summary>
    public static int ExcellentQuota(int assessed, int percent, int minimumOneFrom)
        => Math.Max(assessed * percent / 100, assessed >= minimumOneFrom ? 1 : 0);

    public async Task<List<AnnualAssessment>> RecordBatchAsync(AssessmentBatchRequest r, CancellationToken ct)
    {
        if (!await db.Units.AnyAsync(u => u.Id == r.UnitId, ct))
        {
            throw new RuleException("assessment.unknown_unit", "单位不存在", 400);
        }
        if (r.Entries.Count == 0 || r.Entries.Select(e => e.CadreId).Distinct().Count() != r.Entries.Count)
        {
            throw new RuleException("assessment.bad_entries", "请填写考核结果，每名干部只能出现一次", 400);
        }
        var cadreIds = r.Entries.Select(e => e.CadreId).ToList();
        if (await db.Cadres.CountAsync(c => cadreIds.Contains(c.Id) && c.UnitId == r.UnitId, ct) != cadreIds.Count)
        {
            throw new RuleException("assessment.unknown_cadre", "干部不存在或不在该单位", 400);
        }
        var entries = r.Entries.Select(e => (e.CadreId, e.Grade, Measure: e.Accountability)).ToList();
        foreach (var e in entries.Where(e => e.Measure is not null))
        {
            var best = Rules.BestGradeAfter.GetValueOrDefault(e.Measure!.Value, AssessmentGrade.Excellent);
            if (e.Grade < best)
            {
                throw new RuleException("assessment.accountability_cap",
                    $"受到{AnnualAssessment.Label(e.Measure.Value)}的干部当年考核等次不能高于“{AnnualAssessment.Label(best)}”");
            }
        }
        var caps = await CapsOnRecordAsync(cadreIds, r.Year, ct);
        var names = await db.Cadres.AsNoTracking().Where(c => cadreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        foreach (var e in entries)
        {
            if (caps.GetValueOrDefault(e.CadreId) is { } cap)
            {
                cap.Check(names[e.CadreId], e.Grade);
            }
        }
        var percent = r.HigherQuotaApproved ? Rules.ApprovedExcellentQuotaPercent : Rules.ExcellentQuotaPercent;
        var quota = ExcellentQuota(entries.Count, percent, Rules.MinimumOneFrom);
        var excellent = entries.Count(e => e.Grade == AssessmentGrade.Excellent);
        if (excellent > quota)
        {
            throw new RuleException("assessment.excellent_quota",
                $"优秀等次超出比例：本单位参加考核{entries.Count}人，优秀不超过{percent}%即{quota}人，本次报送{excellent}人");
        }
        var existing = await db.Set<AnnualAssessment>().Where(a => a.Year == r.Year && cadreIds.Contains(a.CadreId)).ToDictionaryAsync(a => a.CadreId, ct);
        var now = clock.GetUtcNow();
        var saved = new List<AnnualAssessment>();
        foreach (var e in entries)
        {
            if (!existing.TryGetValue(e.CadreId, out var a))
            {
                a = new AnnualAssessment { Id = Ids.New(), CadreId = e.CadreId, UnitId = r.UnitId, Year = r.Year };
                db.Add(a);
            }
            a.Record(e.Grade, e.Measure ?? caps.GetValueOrDefault(e.CadreId)?.Measure, user.Id, now);
            saved.Add(a);
        }
        db.PendingAction = "assessment.record-batch";
        await db.SaveChangesAsync(ct);
        return saved;
    }

    public async Task<CadreAssessmentsView> ForCadreAsync(string cadreId, CancellationToken ct)
    {
        var cadre = await db.Cadres.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cadreId, ct) ?? throw new NotFoundException("干部");
        if (!user.MayActOnCadres)
        {
            throw new ForbiddenException("热线话务员、派单员不能查看干部考核记录");
        }
        await user.EnsureCanSeeUnitAsync(cadre.UnitId, ct);
        var list = await db.Set<AnnualAssessment>().AsNoTracking().Where(a => a.CadreId == cadreId).ToListAsync(ct);
        list = list.OrderByDescending(a => a.Year).ToList();
        return new CadreAssessmentsView(cadreId,
            list.Select(AssessmentView.From).ToList(),
            Flags(list, Rules.YearsWithoutExcellent));
    }

    /// <summary>The flags of a cadre's record (newest first): no 优秀 in the last N consecutive years; three 优秀 running; 连续两年不称职 (公务员法 Art. 88(1)).</summary>
    public static List<string> Flags(IReadOnlyList<AnnualAssessment> newestFirst, int yearsWithoutExcellent)
    {
        var flags = new List<string>();
        var recent = newestFirst.Take(yearsWithoutExcellent).ToList();
        if (recent.Count == yearsWithoutExcellent && recent[0].Year - recent[^1].Year == yearsWithoutExcellent - 1
            && recent.All(a => a.Grade != AssessmentGrade.Excellent))
        {
            flags.Add("不作为优先提拔人选");
        }
        // 公务员考核规定 Art. 19(2): 优秀 three years running → 记三等功, first in line for promotion
        var three = newestFirst.Take(3).ToList();
        if (three.Count == 3 && three[0].Year - three[^1].Year == 2 && three.All(a => a.Grade == AssessmentGrade.Excellent))
        {
            flags.Add("连续三年优秀，记三等功");
        }
        var byYear = newestFirst.ToDictionary(a => a.Year);
        if (newestFirst.Any(a => a.Grade == AssessmentGrade.Incompetent && byYear.TryGetValue(a.Year - 1, out var prior) && prior.Grade == AssessmentGrade.Incompetent))
        {
            flags.Add("依法辞退");
        }
        return flags;
    }
}
