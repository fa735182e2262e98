using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Cases;

/// <summary>受理登记: an operator registers a call, letter or visit.</summary>
[Authorize(Policy = Policies.Intake)]
public sealed class NewModel(CaseWorkflow flow, AppDb db, CurrentUser me) : WorkflowPage
{
    /// <summary>The channels an operator registers by hand (web and interface channels arrive on their own).</summary>
    public static readonly IReadOnlyList<string> OperatorChannels = ["hotline", "letter", "visit", "mailbox", "wechat", "inspection"];

    [BindProperty] public CaseForm Input { get; set; } = new();
    public List<Category> Categories { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = Input.ToRequest();
        if (CasePages.Invalid(request, request.Reporter) is { } invalid)
        {
            ModelState.AddModelError("", invalid);
            return await ShowAgainAsync(ct);
        }
        var c = await flow.CreateAsync(request, ct);
        TempData["Done"] = $"已受理，查询码 {c.TrackingCode}";
        return RedirectToPage("Detail", new { id = c.Id });
    }

    protected internal override async Task LoadAsync(CancellationToken ct) => Categories = await CasePages.CategoriesAsync(db, await me.AreaIdAsync(ct), ct);
}
