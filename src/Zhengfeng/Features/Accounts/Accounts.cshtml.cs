using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Features.Exports;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Accounts;

/// <summary>Accounts: list and search, create, enable or disable, reset a password.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AccountsModel(AccountService accounts, OrgService org, CurrentUser me) : WorkflowPage
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    /// <summary>The create form's values; bound only by the create handler, so the row actions do not validate it.</summary>
    public CreateUserRequest? Input => Argument<CreateUserRequest>("input");

    public Page<UserAccount> Result { get; private set; } = new([], 0, 1, PageSize);
    public UnitOutline Outline { get; private set; } = UnitOutline.Of([]);
    public string MyId => me.Id;
    public int PageCount => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    public string ExportLink => ExportLinks.Xlsx("/api/v1/exports/accounts.xlsx", ("q", Q));

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CreateUserRequest input, CancellationToken ct)
    {
        var user = await accounts.CreateAsync(input, ct);
        return Done($"已创建账号“{user.Username}”（{user.DisplayName}）");
    }

    public async Task<IActionResult> OnPostDisableAsync(string id, CancellationToken ct)
    {
        if (id == me.Id)
        {
            throw new RuleException("user.disable_self", "不能停用自己正在使用的账号", 409);
        }
        var user = await accounts.SetActiveAsync(id, false, me.Id, ct);
        return Done($"已停用账号“{user.Username}”");
    }

    public async Task<IActionResult> OnPostEnableAsync(string id, CancellationToken ct)
    {
        var user = await accounts.SetActiveAsync(id, true, me.Id, ct);
        return Done($"已启用账号“{user.Username}”");
    }

    public async Task<IActionResult> OnPostPasswordAsync(string id, string? password, CancellationToken ct)
    {
        await accounts.ResetPasswordAsync(id, password ?? "", me.Id, ct);
        return Done("已重置密码，该账号所有设备上的登录均已结束，请将新密码告知本人");
    }

    public async Task<IActionResult> OnPostRolesAsync(string id, string[]? roles, CancellationToken ct)
    {
        var user = await accounts.SetRolesAsync(id, roles ?? [], me.Id, ct);
        return Done($"已修改账号“{user.Username}”的角色，该账号需重新登录");
    }

    public async Task<IActionResult> OnPostUnitHeadAsync(string id, bool head, CancellationToken ct)
    {
        var user = await accounts.SetUnitHeadAsync(id, head, ct);
        return Done(head ? $"已将“{user.DisplayName}”设为单位负责人，可指定承办人并管理本单位承办人账号" : $"已取消“{user.DisplayName}”的单位负责人");
    }

    public object PageRoute(int page) => new { q = Q, p = page };

    /// <summary>Back to the list, on the same page, with the notice.</summary>
    private RedirectToPageResult Done(string notice)
    {
        TempData["Notice"] = notice;
        return RedirectToPage(PageRoute(PageNumber));
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Outline = UnitOutline.Of(await org.ListUnitsAsync(null, ct));
        Result = await accounts.SearchAsync(Q?.Trim(), PageNumber, PageSize, ct);
    }
}
