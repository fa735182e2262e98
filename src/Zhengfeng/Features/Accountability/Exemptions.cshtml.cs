using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Exports;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Accountability;

/// <summary>容错免责台账: applications in the user's scope, newest first, by status.</summary>
[Authorize(Policy = Policies.ReadIntegrity)]
public sealed class ExemptionsModel(AccountabilityWorkflow flow, AppDb db) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Page<Exemption> Result { get; private set; } = new([], 0, 1, PageSize);
    public Dictionary<string, string> CadreNames { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await flow.SearchExemptionsAsync(WireEnum.ParseOptional<ExemptionStatus>(Status, "status"), PageNumber, PageSize, ct);
        var ids = Result.Items.Select(e => e.CadreId).Distinct().ToList();
        CadreNames = await db.Cadres.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }

    public string ExportLink => ExportLinks.Xlsx("/api/v1/exports/exemptions.xlsx", ("status", Status));

    public string PageLink(int page) => Url.Page("Exemptions", new { Status, p = page })!;
}
