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
    public IReadOnlyList<Case> Items { get; private set; } = [];
    public string UnitName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await me.CanSeeUnitAsync(UnitId, ct))
        {
            return Forbid();
        }
        UnitName = await db.Units.AsNoTracking().Where(u => u.Id == UnitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        Items = await rankings.DrillDownAsync(UnitId, Period, Metric, ct);
        return Page();
    }

    public static string MetricLabel(string metric) => metric switch
    {
        "dispatched" => "当月派单",
        "responded" => "按时签收",
        "late" => "未按时签收",
        "rated" => "当月评价",
        "resolved" => "评价为已解决",
        "satisfied" => "满意（含基本满意）",
        "unsatisfied" => "不满意",
        "returns" => "申请退单",
        _ => metric,
    };
}
