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

    [BindProperty] public CreateCaseRequest? Input { get; set; }
    public List<Category> Categories { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Categories = await CasePages.CategoriesAsync(db, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid && Input is not null)
        {
            try
            {
                var c = await flow.CreateAsync(Input, ct);
                TempData["Done"] = $"已受理，查询码 {c.TrackingCode}";
                return Redirect($"/cases/{c.Id}");
            }
            catch (RuleException e)
            {
                Error = e.Message;
            }
        }
        else
        {
            Error = CasePages.Errors(ModelState);
        }
        Categories = await CasePages.CategoriesAsync(db, ct);
        return Page();
    }
}
