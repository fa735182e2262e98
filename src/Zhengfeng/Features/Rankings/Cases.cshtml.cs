using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Cases;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Rankings;

/// <summary>The cases behind one figure of the ranking.</summary>
public sealed class CasesModel(RankingService rankings, CurrentUser me, AppDb db) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string UnitId { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Period { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Metric { get; set; } = "dispatched";
    /// <summary>The ranking page this came from; districts: the district's whole subtree.</summary>
    [BindProperty(SupportsGet = true)] public string? Group { get; set; }
    public RankingGroup? Selected { get; private set; }
    public IReadOnlyList<Case> Items { get; private set; } = [];
    public string UnitName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await me.CanSeeUnitAsync(UnitId, ct))
        {
            return Forbid();
        }
        Selected = WireEnum.ParseOptional<RankingGroup>(Group, "group");
        UnitName = await db.Units.AsNoTracking().Where(u => u.Id == UnitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        Items = await rankings.DrillDownAsync(UnitId, Period, Metric, ct, district: Selected == RankingGroup.Districts);
        return Page();
    }

    public string BackLink => Selected is { } g ? $"/rankings/{RankingGroups.Code(g)}?period={Period}" : $"/rankings?period={Period}";

    public string BackLabel => Selected is { } g ? $"{RankingGroups.Label(g)}排名" : "排名";

    public static string MetricLabel(string metric) => metric switch
    {
        "dispatched" => "派单",
        "responded" => "按时签收",
        "late" => "未按时签收",
        "rated" => "评价",
        "resolved" => "评价为已解决",
        "satisfied" => "满意（含基本满意）",
        "unsatisfied" => "不满意",
        "returns" => "申请退单",
        _ => metric,
    };
}
