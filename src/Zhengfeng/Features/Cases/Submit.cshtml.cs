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
    [BindProperty] public CaseForm Input { get; set; } = new();
    public List<Category> Categories { get; private set; } = [];
    public string? Error { get; private set; }
    public string? TrackingCode { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Categories = await CasePages.CategoriesAsync(db, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Categories = await CasePages.CategoriesAsync(db, ct);
        var request = Input.ToRequest();
        Error = ModelState.IsValid ? CasePages.Invalid(request, request.Reporter) : CasePages.Errors(ModelState);
        if (Error is not null)
        {
            return Page();
        }
        try
        {
            var c = await flow.CreateAsync(request, ct, channel: "web");
            TrackingCode = c.TrackingCode;
        }
        catch (RuleException e)
        {
            Error = e.Message;
        }
        return Page();
    }
}
