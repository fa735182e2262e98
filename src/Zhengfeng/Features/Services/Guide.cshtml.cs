using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Services;

/// <summary>办事指南: the units whose service items are published, for anyone, with a search.</summary>
[AllowAnonymous]
public sealed class GuideModel(ServiceWorkflow flow) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public List<(string UnitId, string UnitName, int Items)> Units { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    protected internal override async Task LoadAsync(CancellationToken ct) => Units = await flow.GuideUnitsAsync(Q, ct);
}
