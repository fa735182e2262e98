using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Features.Cases;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Inspections;

/// <summary>制定暗访计划: title, purpose, dates, the units, what to check and who visits; saved as a draft to issue later.</summary>
[Authorize(Policy = Policies.PlanInspections)]
public sealed class NewModel(InspectionWorkflow flow, DispatchChoices choices, TimeProvider clock) : WorkflowPage
{
    public const string DefaultChecklist = "在岗在位\n工作纪律\n服务态度\n一次性告知\n首问负责";

    public sealed record Candidate(string Id, string Name, string Roles);

    public List<DispatchChoices.Choice> Units { get; private set; } = [];
    public List<Candidate> Visitors { get; private set; } = [];
    public PlanRequest? Posted => Argument<PlanRequest>("plan");
    public DateOnly Today { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(PlanRequest plan, CancellationToken ct)
    {
        var made = await flow.CreateAsync(plan, ct);
        TempData["Notice"] = "暗访计划已保存为草稿，核对无误后请下发";
        return RedirectToPage("Detail", new { id = made.Id });
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().ToCst().DateTime);
        Units = await choices.AllAsync(ct);
        Visitors = (await flow.Candidates().OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, u.Roles }).ToListAsync(ct))
            .Select(u => new Candidate(u.Id, u.DisplayName, string.Join("、", u.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Roles.Label)))).ToList();
    }
}
