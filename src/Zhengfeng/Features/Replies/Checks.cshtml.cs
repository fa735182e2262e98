using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Exports;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Replies;

/// <summary>答复质量提示: the replies the check flagged when they were given, by flag, unit and date, for supervision and leaders.</summary>
[Authorize(Policy = Policies.ReplyChecks)]
public sealed class ChecksModel(ReplyChecker checker, AppDb db) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Page<ReplyFlagView> Result { get; private set; } = new([], 0, 1, PageSize);
    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Units = await db.Units.AsNoTracking().Where(Unit.TakesWork).OrderBy(u => u.SortOrder).ThenBy(u => u.Code).ToListAsync(ct);
        Result = await checker.SearchAsync(ReplyFlagFilter.Parse(Code, UnitId, From, To), PageNumber, PageSize, ct);
    }

    public string ExportLink => ExportLinks.Xlsx("/api/v1/exports/reply-checks.xlsx", ("code", Code), ("unitId", UnitId), ("from", From), ("to", To));

    public string PageLink(int page) => Url.Page("Checks", new { Code, UnitId, From, To, p = page })!;
}
