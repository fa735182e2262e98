using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Assists;

/// <summary>
/// 协办任务详情: the duty, the case or assignment it belongs to (title, lead unit, deadline), and for staff of the assist unit
/// the input and refusal forms; everyone else who may see it reads the answer.
/// </summary>
public sealed class DetailModel(AssistWorkflow flow) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";

    public AssistView Duty { get; private set; } = null!;
    public AssistOwnerInfo Owner { get; private set; } = null!;
    public string OwnerLeadName { get; private set; } = "";
    public bool CanAnswer { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    [Duty(Policies.UnitWork)]
    public async Task<IActionResult> OnPostInputAsync(AssistInputRequest input, CancellationToken ct)
    {
        await flow.GiveAsync(Id, input, ct);
        return Done("已提交协办意见，主办（牵头）单位已收到");
    }

    [Duty(Policies.UnitWork)]
    public async Task<IActionResult> OnPostRefuseAsync(AssistRefusalRequest refusal, CancellationToken ct)
    {
        await flow.RefuseAsync(Id, refusal, ct);
        return Done("已拒绝协办，理由已告知主办（牵头）单位");
    }

    private RedirectToPageResult Done(string notice)
    {
        TempData["Notice"] = notice;
        return RedirectToPage(new { Id });
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        var d = await flow.LoadAsync(Id, ct);
        Duty = await flow.ViewAsync(d, ct);
        Owner = Duty.Owner!;
        OwnerLeadName = Owner.LeadUnitId is null ? "" : Owner.LeadUnitId == Duty.LeadUnitId ? Duty.LeadUnitName : await flow.UnitNameAsync(Owner.LeadUnitId, ct);
        CanAnswer = d.Status == AssistStatus.Pending && await flow.IsAssistStaffAsync(d, ct);
    }
}
