using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Cases;

/// <summary>群众诉求提交: anyone may submit a request on the web and gets a tracking code (查询码).</summary>
[AllowAnonymous]
public sealed class SubmitModel(CaseWorkflow flow, AppDb db) : PageModel
{
    [BindProperty] public CreateCaseRequest? Input { get; set; }
    public List<Category> Categories { get; private set; } = [];
    public string? Error { get; private set; }
    public string? TrackingCode { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Categories = await CasePages.CategoriesAsync(db, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Categories = await CasePages.CategoriesAsync(db, ct);
        if (!ModelState.IsValid || Input is null)
        {
            Error = CasePages.Errors(ModelState);
            return Page();
        }
        try
        {
            var c = await flow.CreateAsync(Input, ct, channel: "web");
            TrackingCode = c.TrackingCode;
        }
        catch (RuleException e)
        {
            Error = e.Message;
        }
        return Page();
    }
}
