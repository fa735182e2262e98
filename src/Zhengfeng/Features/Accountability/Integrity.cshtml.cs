using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Accountability;

/// <summary>廉政档案 of one cadre: sanctions with their periods, accountability cases in every role, exemptions and clues.</summary>
[Authorize(Policy = Policies.ReadIntegrity)]
public sealed class IntegrityModel(IntegrityFile file, CurrentUser me) : WorkflowPage
{
    public IntegrityFileView Record { get; private set; } = null!;

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        Record = await file.ForAsync(id, ct);
        await me.EnsureCanSeeUnitAsync(Record.UnitId, ct);
    }
}
