using System.ComponentModel.DataAnnotations;

namespace Zhengfeng.Features.Scores;

/// <summary>A rule of the 考核细则 as edited: every field is replaced. A rule without its source document is refused.</summary>
public sealed record ReviseScoreRuleRequest
{
    [Required(ErrorMessage = "请填写考核项目名称")]
    [StringLength(100, ErrorMessage = "考核项目名称不能超过100字")]
    public required string Name { get; init; }

    /// <summary>Negative for a deduction, positive for an addition.</summary>
    [Required(ErrorMessage = "请填写分值（扣分为负数，加分为正数）")]
    public required decimal? Points { get; init; }

    /// <summary>At most this many points per unit and year; empty for no cap.</summary>
    public decimal? YearCap { get; init; }

    /// <summary>The document the rule comes from (e.g. 《机关干部综合考核办法》第八条); checked by the rule itself.</summary>
    [StringLength(300, ErrorMessage = "依据文件不能超过300字")]
    public string? SourceDocument { get; init; }

    public bool Enabled { get; init; } = true;
}
