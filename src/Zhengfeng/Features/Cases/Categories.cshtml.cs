using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Cases;

/// <summary>The admin edits the category taxonomy and its time limits.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class CategoriesModel(AppDb db, CategoryService categories, Org.UnitTree tree) : WorkflowPage
{
    public sealed class CategoryForm
    {
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public int ResponseHours { get; set; } = 2;
        public int HandleWorkdays { get; set; } = 5;
        public int UrgentHandleHours { get; set; } = 24;

        public CategoryRequest ToRequest() => new() { Code = Code.Trim(), Name = Name, ResponseHours = ResponseHours, HandleWorkdays = HandleWorkdays, UrgentHandleHours = UrgentHandleHours };
    }

    [BindProperty] public CategoryForm Input { get; set; } = new();
    public List<Category> Categories { get; private set; } = [];

    /// <summary>The district whose own categories this admin keeps; null at the top, which keeps the shared ones.</summary>
    public string? OwnArea { get; private set; }
    public IReadOnlyDictionary<string, Org.UnitTree.Node> Units { get; private set; } = new Dictionary<string, Org.UnitTree.Node>();

    public bool MayEdit(Category c) => c.AreaId == OwnArea || OwnArea is null;

    public string ScopeOf(Category c) => c.AreaId is null ? "通用" : Units.GetValueOrDefault(c.AreaId)?.Name ?? c.AreaId;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) => SaveAsync(r => categories.CreateAsync(r, ct), "已新增分类", ct);

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => SaveAsync(r => categories.UpdateAsync(r.Code, r, ct), "已保存", ct);

    private async Task<IActionResult> SaveAsync(Func<CategoryRequest, Task<Category>> save, string done, CancellationToken ct)
    {
        var request = Input.ToRequest();
        if (CasePages.Invalid(request) is { } invalid)
        {
            ModelState.AddModelError("", invalid);
            return await ShowAgainAsync(ct);
        }
        await save(request);
        TempData["Notice"] = done;
        return RedirectToPage();
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        OwnArea = await categories.OwnAreaAsync(ct);
        Units = await tree.GetAsync(db, ct);
        var all = db.Set<Category>().AsNoTracking();
        Categories = await (OwnArea is null ? all : all.Where(Category.In(OwnArea))).OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(ct);
    }
}
