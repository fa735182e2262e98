using Microsoft.AspNetCore.Authorization;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Services;

/// <summary>窗口服务总览: per unit, visits, done on time, overruns, repeat trips and one-time notices, with links to the lists.</summary>
[Authorize(Policy = Policies.ServiceOversight)]
public sealed class OverviewModel(ServiceWorkflow flow) : WorkflowPage
{
    public List<UnitServiceFigures> Figures { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    protected internal override async Task LoadAsync(CancellationToken ct) => Figures = await flow.FiguresAsync(ct);
}
