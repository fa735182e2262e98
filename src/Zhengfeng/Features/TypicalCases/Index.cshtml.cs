using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Data;
using Zhengfeng.Features.Exports;
using Zhengfeng.Web;

namespace Zhengfeng.Features.TypicalCases;

/// <summary>典型案例: published cases for every member of staff, and the drafts and reviews within the user's unit scope.</summary>
public sealed class IndexModel(TypicalCaseWorkflow flow, AppDb db, IAuthorizationService auth) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }

    public List<TypicalCase> Items { get; private set; } = [];
    public Dictionary<string, string> UnitNames { get; private set; } = [];
    public bool CanDraft { get; private set; }

    public string ExportLink => ExportLinks.Xlsx("/api/v1/exports/typical-cases.xlsx", ("status", Status), ("kind", Kind));

    public async Task OnGetAsync(CancellationToken ct)
    {
        Items = await flow.ListAsync(WireEnum.ParseOptional<TypicalCaseStatus>(Status, "status"), WireEnum.ParseOptional<TypicalCaseKind>(Kind, "kind"), ct);
        UnitNames = await TypicalCasePages.UnitNamesAsync(db, ct);
        CanDraft = (await auth.AuthorizeAsync(User, Policies.DraftTypical)).Succeeded;
    }
}
