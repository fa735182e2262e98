using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.TypicalCases;

/// <summary>典型案例公开栏: published cases for everyone, no login; only the text frozen at publication, never a person's identity.</summary>
[AllowAnonymous]
public sealed class PublicModel(TypicalCaseWorkflow flow, AppDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }

    public List<PublicTypicalCaseView> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var kind = WireEnum.ParseOptional<TypicalCaseKind>(Kind, "kind");
        var names = await TypicalCasePages.UnitNamesAsync(db, ct);
        Items = (await flow.PublishedAsync(kind, ct)).Select(t => PublicTypicalCaseView.From(t, names)).ToList();
    }
}
