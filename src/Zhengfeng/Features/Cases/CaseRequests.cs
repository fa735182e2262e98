using System.ComponentModel.DataAnnotations;

namespace Zhengfeng.Features.Cases;

public sealed record ReporterInput(
    [property: StringLength(50, ErrorMessage = "姓名不能超过50字")] string? Name,
    [property: RegularExpression(@"^[0-9+\- ]{5,20}$", ErrorMessage = "联系电话格式不正确")] string? Phone);

public sealed record CreateCaseRequest
{
    [Required(ErrorMessage = "请选择诉求类型")]
    public required CaseKind? Kind { get; init; }

    [Required(ErrorMessage = "请选择诉求分类")]
    public required string CategoryCode { get; init; }

    [Required(ErrorMessage = "请填写诉求内容")]
    [StringLength(5000, MinimumLength = 2, ErrorMessage = "诉求内容应为2至5000字")]
    public required string Content { get; init; }

    [StringLength(200, ErrorMessage = "标题不能超过200字")]
    public string? Title { get; init; }

    public string? Channel { get; init; }

    [StringLength(300, ErrorMessage = "地址不能超过300字")]
    public string? Address { get; init; }

    [Range(-90, 90, ErrorMessage = "纬度应在-90至90之间")]
    public double? Lat { get; init; }

    [Range(-180, 180, ErrorMessage = "经度应在-180至180之间")]
    public double? Lon { get; init; }

    public bool Urgent { get; init; }
    public bool Anonymous { get; init; }
    public ReporterInput? Reporter { get; init; }
}

public sealed record DispatchRequest
{
    [Required(ErrorMessage = "请选择主办单位")]
    public required string LeadUnitId { get; init; }

    public IReadOnlyList<string>? AssistUnitIds { get; init; }

    /// <summary>Each assist unit's own part (配合事项), by unit id; a unit left out gets the default part.</summary>
    public Dictionary<string, string>? AssistParts { get; init; }

    [StringLength(1000, ErrorMessage = "派单说明不能超过1000字")]
    public string? Note { get; init; }
}

public sealed record ReasonRequest
{
    [Required(ErrorMessage = "请填写理由")]
    [StringLength(1000, MinimumLength = 2, ErrorMessage = "理由应为2至1000字")]
    public required string Reason { get; init; }
}

public sealed record ReturnDecisionRequest
{
    public bool Approve { get; init; }
    public string? NewLeadUnitId { get; init; }

    [StringLength(1000, ErrorMessage = "说明不能超过1000字")]
    public string? Note { get; init; }
}

public sealed record ExtensionRequestInput
{
    [Range(1, 60, ErrorMessage = "延期天数应为1至60个工作日")]
    public int Workdays { get; init; }

    [Required(ErrorMessage = "请填写延期理由")]
    [StringLength(1000, MinimumLength = 2, ErrorMessage = "延期理由应为2至1000字")]
    public required string Reason { get; init; }
}

public sealed record DecisionRequest
{
    public bool Approve { get; init; }

    [StringLength(1000, ErrorMessage = "说明不能超过1000字")]
    public string? Note { get; init; }
}

public sealed record ReplyRequest
{
    [Required(ErrorMessage = "请填写答复内容")]
    [StringLength(5000, MinimumLength = 2, ErrorMessage = "答复内容应为2至5000字")]
    public required string Content { get; init; }

    [Required(ErrorMessage = "请选择办理结果")]
    public required ReplyOutcome? Outcome { get; init; }
}

public sealed record NoteRequest
{
    [StringLength(1000, ErrorMessage = "说明不能超过1000字")]
    public string? Note { get; init; }
}

public sealed record MergeRequest
{
    [Required(ErrorMessage = "请指定并入的主工单")]
    public required string IntoId { get; init; }
}

public sealed record RatingRequest
{
    [Range(1, 5, ErrorMessage = "评价等级应为1（非常不满意）至5（非常满意）")]
    public int Level { get; init; }

    [StringLength(1000, ErrorMessage = "评价内容不能超过1000字")]
    public string? Comment { get; init; }

    /// <summary>Whether the reporter's problem was solved; defaults to the reply's outcome.</summary>
    public bool? Resolved { get; init; }
}

public sealed record AssignRequest
{
    [Required(ErrorMessage = "请选择承办人")]
    public string? AssigneeId { get; init; }
}

public sealed record PhraseRequest
{
    [Required(ErrorMessage = "请填写常用语")]
    public string? Text { get; init; }
}
