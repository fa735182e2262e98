using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Assists;

/// <summary>
/// 协办任务: a unit's duties (pending first, with their deadlines and what they are part of) and the duties owed to it as the
/// lead unit; supervisors, inspectors and leaders see every unit's, with the 协办不力 filter. Scoped by the workflow.
/// </summary>
public sealed class IndexModel(AssistWorkflow flow, AppDb db, CurrentUser me) : WorkflowPage
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Side { get; set; }
    [BindProperty(SupportsGet = true)] public string? OwnerType { get; set; }
    [BindProperty(SupportsGet = true)] public string? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public bool Failure { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Page<AssistView> Result { get; private set; } = new([], 0, 1, PageSize);
    /// <summary>County-wide readers (督查、纪检、领导、管理员) see every unit's duties and filter by unit.</summary>
    public bool SeesAll { get; private set; }
    public AssistSide SelectedSide { get; private set; } = AssistSide.Assist;
    public List<Unit> Units { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        SeesAll = me.IsIn(Roles.Supervisor, Roles.Inspector, Roles.Leader, Roles.Admin);
        SelectedSide = WireEnum.TryParse<AssistSide>(Side, out var side) ? side : AssistSide.Assist;
        Result = await flow.SearchAsync(Filter, PageNumber, PageSize, ct);
        if (SeesAll)
        {
            Units = await db.Units.WorkUnitsAsync(await me.AreaScopeAsync(ct), ct);
        }
    }

    private AssistFilter Filter => new(
        WireEnum.TryParse<AssistStatus>(Status, out var s) ? s : null,
        SeesAll && !string.IsNullOrWhiteSpace(UnitId) ? UnitId.Trim() : null,
        WireEnum.TryParse<AssistOwner>(OwnerType, out var o) ? o : null,
        Failure,
        SeesAll ? null : SelectedSide);

    /// <summary>The list's filters as a query string, for paging and the export.</summary>
    public string Query(int? page = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }
        Add("status", Status);
        Add("ownerType", OwnerType);
        Add("failure", Failure ? "true" : null);
        if (SeesAll)
        {
            Add("unitId", UnitId);
        }
        else
        {
            Add("side", WireEnum.Name(SelectedSide));
        }
        if (page is { } p)
        {
            Add("p", p.ToString(CultureInfo.InvariantCulture));
        }
        return string.Join("&", parts);
    }

    public static string Tag(AssistView a) => a.Status switch
    {
        "refused" => "tag red",
        "given" => "tag ok",
        _ => a.Overdue ? "tag red" : "tag warn",
    };
}
