using System.ComponentModel.DataAnnotations;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Campaigns;

/// <summary>实施方案: what creating a campaign and revising its plan take.</summary>
public sealed record CampaignPlanRequest
{
    [Required(ErrorMessage = "请填写专项整治名称（name）")]
    [StringLength(200, MinimumLength = 2, ErrorMessage = "专项整治名称应为2至200字")]
    public required string Name { get; init; }

    /// <summary>实施方案's 发文字号, e.g. 县作发〔2026〕3号.</summary>
    [StringLength(100, ErrorMessage = "实施方案文号不能超过100字")]
    public string? DocumentNumber { get; init; }

    [StringLength(4000, ErrorMessage = "工作目标不能超过4000字")]
    public string? Goal { get; init; }

    [Required(ErrorMessage = "请填写开始日期（startsOn）")]
    public required DateOnly? StartsOn { get; init; }

    [Required(ErrorMessage = "请填写结束日期（endsOn）")]
    public required DateOnly? EndsOn { get; init; }

    /// <summary>none, weekly, monthly (default) or quarterly.</summary>
    public ReportCycle? ReportCycle { get; init; }

    [Required(ErrorMessage = "请选择参加单位（unitIds）")]
    [MinLength(1, ErrorMessage = "请选择至少一个参加单位（unitIds）")]
    public required IReadOnlyList<string> UnitIds { get; init; }

    /// <summary>Empty: the four standard phases (动员部署、自查自纠、集中整治、总结提升) split the period.</summary>
    public IReadOnlyList<PhaseRequest>? Phases { get; init; }

    public IReadOnlyList<LeaderRequest>? Leaders { get; init; }

    public CampaignPlan ToPlan() => new(Name ?? "", DocumentNumber, Goal,
        StartsOn ?? throw new RuleException("campaign.starts_on", "请填写开始日期（startsOn）", StatusCodes.Status400BadRequest),
        EndsOn ?? throw new RuleException("campaign.ends_on", "请填写结束日期（endsOn）", StatusCodes.Status400BadRequest),
        ReportCycle ?? Campaigns.ReportCycle.Monthly,
        [.. (Phases ?? []).Where(p => !string.IsNullOrWhiteSpace(p.Name) || p.StartsOn is not null || p.EndsOn is not null).Select(Phase)],
        [.. (Leaders ?? []).Select(l => new LeaderPlan(l.Name ?? "", l.Post, l.Role))],
        UnitIds ?? []);

    private static PhasePlan Phase(PhaseRequest p, int i)
        => p.StartsOn is { } start && p.EndsOn is { } end
            ? new PhasePlan(p.Name ?? "", start, end)
            : throw new RuleException("campaign.phase_dates", $"请填写第{i + 1}阶段“{p.Name}”的起止日期", StatusCodes.Status400BadRequest);
}

public sealed record PhaseRequest
{
    [StringLength(100, ErrorMessage = "阶段名称不能超过100字")]
    public string? Name { get; init; }

    public DateOnly? StartsOn { get; init; }

    public DateOnly? EndsOn { get; init; }
}

/// <summary>A leading-group member: name, post and role (组长、副组长、成员、办公室主任).</summary>
public sealed record LeaderRequest
{
    [StringLength(100, ErrorMessage = "领导小组成员姓名不能超过100字")]
    public string? Name { get; init; }

    [StringLength(200, ErrorMessage = "职务不能超过200字")]
    public string? Post { get; init; }

    [StringLength(50, ErrorMessage = "小组职务不能超过50字")]
    public string? Role { get; init; }
}

public sealed record CloseCampaignRequest
{
    /// <summary>总结: what was done and learned; the closing summary document adds the figures from the record.</summary>
    [StringLength(8000, ErrorMessage = "工作总结不能超过8000字")]
    public string? Summary { get; init; }
}

/// <summary>A participating unit's report for one period of the plan's cycle (2026-11, 2026-W47, 2026-Q4) or one phase (P2).</summary>
public sealed record CampaignReportRequest
{
    [Required(ErrorMessage = "请选择报送周期（period）")]
    [StringLength(20, ErrorMessage = "报送周期格式不正确")]
    public required string Period { get; init; }

    [Required(ErrorMessage = "请填写报送内容（content）")]
    [StringLength(5000, MinimumLength = 2, ErrorMessage = "报送内容应为2至5000字")]
    public required string Content { get; init; }

    /// <summary>无问题: the unit found nothing to report in the period.</summary>
    public bool NoProblem { get; init; }
}

/// <summary>The records a campaign holds besides its assignments.</summary>
public enum LinkType { Clue, Rectification, Notice, Bulletin, Accountability }

public sealed record LinkRecordRequest
{
    [Required(ErrorMessage = "请选择记录类型（type：clue、rectification、notice、bulletin、accountability）")]
    public required LinkType? Type { get; init; }

    [Required(ErrorMessage = "请指定记录（id）")]
    public required string Id { get; init; }
}
