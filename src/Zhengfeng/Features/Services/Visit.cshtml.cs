using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Features.Cases;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Services;

/// <summary>One window visit with its outcome and the steps the first unit (or the unit it was passed to) may take.</summary>
[Authorize(Policy = Policies.Services)]
public sealed class VisitModel(ServiceWorkflow flow, DispatchChoices choices, CurrentUser me, TimeProvider clock) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";

    public WindowVisit V { get; private set; } = null!;
    public ServiceItem? Item { get; private set; }
    public Dictionary<string, string> UnitNames { get; private set; } = [];
    public List<DispatchChoices.Choice> Units { get; private set; } = [];
    public (string? Name, string? Phone) Applicant { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public bool IsFirstUnit { get; private set; }
    public bool IsReceivingUnit { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    [Duty(Policies.UnitWork)]
    public async Task<IActionResult> OnPostTellAsync(List<string> missing, string? other, CancellationToken ct)
    {
        var all = missing.Concat(string.IsNullOrWhiteSpace(other) ? [] : [other]).ToList();
        await flow.TellAsync(Id, new TellVisitRequest { Missing = all }, ct);
        TempData["Notice"] = "已记录一次性告知的所缺材料";
        return Redirect($"/services/visits/{Id}");
    }

    [Duty(Policies.UnitWork)]
    public async Task<IActionResult> OnPostTransferAsync(TransferVisitRequest transfer, CancellationToken ct)
    {
        await flow.TransferAsync(Id, transfer, ct);
        TempData["Notice"] = "已转办，承办单位可在其窗口办件台账中看到";
        return Redirect($"/services/visits/{Id}");
    }

    [Duty(Policies.UnitWork)]
    public async Task<IActionResult> OnPostCompleteAsync(CancellationToken ct)
    {
        await flow.CompleteAsync(Id, ct);
        TempData["Notice"] = "已办结";
        return Redirect($"/services/visits/{Id}");
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        V = await flow.VisitAsync(Id, ct);
        Item = (await flow.ItemsAsync(null, null, ct)).FirstOrDefault(i => i.Id == V.ServiceItemId);
        UnitNames = await flow.UnitNamesAsync(ct);
        var unitStaff = me.IsIn(Roles.Unit);
        IsFirstUnit = unitStaff && await me.CanSeeUnitAsync(V.UnitId, ct);
        IsReceivingUnit = unitStaff && V.TransferredToUnitId is { } to && await me.CanSeeUnitAsync(to, ct);
        if (IsFirstUnit || IsReceivingUnit)
        {
            Applicant = flow.Applicant(V);
        }
        else
        {
            Applicant = flow.Masked(V);
        }
        Units = IsFirstUnit && V.Status is VisitStatus.Received or VisitStatus.Told ? await choices.AllAsync(ct) : [];
    }
}
