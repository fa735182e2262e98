using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhengfeng.Features.Scores;

// 综合考核 Score · 考核细则 ScoreRule · 扣分 deduction (negative points) · 加分 addition · 依据 SourceDocument

/// <summary>The kinds of record the year-end score counts; one rule each.</summary>
public enum ScoreKind
{
    AssignmentOverdue,
    NoticeOverdue,
    RedNotice,
    CriticismBulletin,
    AccountabilityUnit,
    AccountabilityCadre,
    AssistFailure,
    EvaluationPoor,
    EvaluationGood,
    SatisfactionBottom,
    SatisfactionTop,
    RectificationOverdue,
    PraiseBulletin,
    PositiveTypical,
    Honour,
    AttendanceAbsence,
}

/// <summary>
/// One line of the 考核细则: how many points a record of this kind is worth (negative for a deduction), the cap per unit
/// and year, and the document the rule comes from. A rule without its source document is refused.
/// </summary>
public sealed class ScoreRule
{
    public ScoreKind Kind { get; init; }
    public string Name { get; private set; } = "";
    public decimal Points { get; private set; }
    /// <summary>At most this many points (in absolute value) per unit and year; null for no cap.</summary>
    public decimal? YearCap { get; private set; }
    public string SourceDocument { get; private set; } = "";
    public bool Enabled { get; private set; } = true;
    public string? UpdatedBy { get; private set; }
    public DateTimeOffset? UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public static ScoreRule Create(ScoreKind kind, string name, decimal points, decimal? cap, string source)
    {
        var rule = new ScoreRule { Kind = kind };
        rule.Revise(name, points, cap, source, true, null, null);
        return rule;
    }

    public void Revise(string name, decimal points, decimal? cap, string source, bool enabled, string? by, DateTimeOffset? at)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            throw new Web.RuleException("score.source_required", $"考核细则“{name}”须写明依据的文件", StatusCodes.Status400BadRequest);
        }
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new Web.RuleException("score.name_required", "请填写考核项目名称", StatusCodes.Status400BadRequest);
        }
        if (points == 0 || Math.Abs(points) > 100)
        {
            throw new Web.RuleException("score.points", $"考核细则“{name}”的分值应为-100至100之间的非零数", StatusCodes.Status400BadRequest);
        }
        if (cap is { } c && (c <= 0 || c > 100))
        {
            throw new Web.RuleException("score.cap", $"考核细则“{name}”的年度上限应为0至100分", StatusCodes.Status400BadRequest);
        }
        Name = name.Trim();
        Points = points;
        YearCap = cap;
        SourceDocument = source.Trim();
        Enabled = enabled;
        UpdatedBy = by;
        UpdatedAt = at;
        Version++;
    }

    public bool IsAddition => Points > 0;
}

internal sealed class ScoreRuleConfiguration : IEntityTypeConfiguration<ScoreRule>
{
    public void Configure(EntityTypeBuilder<ScoreRule> b)
    {
        b.HasKey(x => x.Kind);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Points).HasPrecision(6, 2);
        b.Property(x => x.YearCap).HasPrecision(6, 2);
        b.Property(x => x.SourceDocument).HasMaxLength(300);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.IsAddition);
    }
}
