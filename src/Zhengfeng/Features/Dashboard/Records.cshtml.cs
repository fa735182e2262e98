using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Clues;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Dashboard;

/// <summary>The records behind one dashboard figure, as a page: the same list the drill-down API returns.</summary>
[Authorize(Policy = Policies.Lead)]
public sealed class RecordsModel(DashboardService service, AppDb db) : WorkflowPage
{
    private string? _unitName;
    private string? _problemName;

    [BindProperty(SupportsGet = true)] public string Metric { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public string? ProblemType { get; set; }

    public IReadOnlyList<DrillRecord> Records { get; private set; } = [];

    public string Heading => Metric switch
    {
        "registered" => $"{Month} 受理诉求",
        "overdue" => $"{Month} 超期办理",
        "rated" => $"{Month} 参评",
        "satisfied" => $"{Month} 满意",
        "problems" => $"{From} 至 {To} {_unitName} {_problemName}（已核实问题线索）",
        "rectification" => "整改事项",
        "acc-opened" => $"{Month} 问责立项",
        "acc-decided" => $"{Month} 作出问责决定",
        "acc-form" => $"{From} 至 {To} 问责方式：{DashboardService.FormKeys.FirstOrDefault(f => f.Key == Status).Label}",
        "acc-category" => $"{From} 至 {To} 第{Status}种形态",
        "exemption" => $"{From} 至 {To} {(Status == "approved" ? "予以" : "不予")}容错免责",
        "typical" => $"{From} 至 {To} 发布的{(Status == "positive" ? "正面" : "反面")}典型案例",
        _ => "明细",
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        Records = await service.DrillAsync(Metric, Month, From, To, UnitId, ProblemType, Status, ct);
        if (Metric == "problems")
        {
            _unitName = await db.Units.AsNoTracking().Where(u => u.Id == UnitId).Select(u => u.Name).FirstOrDefaultAsync(ct);
            _problemName = await db.Set<ProblemType>().AsNoTracking().Where(p => p.Code == ProblemType).Select(p => p.Name).FirstOrDefaultAsync(ct);
        }
    }
}
