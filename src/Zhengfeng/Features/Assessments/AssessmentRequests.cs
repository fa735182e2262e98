using System.ComponentModel.DataAnnotations;

namespace Zhengfeng.Features.Assessments;

public sealed record AssessmentEntry
{
    [Required(ErrorMessage = "请指定干部")]
    public required string CadreId { get; init; }

    public required AssessmentGrade Grade { get; init; }

    /// <summary>admonition, criticism, suspension or removal, if the cadre was held accountable that year.</summary>
    public AccountabilityMeasure? Accountability { get; init; }
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
