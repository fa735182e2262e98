using System.ComponentModel.DataAnnotations;

namespace Zhengfeng.Features.TypicalCases;

public sealed record DraftTypicalCaseRequest
{
    /// <summary>positive (正面典型) or negative (反面典型).</summary>
    [Required(ErrorMessage = "请选择典型类别")]
    public required TypicalCaseKind? Kind { get; init; }

    /// <summary>case, accountability, exemption, notice, rectification or evaluation.</summary>
    [Required(ErrorMessage = "请选择来源记录的类型")]
    public required TypicalSourceType? SourceType { get; init; }

    [Required(ErrorMessage = "请选择来源记录")]
    public required string SourceId { get; init; }

    /// <summary>Taken from the source record when left empty.</summary>
    [StringLength(200, ErrorMessage = "标题不能超过200字")]
    public string? Title { get; init; }

    /// <summary>Taken from the source record when left empty.</summary>
    [StringLength(5000, ErrorMessage = "基本案情不能超过5000字")]
    public string? Facts { get; init; }

    [StringLength(2000, ErrorMessage = "启示或警示不能超过2000字")]
    public string? Lesson { get; init; }
}

public sealed record EditTypicalCaseRequest
{
    [Required(ErrorMessage = "请填写标题")]
    [StringLength(200, MinimumLength = 4, ErrorMessage = "标题应为4至200字")]
    public required string Title { get; init; }

    [Required(ErrorMessage = "请填写基本案情")]
    [StringLength(5000, MinimumLength = 10, ErrorMessage = "基本案情应为10至5000字")]
    public required string Facts { get; init; }

    [StringLength(2000, ErrorMessage = "启示或警示不能超过2000字")]
    public string? Lesson { get; init; }
}

public sealed record ReviewTypicalCaseRequest
{
    [StringLength(2000, ErrorMessage = "审核意见不能超过2000字")]
    public string? Note { get; init; }
}

public sealed record WithdrawTypicalCaseRequest
{
    [Required(ErrorMessage = "请填写撤回理由")]
    [StringLength(2000, MinimumLength = 2, ErrorMessage = "撤回理由应为2至2000字")]
    public required string Reason { get; init; }
}
