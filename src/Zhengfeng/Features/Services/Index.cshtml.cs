using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Exports;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Services;

/// <summary>服务事项: a unit's own items; supervision sees every unit's, filtered by unit.</summary>
[Authorize(Policy = Policies.Services)]
public sealed class IndexModel(ServiceWorkflow flow, DispatchChoices choices, CurrentUser me) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public List<ServiceItem> Items { get; private set; } = [];
    public Dictionary<string, string> UnitNames { get; private set; } = [];
    public List<DispatchChoices.Choice> Units { get; private set; } = [];
    public bool AreaWide => me.IsAreaWide;
    public bool MayEdit => me.IsIn(Roles.Unit, Roles.Supervisor, Roles.Admin);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public string ExportLink => ExportLinks.Xlsx("/api/v1/services/items.xlsx", ("unitId", UnitId), ("q", Q));

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Items = await flow.ItemsAsync(UnitId, Q, ct);
        UnitNames = await flow.UnitNamesAsync(ct);
        Units = AreaWide ? await choices.AllAsync(ct) : [];
    }
}
