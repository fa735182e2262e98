using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Accounts;

/// <summary>Accounts: list and search, create, enable or disable, reset a password.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AccountsModel(AccountService accounts, OrgService org, CurrentUser me) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    /// <summary>The create form's values; bound only by the create handler, so the row actions do not validate it.</summary>
    public CreateUserRequest? Input { get; private set; }

    public Page<UserAccount> Result { get; private set; } = new([], 0, 1, PageSize);
    public UnitOutline Outline { get; private set; } = UnitOutline.Of([]);
    public string MyId => me.Id;
    public int PageCount => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CreateUserRequest? input, CancellationToken ct)
    {
        Input = input;
        return await RunAsync(async () =>
        {
            var user = await accounts.CreateAsync(input!, ct);
            return $"已创建账号“{user.Username}”（{user.DisplayName}）";
        }, ct, validate: input is not null);
    }

    public Task<IActionResult> OnPostDisableAsync(string id, CancellationToken ct) => RunAsync(async () =>
    {
        if (id == me.Id)
        {
            throw new RuleException("user.disable_self", "不能停用自己正在使用的账号", 409);
        }
        var user = await accounts.SetActiveAsync(id, false, ct);
        return $"已停用账号“{user.Username}”";
    }, ct);

    public Task<IActionResult> OnPostEnableAsync(string id, CancellationToken ct) => RunAsync(async () =>
    {
        var user = await accounts.SetActiveAsync(id, true, ct);
        return $"已启用账号“{user.Username}”";
    }, ct);

    public Task<IActionResult> OnPostPasswordAsync(string id, string? password, CancellationToken ct) => RunAsync(async () =>
    {
        await accounts.ResetPasswordAsync(id, password ?? "", ct);
        return "已重置密码，请将新密码告知本人";
    }, ct);

    public object PageRoute(int page) => new { q = Q, p = page };

    /// <summary>Runs one action: on success back to the list with a notice, on a refused rule the page with the reason.</summary>
    private async Task<IActionResult> RunAsync(Func<Task<string>> action, CancellationToken ct, bool validate = true)
    {
        if (validate && ModelState.IsValid)
        {
            try
            {
                TempData["Notice"] = await action();
                return RedirectToPage(PageRoute(PageNumber));
            }
            catch (RuleException e)
            {
                ModelState.AddModelError("", e.Message);
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Outline = UnitOutline.Of(await org.ListUnitsAsync(null, ct));
        Result = await accounts.SearchAsync(Q?.Trim(), PageNumber, PageSize, ct);
    }
}
