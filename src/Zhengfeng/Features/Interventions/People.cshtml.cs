using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Interventions;

/// <summary>纪检: who intervened how often and with how many different people, in a date range.</summary>
[Authorize(Policy = Policies.Interventions)]
public sealed class PeopleModel(InterventionWorkflow flow) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public IReadOnlyList<IntervenerCount> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await flow.PeopleAsync(From, To, ct);
}
