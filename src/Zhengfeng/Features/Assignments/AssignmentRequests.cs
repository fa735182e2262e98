using System.ComponentModel.DataAnnotations;
using Zhengfeng.Features.Campaigns;

namespace Zhengfeng.Features.Assignments;

/// <summary>An assist unit and its own part of the work.</summary>
public sealed record AssistPartRequest
{
    [Required(ErrorMessage = "请选择配合单位")]
    public required string UnitId { get; init; }

    [StringLength(1000, ErrorMessage = "配合事项不能超过1000字")]
    public string? Part { get; init; }
}

/// <summary>One step of the 施工图: what is to be done by when.</summary>
public sealed record MilestoneRequest
{
    [Required(ErrorMessage = "请填写节点名称")]
    [StringLength(200, MinimumLength = 2, ErrorMessage = "节点名称应为2至200字")]
    public required string Title { get; init; }

    [Required(ErrorMessage = "请填写节点完成时间")]
    public required DateOnly? DueOn { get; init; }
}

public sealed record CreateAssignmentRequest
{
    [Required(ErrorMessage = "请填写交办事项名称")]
    [StringLength(200, MinimumLength = 2, ErrorMessage = "交办事项名称应为2至200字")]
    public required string Title { get; init; }

    [Required(ErrorMessage = "请选择牵头单位")]
    public required string LeadUnitId { get; init; }

    /// <summary>Assist units without a stated part (the contract's short form).</summary>
    public IReadOnlyList<string>? AssistUnitIds { get; init; }

    /// <summary>Assist units each with its own part.</summary>
    public IReadOnlyList<AssistPartRequest>? Assists { get; init; }

    /// <summary>The due date; or <see cref="DueWorkdays"/> working days from today.</summary>
    public DateOnly? DueOn { get; init; }

    [Range(1, 365, ErrorMessage = "完成时限应为1至365个工作日")]
    public int? DueWorkdays { get; init; }

    public string? CampaignId { get; init; }

    [Range(1, 20, ErrorMessage = "阶段序号不正确")]
    public int? PhaseSeq { get; init; }

    /// <summary>campaign, leader, meeting or superior; a task of a campaign may leave it out.</summary>
    public AssignmentSource? Source { get; init; }

    [StringLength(300, ErrorMessage = "交办依据不能超过300字")]
    public string? SourceNote { get; init; }

    [StringLength(4000, ErrorMessage = "工作内容不能超过4000字")]
    public string? Content { get; init; }

    [StringLength(100, ErrorMessage = "责任人不能超过100字")]
    public string? ResponsibleName { get; init; }

    /// <summary>How often the lead unit reports progress; a campaign's task defaults to its plan's cycle.</summary>
    public ReportCycle? ReportCycle { get; init; }

    public IReadOnlyList<MilestoneRequest>? Milestones { get; init; }
}

public sealed record AssignmentProgressRequest
{
    [Required(ErrorMessage = "请填写进展情况")]
    [StringLength(5000, MinimumLength = 2, ErrorMessage = "进展情况应为2至5000字")]
    public required string Content { get; init; }

    /// <summary>The cycle period a periodic report answers (2026-11, 2026-W47, 2026-Q4).</summary>
    [StringLength(20, ErrorMessage = "汇报期次格式不正确")]
    public string? Period { get; init; }
}

public sealed record MilestoneDoneRequest
{
    [Required(ErrorMessage = "请填写节点完成情况")]
    [StringLength(2000, MinimumLength = 2, ErrorMessage = "节点完成情况应为2至2000字")]
    public required string Content { get; init; }
}

public sealed record AssignmentCompletionRequest
{
    [Required(ErrorMessage = "请填写完成情况")]
    [StringLength(5000, MinimumLength = 2, ErrorMessage = "完成情况应为2至5000字")]
    public required string Content { get; init; }
}

public sealed record AssignmentAcceptanceRequest
{
    [Required(ErrorMessage = "请选择验收结论（accepted: true 通过，false 退回）")]
    public required bool? Accepted { get; init; }

    [StringLength(2000, ErrorMessage = "验收意见不能超过2000字")]
    public string? Note { get; init; }
}

/// <summary>The list's filters, shared by the API, the page and the export.</summary>
public sealed record AssignmentFilter(AssignmentStatus? Status, string? UnitId, string? CampaignId, AssignmentSource? Source, bool Overdue, string? Q = null);
