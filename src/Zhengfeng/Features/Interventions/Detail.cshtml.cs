using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Interventions;

/// <summary>One 说情、打招呼 record, for the person who recorded it and for 纪检.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DetailModel(InterventionWorkflow flow) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";

    public InterventionView Item { get; private set; } = null!;
    public bool SeesAll => flow.SeesAll;

    public async Task OnGetAsync(CancellationToken ct) => Item = (await flow.ViewsAsync([await flow.LoadAsync(Id, ct)], ct))[0];
}
