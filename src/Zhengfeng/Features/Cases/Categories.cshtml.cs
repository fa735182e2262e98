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
public sealed class CategoriesModel(AppDb db, CategoryService categories) : PageModel
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
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Categories = await ListAsync(ct);

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) => SaveAsync(r => categories.CreateAsync(r, ct), "已新增分类", ct);

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => SaveAsync(r => categories.UpdateAsync(r.Code, r, ct), "已保存", ct);

    private async Task<IActionResult> SaveAsync(Func<CategoryRequest, Task<Category>> save, string done, CancellationToken ct)
    {
        var request = Input.ToRequest();
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(request, new ValidationContext(request), errors, validateAllProperties: true))
        {
            Error = string.Join("；", errors.Select(e => e.ErrorMessage));
        }
        else
        {
            try
            {
                await save(request);
                TempData["Notice"] = done;
                return RedirectToPage();
            }
            catch (RuleException e)
            {
                Error = e.Message;
            }
        }
        Categories = await ListAsync(ct);
        return Page();
    }

    private Task<List<Category>> ListAsync(CancellationToken ct)
        => db.Set<Category>().AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(ct);
}
