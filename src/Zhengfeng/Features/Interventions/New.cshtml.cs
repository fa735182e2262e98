using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Interventions;

/// <summary>登记说情打招呼: who, when, how, about what, what they asked and how the recipient answered.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class NewModel(InterventionWorkflow flow, TimeProvider clock) : WorkflowPage
{
    public RecordInterventionRequest? Posted => Argument<RecordInterventionRequest>("record");

    /// <summary>The value of the time field: what was posted, or now (China time) to the minute.</summary>
    public string OccurredValue => (Posted?.OccurredAt ?? clock.GetUtcNow()).ToCst().ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(RecordInterventionRequest record, CancellationToken ct)
    {
        var item = await flow.RecordAsync(record, ct);
        TempData["Notice"] = "已登记，纪检可查阅";
        return RedirectToPage("Detail", new { id = item.Id });
    }
}
