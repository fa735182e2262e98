using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Accounts;

/// <summary>本单位承办人: the unit head gives each of the unit's people an account of their own, so the record names who signed and replied.</summary>
[Authorize(Policy = Policies.UnitWork)]
public sealed class UnitStaffModel(AccountService accounts, CurrentUser me) : WorkflowPage
{
    public IReadOnlyList<UserAccount> Staff { get; private set; } = [];
    public CreateStaffRequest? Input => Argument<CreateStaffRequest>("input");
    [TempData] public string? Done { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CreateStaffRequest input, CancellationToken ct)
    {
        var user = await accounts.CreateStaffAsync(await accounts.UnitHeadAsync(me.Id, ct), input, ct);
        Done = $"已为“{user.DisplayName}”开设承办人账号“{user.Username}”，请将初始密码告知本人，首次登录后修改";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostActiveAsync(string id, bool active, CancellationToken ct)
    {
        var user = await accounts.SetStaffActiveAsync(await accounts.UnitHeadAsync(me.Id, ct), id, active, ct);
        Done = active ? $"已启用“{user.DisplayName}”的账号" : $"已停用“{user.DisplayName}”的账号，其登录均已结束";
        return RedirectToPage();
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
        => Staff = await accounts.StaffOfAsync((await accounts.UnitHeadAsync(me.Id, ct)).UnitId, ct);
}
