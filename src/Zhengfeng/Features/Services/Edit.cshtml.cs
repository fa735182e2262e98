using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Features.Cases;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Services;

/// <summary>A service item: new (no id) or edited; read-only for those who may not edit it.</summary>
[Authorize(Policy = Policies.Services)]
public sealed class EditModel(ServiceWorkflow flow, DispatchChoices choices, CurrentUser me) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string? Id { get; set; }

    public ServiceItem? Item { get; private set; }
    public string? UnitName { get; private set; }
    public List<DispatchChoices.Choice> Units { get; private set; } = [];
    public bool MayEdit => me.IsIn(Roles.Unit, Roles.Supervisor, Roles.Admin);
    public bool PicksUnit => flow.MayEditAll && Id is null;
    public ServiceItemRequest? Posted => Argument<ServiceItemRequest>("item");

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(ServiceItemRequest item, CancellationToken ct)
    {
        var saved = Id is null ? await flow.CreateItemAsync(item, ct) : await flow.UpdateItemAsync(Id, item, ct);
        TempData["Notice"] = "已保存服务事项";
        return Redirect($"/services/items/{saved.Id}");
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        if (Id is not null)
        {
            Item = await flow.ItemAsync(Id, ct);
            UnitName = (await flow.UnitNamesAsync(ct)).GetValueOrDefault(Item.UnitId);
        }
        Units = PicksUnit ? await choices.AllAsync(ct) : [];
    }
}
