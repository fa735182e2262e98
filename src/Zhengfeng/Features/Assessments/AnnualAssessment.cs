using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengfeng.Features.Org;

namespace Zhengfeng.Features.Assessments;

// 年度考核 AnnualAssessment · 优秀 Excellent · 称职 Competent · 基本称职 Basic · 不称职 Incompetent
// 诫勉 Admonition · 通报批评 Criticism · 停职 Suspension · 免职 Removal

public enum AssessmentGrade { Excellent, Competent, Basic, Incompetent }

public enum AccountabilityMeasure { Admonition, Criticism, Suspension, Removal }

/// <summary>One cadre's grade in one year's 定期考核.</summary>
public sealed class AnnualAssessment
{
    public required string Id { get; init; }
    public required string CadreId { get; init; }
    public required string UnitId { get; init; }
    public int Year { get; init; }
    public AssessmentGrade Grade { get; private set; }
    public AccountabilityMeasure? Accountability { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Records (or corrects) the year's grade and the 问责 measure taken that year, if any.</summary>
    public void Record(AssessmentGrade grade, AccountabilityMeasure? measure, string by, DateTimeOffset at)
    {
        Grade = grade;
        Accountability = measure;
        RecordedBy = by;
        RecordedAt = at;
    }

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
