using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Data;
using Zhengfeng.Features.Figures;
using Zhengfeng.Jobs;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Operations;

/// <summary>
/// 运行状态 (admin): this instance, the database, the read replica's lag, which instance runs each background job, and the
/// running counts behind the dashboard and the ranking, which the admin may check against the records or rebuild.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(AppDb db, JobLeases leases, TimeProvider clock, IServiceProvider services) : PageModel
{
    public OperationsStatus Status { get; private set; } = null!;

    /// <summary>PostgreSQL holds saves during a rebuild; SQLite recounts from a snapshot while they go on.</summary>
    public bool SavesWaitDuringRebuild => db.IsPostgres;

    /// <summary>The result of 核对统计数, shown once after the check.</summary>
    public FigureCheck? Check { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Status = await OperationsStatus.ReadAsync(db, leases, clock, services.GetService<ReplicaReads>(), ct);

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        Check = await FigureRecount.CheckAsync(db, ct);
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRebuildAsync(CancellationToken ct)
    {
        var rebuilt = await FigureRecount.RebuildAsync(db, ct);
        TempData["Notice"] = $"已按现有记录重算统计数：{rebuilt.Months} 个月、{rebuilt.Figures} 项，用时 {rebuilt.Seconds:0.##} 秒";
        return RedirectToPage();
    }
}
