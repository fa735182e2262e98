using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Features.Exports;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Accountability;

/// <summary>重整改、轻追责: verified problems older than a set number of days with no accountability case, for 督查 and 纪检.</summary>
[Authorize(Policy = Policies.Inspect)]
public sealed class GapsModel(AccountabilityGaps gaps, Cases.DispatchChoices choices) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public int? Days { get; set; }
    [BindProperty(SupportsGet = true)] public string? UnitId { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AccountabilityGap> All { get; private set; } = [];
    public Page<AccountabilityGap> Result { get; private set; } = new([], 0, 1, PageSize);
    public int EffectiveDays { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyList<Cases.DispatchChoices.Choice> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        EffectiveDays = Days ?? gaps.DefaultDays;
        Units = await choices.AllAsync(ct);
        try
        {
            All = await gaps.ListAsync(Days, UnitId, ct);
        }
        catch (RuleException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        var (page, size) = Paging.Check(PageNumber, PageSize);
        Result = new Page<AccountabilityGap>(All.Skip((page - 1) * size).Take(size).ToList(), All.Count, page, size);
    }

    public string ExportLink => ExportLinks.Xlsx("/api/v1/exports/accountability-gaps.xlsx",
        ("days", Days?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("unitId", UnitId));

    public string PageLink(int page) => Url.Page("Gaps", new { Days, UnitId, p = page })!;
}
