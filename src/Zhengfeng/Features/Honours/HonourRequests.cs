using System.ComponentModel.DataAnnotations;

namespace Zhengfeng.Features.Honours;

public sealed record NominateHonourRequest
{
    [Required(ErrorMessage = "请填写表彰年度")]
    [Range(2000, 2100, ErrorMessage = "表彰年度应为2000至2100年之间的年份")]
    public required int? Year { get; init; }

    /// <summary>The honour's title; 效能示范岗 when left empty.</summary>
    [StringLength(100, MinimumLength = 2, ErrorMessage = "表彰名称应为2至100字")]
    public string? Title { get; init; }

    /// <summary>unit (单位) or cadre (干部).</summary>
    [Required(ErrorMessage = "请选择表彰对象类型（unit 单位、cadre 干部）")]
    public required HonourNominee? NomineeType { get; init; }

    [Required(ErrorMessage = "请选择单位")]
    public required string UnitId { get; init; }

    /// <summary>The cadre honoured, a cadre of <see cref="UnitId"/>; only for nominee type cadre.</summary>
    public string? CadreId { get; init; }

    /// <summary>The nominator's own words, added after what the record says (score, rank, no accountability).</summary>
    [StringLength(1000, ErrorMessage = "推荐理由不能超过1000字")]
    public string? Reason { get; init; }
}

public sealed record DecideHonourRequest
{
    /// <summary>审定意见; required to decline.</summary>
    [StringLength(2000, ErrorMessage = "审定意见不能超过2000字")]
    public string? Note { get; init; }
}
