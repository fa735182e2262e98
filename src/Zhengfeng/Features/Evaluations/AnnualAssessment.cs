using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using Zhengfeng.Data;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Evaluations;

// 年度考核 AnnualAssessment · 优秀 Excellent · 称职 Competent · 基本称职 Basic · 不称职 Incompetent
// 诫勉 Admonition · 通报批评 Criticism · 停职 Suspension · 免职 Removal

public enum AssessmentGrade { Excellent, Competent, Basic, Incompetent }

public enum AccountabilityMeasure { Admonition, Criticism, Suspension, Removal }

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

/// <summary>One cadre's grade in one year's 定期考核.</summary>
public sealed class AnnualAssessment
{
    public required string Id { get; init; }
    public required string CadreId { get; init; }
    public required string UnitId { get; init; }
    public int Year { get; init; }
    public AssessmentGrade Grade { get; set; }
    public AccountabilityMeasure? Accountability { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public static string Label(AssessmentGrade g) => g switch
    {
        AssessmentGrade.Excellent => "优秀",
        AssessmentGrade.Competent => "称职",
        AssessmentGrade.Basic => "基本称职",
        _ => "不称职",
    };

    public static string Label(AccountabilityMeasure m) => m switch
    {
        AccountabilityMeasure.Admonition => "诫勉",
        AccountabilityMeasure.Criticism => "通报批评",
        AccountabilityMeasure.Suspension => "停职",
        _ => "免职",
    };
}

internal sealed class AnnualAssessmentConfiguration : IEntityTypeConfiguration<AnnualAssessment>
{
    public void Configure(EntityTypeBuilder<AnnualAssessment> b)
    {
        b.ToTable("AnnualAssessments");
        b.HasKey(x => x.Id);
        b.Property(x => x.Grade).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Accountability).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.RecordedBy).HasMaxLength(32);
        b.HasIndex(x => new { x.CadreId, x.Year }).IsUnique();
        b.HasIndex(x => new { x.UnitId, x.Year });
        b.HasOne<Cadre>().WithMany().HasForeignKey(x => x.CadreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed record AssessmentEntry
{
    [Required(ErrorMessage = "请指定干部")]
    public required string CadreId { get; init; }

    [Required(ErrorMessage = "请选择考核等次")]
    public required string Grade { get; init; }

    /// <summary>admonition, criticism, suspension or removal, if the cadre was held accountable that year.</summary>
    public string? Accountability { get; init; }
}

public sealed record AssessmentBatchRequest
{
    [Required(ErrorMessage = "请选择单位")]
    public required string UnitId { get; init; }

    [Range(2000, 2100, ErrorMessage = "年度不正确")]
    public int Year { get; init; }

    /// <summary>The body is approved for the higher 优秀 share (25%).</summary>
    public bool HigherQuotaApproved { get; init; }

    [Required(ErrorMessage = "请填写考核结果")]
    public required List<AssessmentEntry> Entries { get; init; }
}

public sealed record AssessmentView(int Year, string Grade, string GradeLabel, string? Accountability, string UnitId);

public sealed record GradeCapView(string? BestGrade, string? BestGradeLabel, bool Ungraded, string Reason);

public sealed record BatchRowView(string CadreId, string Name, string Post, string? Grade, string? GradeLabel, List<AssessmentView> Earlier, GradeCapView? Cap, List<string> Flags);

public sealed record AssessmentBatchView(string UnitId, string UnitName, int Year, int QuotaPercent, int ApprovedQuotaPercent, int Quota, List<BatchRowView> Rows)
{
    public static AssessmentBatchView From(AssessmentBatch b) => new(b.Unit.Id, b.Unit.Name, b.Year, b.QuotaPercent, b.ApprovedQuotaPercent,
        b.Quota(b.Rows.Count(r => r.Cap is not { Ungraded: true }), approved: false),
        b.Rows.Select(r => new BatchRowView(r.Cadre.Id, r.Cadre.Name, r.Cadre.Post, r.Current?.Grade.ToString().ToLowerInvariant(),
            r.Current is null ? null : AnnualAssessment.Label(r.Current.Grade),
            r.Earlier.Select(a => new AssessmentView(a.Year, a.Grade.ToString().ToLowerInvariant(), AnnualAssessment.Label(a.Grade), a.Accountability?.ToString().ToLowerInvariant(), a.UnitId)).ToList(),
            r.Cap is null ? null : new GradeCapView(r.Cap.Best?.ToString().ToLowerInvariant(), r.Cap.Best is { } g ? AnnualAssessment.Label(g) : null, r.Cap.Ungraded, r.Cap.Reason),
            r.Flags.ToList())).ToList());
}

public sealed record CadreAssessmentsView(string CadreId, List<AssessmentView> Assessments, List<string> Flags);

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
        var entries = r.Entries.Select(e => (e.CadreId, Grade: ParseGrade(e.Grade), Measure: ParseMeasure(e.Accountability))).ToList();
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
                a = new AnnualAssessment { Id = Ids.New(), CadreId = e.CadreId, UnitId = r.UnitId, Year = r.Year, RecordedBy = user.Id };
                db.Add(a);
            }
            a.Grade = e.Grade;
            a.Accountability = e.Measure ?? caps.GetValueOrDefault(e.CadreId)?.Measure;
            a.RecordedBy = user.Id;
            a.RecordedAt = now;
            saved.Add(a);
        }
        db.PendingAction = "assessment.record-batch";
        await db.SaveChangesAsync(ct);
        return saved;
    }

    public async Task<CadreAssessmentsView> ForCadreAsync(string cadreId, CancellationToken ct)
    {
        var cadre = await db.Cadres.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cadreId, ct) ?? throw new NotFoundException("干部");
        await user.EnsureCanSeeUnitAsync(cadre.UnitId, ct);
        var list = await db.Set<AnnualAssessment>().AsNoTracking().Where(a => a.CadreId == cadreId).ToListAsync(ct);
        list = list.OrderByDescending(a => a.Year).ToList();
        return new CadreAssessmentsView(cadreId,
            list.Select(a => new AssessmentView(a.Year, a.Grade.ToString().ToLowerInvariant(), AnnualAssessment.Label(a.Grade), a.Accountability?.ToString().ToLowerInvariant(), a.UnitId)).ToList(),
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

    public static AssessmentGrade ParseGrade(string? value)
        => Enum.TryParse<AssessmentGrade>(value, ignoreCase: true, out var g) && Enum.IsDefined(g) ? g
            : throw new RuleException("assessment.bad_grade", "考核等次应为 excellent（优秀）、competent（称职）、basic（基本称职）或 incompetent（不称职）", 400);

    private static AccountabilityMeasure? ParseMeasure(string? value)
        => string.IsNullOrWhiteSpace(value) ? null
            : Enum.TryParse<AccountabilityMeasure>(value, ignoreCase: true, out var m) && Enum.IsDefined(m) ? m
            : throw new RuleException("assessment.bad_accountability", "问责方式应为 admonition（诫勉）、criticism（通报批评）、suspension（停职）或 removal（免职）", 400);
}

public static class AssessmentsApi
{
    public static void MapAssessments(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/assessments", async (AssessmentBatchRequest r, AssessmentWorkflow flow, CancellationToken ct) =>
        {
            var saved = await flow.RecordBatchAsync(r, ct);
            return TypedResults.Ok(saved.Select(a => new { a.CadreId, a.Year, Grade = a.Grade.ToString().ToLowerInvariant(), GradeLabel = AnnualAssessment.Label(a.Grade) }).ToList());
        }).RequireAuthorization(Policies.Admin).WithTags("年度考核");
        app.MapGet("/api/v1/assessments", async (string unitId, int year, AssessmentWorkflow flow, CancellationToken ct)
            => TypedResults.Ok(AssessmentBatchView.From(await flow.BatchAsync(unitId, year, ct)))).RequireAuthorization(Policies.Lead).WithTags("年度考核");
        app.MapGet("/api/v1/cadres/{id}/assessments", async (string id, AssessmentWorkflow flow, CancellationToken ct) => TypedResults.Ok(await flow.ForCadreAsync(id, ct)))
            .RequireAuthorization().WithTags("年度考核");
    }
}
