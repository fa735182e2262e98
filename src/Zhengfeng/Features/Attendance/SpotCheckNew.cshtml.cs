using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Attachments;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Attendance;

/// <summary>登记查岗 on a phone: pick the unit, tick who is at their post, give the reason for each absence, add photos.</summary>
[Authorize(Policy = Policies.Supervise)]
[RequestSizeLimit(AttachmentStore.MaxPerOwner * AttachmentStore.MaxBytes + 64 * 1024)]
public sealed class SpotCheckNewModel(SpotCheckWorkflow flow, AppDb db, DispatchChoices choices, TimeProvider clock) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string? UnitId { get; set; }
    [BindProperty] public string? At { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public List<string> Present { get; set; } = [];
    [BindProperty] public Dictionary<string, string?> Reasons { get; set; } = [];

    public List<DispatchChoices.Choice> Units { get; private set; } = [];
    public List<Cadre> Cadres { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(List<IFormFile> photos, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(UnitId))
        {
            throw new RuleException("spotcheck.unit_required", "请选择被查单位", 400);
        }
        var ids = await db.Cadres.AsNoTracking().Where(c => c.UnitId == UnitId && c.IsActive).Select(c => c.Id).ToListAsync(ct);
        var request = new RecordSpotCheckRequest
        {
            UnitId = UnitId, At = ParseAt(At), Note = Note,
            Cadres = ids.Select(id => new SpotCheckCadre { CadreId = id, Present = Present.Contains(id), Reason = Reasons.GetValueOrDefault(id) }).ToList(),
        };
        var streams = photos.Where(p => p.Length > 0).Select(p => (p.FileName, p.OpenReadStream())).ToList();
        try
        {
            var check = await flow.RecordAsync(request, streams, ct);
            TempData["Notice"] = "已登记查岗";
            return RedirectToPage("SpotCheck", new { id = check.Id });
        }
        finally
        {
            foreach (var (_, s) in streams)
            {
                await s.DisposeAsync();
            }
        }
    }

    private static DateTimeOffset? ParseAt(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (!DateTime.TryParseExact(text, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            throw new RuleException("spotcheck.bad_time", "查岗时间格式不正确", 400);
        }
        return new DateTimeOffset(local, ChinaTime.Offset);
    }

    public string Now => clock.GetUtcNow().ToCst().ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Units = await choices.AllAsync(ct);
        if (!string.IsNullOrEmpty(UnitId))
        {
            Cadres = (await db.Cadres.AsNoTracking().Where(c => c.UnitId == UnitId && c.IsActive).ToListAsync(ct)).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        }
    }
}
