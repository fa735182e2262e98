using System.ComponentModel.DataAnnotations;

namespace Zhengfeng.Features.Accountability;

public sealed record OpenAccountabilityRequest
{
    /// <summary>The subject is a unit (党组织) when set; otherwise <see cref="CadreId"/>.</summary>
    public string? UnitId { get; init; }
    public string? CadreId { get; init; }
    public string? ClueId { get; init; }
    public string? CaseId { get; init; }
    public string? NoticeId { get; init; }

    /// <summary>The running 专项整治 the case belongs to, if any.</summary>
    public string? CampaignId { get; init; }

    [Required(ErrorMessage = "请填写问责事实")]
    [StringLength(5000, MinimumLength = 2, ErrorMessage = "问责事实应为2至5000字")]
    public required string Facts { get; init; }
}

public sealed record DecideAccountabilityRequest
{
    [Required(ErrorMessage = "请填写问责决定")]
    [StringLength(5000, MinimumLength = 2, ErrorMessage = "问责决定应为2至5000字")]
    public required string Decision { get; init; }

    /// <summary>问责方式 for the subject.</summary>
    public IReadOnlyList<string>? Forms { get; init; }
    /// <summary>问责方式 for the unit's head (第一责任人), unit cases only.</summary>
    public IReadOnlyList<string>? HeadForms { get; init; }
    /// <summary>问责方式 for the unit's deputy in charge (分管领导), unit cases only.</summary>
    public IReadOnlyList<string>? DeputyForms { get; init; }

    /// <summary>政务处分: warning, demerit, majordemerit, demotion, dismissal, expulsion (cadre cases only).</summary>
    public Sanction? Sanction { get; init; }
    /// <summary>One sanction per act when the decision covers several acts (政务处分法 Art. 15); instead of <see cref="Sanction"/>; empty entries are skipped.</summary>
    public IReadOnlyList<Sanction?>? Sanctions { get; init; }
    /// <summary>The combined 处分期间 in months for several equal sanctions below 撤职 (Art. 15).</summary>
    [Range(1, Accountability.Sanctions.MaxCombinedMonths, ErrorMessage = "合并后的处分期间应为1至48个月")]
    public int? CombinedMonths { get; init; }
    /// <summary>The first day of the sanction; today (China time) when omitted.</summary>
    public DateOnly? SanctionFrom { get; init; }

    [Range(1, 4, ErrorMessage = "四种形态应为1至4")]
    public int Category { get; init; }
}

public sealed record FindingsRequest
{
    [Required(ErrorMessage = "请填写调查认定的事实")]
    [StringLength(5000, MinimumLength = 2, ErrorMessage = "调查认定的事实应为2至5000字")]
    public required string Findings { get; init; }
}

public sealed record AnswerRequest
{
    [Required(ErrorMessage = "请填写书面说明的内容")]
    [StringLength(10000, MinimumLength = 2, ErrorMessage = "书面说明应为2至10000字")]
    public required string Answer { get; init; }
}

public sealed record AssessAnswerRequest
{
    /// <summary>accepted (予以采信，了结) or rejected (不予采信).</summary>
    [Required(ErrorMessage = "请选择评估结论：accepted（予以采信）或 rejected（不予采信）")]
    public AnswerAssessment? Assessment { get; init; }

    [Required(ErrorMessage = "请填写评估意见")]
    [StringLength(2000, MinimumLength = 2, ErrorMessage = "评估意见应为2至2000字")]
    public required string Note { get; init; }
}

public sealed record CloseAccountabilityRequest
{
    [Required(ErrorMessage = "请填写不予问责的理由")]
    [StringLength(2000, MinimumLength = 2, ErrorMessage = "不予问责的理由应为2至2000字")]
    public required string Reason { get; init; }
}

public sealed record ApplyExemptionRequest
{
    [Required(ErrorMessage = "请指定申请容错免责的干部")]
    public required string CadreId { get; init; }
    public string? AccountabilityCaseId { get; init; }

    [Required(ErrorMessage = "请填写容错免责的事实")]
    [StringLength(5000, MinimumLength = 2, ErrorMessage = "事实应为2至5000字")]
    public required string Facts { get; init; }

    public bool PublicPurpose { get; init; }
    [StringLength(1000)] public string? PublicPurposeNote { get; init; }
    public bool NoPersonalGain { get; init; }
    [StringLength(1000)] public string? NoPersonalGainNote { get; init; }
    public bool NoBreachOfLaw { get; init; }
    [StringLength(1000)] public string? NoBreachOfLawNote { get; init; }
    public bool NoMajorLoss { get; init; }
    [StringLength(1000)] public string? NoMajorLossNote { get; init; }
    public bool TimelyRemedy { get; init; }
    [StringLength(1000)] public string? TimelyRemedyNote { get; init; }
    public bool ProcedureFollowed { get; init; }
    [StringLength(1000)] public string? ProcedureFollowedNote { get; init; }
}

public sealed record DecideExemptionRequest
{
    public bool Approve { get; init; }

    /// <summary>On a refusal, the criteria found not met (publicPurpose, noPersonalGain, ...); those the applicant answered "no" count too.</summary>
    public IReadOnlyList<string>? FailedCriteria { get; init; }

    [Required(ErrorMessage = "请填写认定理由")]
    [StringLength(2000, MinimumLength = 2, ErrorMessage = "认定理由应为2至2000字")]
    public required string Reason { get; init; }
}
