using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Cases;

/// <summary>回访任务: the hotline's call-back list; each row opens the case, whose 回访 form records the call.</summary>
[Authorize(Policy = Policies.Intake)]
public sealed class ReturnVisitsModel(CaseSearch search) : PageModel
{
    public IReadOnlyList<Case> Items { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var tasks = search.ReturnVisitTasks();
        Total = await tasks.CountAsync(ct);
        Items = await tasks.OrderBy(c => c.RatedAt ?? c.FeedbackDueAt).Take(200).ToListAsync(ct);
    }

    public static string Why(Case c) => c.RatedAt is not null && c.RatingLevel <= 2 ? $"差评（{Case.RatingLabel(c.RatingLevel)}）" : "评价期满未评价";
}
