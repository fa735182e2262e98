using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Exports;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Audit;

/// <summary>The audit log, newest first, with filters, the hash-chain check and the latest signed checkpoint.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(AppDb db, AuditCheckpoints checkpoints) : PageModel
{
    public const int PageSize = 50;

    public sealed record Actor(string Id, string Label);

    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? ActorId { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IReadOnlyList<string> EntityTypes { get; private set; } = [];
    public IReadOnlyList<Actor> Actors { get; private set; } = [];
    public AuditCheckpoint? Checkpoint { get; private set; }
    public AuditVerifierKey SigningKey => checkpoints.Key.Verifier;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (items, total, page, _) = await AuditApi.SearchAsync(db, new(EntityType, null, ActorId, Action?.Trim()), PageNumber, PageSize, ct);
        (Items, Total, PageNumber) = (items, total, page);
        EntityTypes = await db.AuditEntries.Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Username).Select(u => new Actor(u.Id, u.DisplayName + "（" + u.Username + "）")).ToListAsync(ct);
        Actors = [new("system", "系统"), .. users];
        Checkpoint = await checkpoints.LatestAsync(ct);
    }

    public async Task<IActionResult> OnPostCheckpointAsync(CancellationToken ct)
    {
        try
        {
            var c = await AuditApi.SignNowAsync(db, checkpoints, ct);
            TempData["Notice"] = $"已签发检查点：共 {c.Size} 条，根哈希 {c.RootHashHex}。";
        }
        catch (RuleException e)
        {
            TempData["Error"] = e.Message;
        }
        return RedirectToPage(PageRoute(PageNumber));
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        var result = await AuditVerifier.VerifyAsync(db, ct);
        if (result.Ok)
        {
            TempData["Notice"] = $"哈希链校验通过：共 {result.Entries} 条记录，未发现篡改。";
        }
        else
        {
            TempData["Error"] = $"哈希链校验未通过：{result.Reason}（此前 {result.Entries} 条校验通过）";
        }
        return RedirectToPage(new { entityType = EntityType, action = Action, actorId = ActorId, p = PageNumber });
    }

    public string ExportLink => ExportLinks.Xlsx("/api/v1/exports/audit.xlsx", ("entityType", EntityType), ("action", Action), ("actorId", ActorId));

    public object PageRoute(int page) => new { entityType = EntityType, action = Action, actorId = ActorId, p = page };

    public static string EntityLabel(string type) => AuditActions.EntityLabel(type);

    public static string ActionLabel(string action) => AuditActions.Label(action);
}
