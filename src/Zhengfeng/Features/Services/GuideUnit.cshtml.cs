using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Services;

/// <summary>One unit's published service guide: limits and the full materials list, printable.</summary>
[AllowAnonymous]
public sealed class GuideUnitModel(ServiceWorkflow flow) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string UnitId { get; set; } = "";

    public string UnitName { get; private set; } = "";
    public List<ServiceItem> Items { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    protected internal override async Task LoadAsync(CancellationToken ct) => (UnitName, Items) = await flow.GuideAsync(UnitId, ct);
}
