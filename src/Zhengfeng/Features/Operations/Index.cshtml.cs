using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Data;
using Zhengfeng.Jobs;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Operations;

/// <summary>运行状态 (admin): this instance, the database, the read replica's lag and which instance runs each background job.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(AppDb db, JobLeases leases, TimeProvider clock, IServiceProvider services) : PageModel
{
    public OperationsStatus Status { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Status = await OperationsStatus.ReadAsync(db, leases, clock, services.GetService<ReplicaReads>(), ct);
}
