using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Cases;

/// <summary>受理登记: an operator registers a call, letter or visit.</summary>
[Authorize(Policy = Policies.Intake)]
public sealed class NewModel(CaseWorkflow flow, AppDb db) : PageModel
{
    /// <summary>The channels an operator registers by hand (web and interface channels arrive on their own).</summary>
    public static readonly IReadOnlyList<string> OperatorChannels = ["hotline", "letter", "visit", "mailbox", "wechat", "inspection"];

    [BindProperty] public CaseForm Input { get; set; } = new();
    public List<Category> Categories { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Categories = await CasePages.CategoriesAsync(db, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = Input.ToRequest();
        Error = ModelState.IsValid ? CasePages.Invalid(request, request.Reporter) : CasePages.Errors(ModelState);
        if (Error is null)
        {
            try
            {
                var c = await flow.CreateAsync(request, ct);
                TempData["Done"] = $"已受理，查询码 {c.TrackingCode}";
                return Redirect($"/cases/{c.Id}");
            }
            catch (RuleException e)
            {
                Error = e.Message;
            }
        }
        Categories = await CasePages.CategoriesAsync(db, ct);
        return Page();
    }
}
