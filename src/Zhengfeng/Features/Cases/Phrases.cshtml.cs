using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Cases;

/// <summary>本单位常用语: the phrases the unit's replies repeat, kept by the unit's staff.</summary>
[Authorize(Policy = Policies.UnitWork)]
public sealed class PhrasesModel(UnitPhrases phrases, CurrentUser me) : WorkflowPage
{
    public IReadOnlyList<UnitPhrase> Items { get; private set; } = [];
    [TempData] public string? Done { get; set; }
    /// <summary>The phrase typed into a refused add, shown again.</summary>
    public string? TypedText => Argument<string>("text");

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(string? text, CancellationToken ct)
    {
        await phrases.AddAsync(text, ct);
        Done = "已新增常用语";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id, CancellationToken ct)
    {
        await phrases.DeleteAsync(id, ct);
        Done = "已删除常用语";
        return RedirectToPage();
    }

    protected internal override async Task LoadAsync(CancellationToken ct) => Items = await phrases.ListAsync(me.UnitId, ct);
}
