using System.ComponentModel.DataAnnotations;

namespace Zhengfeng.Features.Evaluations;

public sealed record GroupWeight
{
    public required RaterGroup Group { get; init; }

    [Range(1, 100, ErrorMessage = "权重应为1至100")]
    public int Weight { get; init; }
}

public sealed record CreateCampaignRequest
{
    [Required(ErrorMessage = "请填写评议名称")]
    [StringLength(200, MinimumLength = 2, ErrorMessage = "评议名称应为2至200字")]
    public required string Name { get; init; }

    [Range(2000, 2100, ErrorMessage = "年度不正确")]
    public int Year { get; init; }

    [Required(ErrorMessage = "请选择被评议单位")]
    public required List<string> UnitIds { get; init; }

    [Required(ErrorMessage = "请设置评议群体及权重")]
    public required List<GroupWeight> Groups { get; init; }
}

public sealed record IssueBallotsRequest
{
    public required RaterGroup Group { get; init; }

    [Range(1, 5000, ErrorMessage = "评议票数量应为1至5000")]
    public int Count { get; init; }
}

public sealed record UnitRating
{
    [Required(ErrorMessage = "请指定被评议单位")]
    public required string UnitId { get; init; }

    public required SatisfactionLevel Level { get; init; }
}

public sealed record CastBallotRequest
{
    [Required(ErrorMessage = "请填写评议意见")]
    public required List<UnitRating> Ratings { get; init; }
}
