using Microsoft.EntityFrameworkCore;
using Zhengfeng.Features.Attachments;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Rectification;

/// <summary>One page of the ledger and its filters.</summary>
public sealed record LedgerFilter(RectificationStatus? Status, string? UnitId, bool Overdue, bool Relapsed);

/// <summary>
/// Evidence (整改佐证材料) and reading the ledger. Evidence is an attachment owned by the item ("rectification") or by one
/// progress report ("progress"); either is served only to people who may see the item.
/// </summary>
public sealed partial class RectificationWorkflow
{
    public const string EvidenceOfItem = "rectification";
    public const string EvidenceOfProgress = "progress";

    /// <summary>Evidence uploaded on its own, while the unit is still working on the item.</summary>
    public async Task<Attachment> AddEvidenceAsync(string id, IFormFile file, CancellationToken ct)
    {
        var item = await LoadAsync(id, ct);
        await EnsureResponsibleAsync(item, "只有责任单位的人员可以上传整改佐证材料", ct);
        EnsureStillWorking(item);
        await using var stream = file.OpenReadStream();
        var staged = await files.StageAsync(EvidenceOfItem, id, file.FileName, stream, user.Id, ct);
        await SaveWithEvidenceAsync(null, id, [], "rectification.evidence", ct, staged);
        return staged;
    }

    /// <summary>All evidence of an item: its own files and those of every progress report, oldest first.</summary>
    public async Task<List<Attachment>> EvidenceAsync(string id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var reports = await db.Set<ProgressReport>().AsNoTracking().Where(p => p.RectificationId == id).Select(p => p.Id).ToListAsync(ct);
        var all = await files.ListAsync(EvidenceOfItem, id, ct);
        all.AddRange(await files.ListAsync(EvidenceOfProgress, reports, ct));
        return all.OrderBy(a => a.UploadedAt).ToList();
    }

    public async Task<List<ProgressReport>> ProgressAsync(string id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return await db.Set<ProgressReport>().AsNoTracking().Where(p => p.RectificationId == id).OrderBy(p => p.At).ToListAsync(ct);
    }

    /// <summary>Who may read a progress report's evidence: whoever may see its item.</summary>
    public async Task EnsureCanSeeProgressAsync(string reportId, CancellationToken ct)
    {
        var itemId = await db.Set<ProgressReport>().AsNoTracking().Where(p => p.Id == reportId).Select(p => p.RectificationId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("整改进展");
        await LoadAsync(itemId, ct);
    }

    public async Task<Page<RectificationItem>> SearchAsync(LedgerFilter f, int page, int pageSize, CancellationToken ct)
    {
        (page, pageSize) = Paging.Check(page, pageSize);
        var q = await QueryAsync(f, ct);
        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(i => i.DueDate).ThenBy(i => i.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<RectificationItem>(items, total, page, pageSize);
    }

    /// <summary>The ledger lines the filter selects within the user's unit scope, unordered.</summary>
    public async Task<IQueryable<RectificationItem>> QueryAsync(LedgerFilter f, CancellationToken ct)
    {
        var today = Now.CstDate();
        var q = db.Set<RectificationItem>().AsNoTracking();
        var visible = await user.VisibleUnitsAsync(ct);
        if (visible is not null)
        {
            var ids = visible.ToList();
            q = q.Where(i => ids.Contains(i.UnitId));
        }
        if (f.Status is { } s)
        {
            q = q.Where(i => i.Status == s);
        }
        if (!string.IsNullOrWhiteSpace(f.UnitId))
        {
            q = q.Where(i => i.UnitId == f.UnitId);
        }
        if (f.Overdue)
        {
            q = q.Where(i => (i.Status == RectificationStatus.Open || i.Status == RectificationStatus.Reported) && i.DueDate < today);
        }
        if (f.Relapsed)
        {
            q = q.Where(i => i.RelapseCount > 0);
        }
        return q;
    }

    /// <summary>Unit staff of the responsible unit: they report progress and upload evidence.</summary>
    public async Task<bool> IsResponsibleAsync(RectificationItem item, CancellationToken ct)
        => user.IsIn(Roles.Unit) && await InUnitAsync(item, ct);

    /// <summary>A supervisor outside the responsible unit: they verify, sign off and do the 回头看.</summary>
    public async Task<bool> IsOutsideSupervisorAsync(RectificationItem item, CancellationToken ct)
        => user.IsIn(Roles.Supervisor, Roles.Admin) && !await InUnitAsync(item, ct);

    private static void EnsureStillWorking(RectificationItem item)
    {
        if (item.Status is not (RectificationStatus.Open or RectificationStatus.Reported))
        {
            throw new RuleException("rectification.evidence_closed", $"当前状态为“{RectificationItem.Label(item.Status)}”，不能再上传佐证材料", 409);
        }
    }

    /// <summary>Stages the evidence files and saves them with the pending change in one SaveChanges (one audit entry set).</summary>
    private async Task SaveWithEvidenceAsync(string? ownerType, string ownerId, IReadOnlyList<IFormFile> evidence, string action, CancellationToken ct, params Attachment[] alreadyStaged)
    {
        if (evidence.Count > AttachmentStore.MaxPerOwner)
        {
            files.Discard(alreadyStaged);
            throw new RuleException("attachment.too_many", $"一次最多上传{AttachmentStore.MaxPerOwner}个文件", 422);
        }
        var staged = new List<Attachment>(alreadyStaged);
        try
        {
            foreach (var file in evidence.Where(f => f.Length > 0))
            {
                await using var stream = file.OpenReadStream();
                staged.Add(await files.StageAsync(ownerType!, ownerId, file.FileName, stream, user.Id, ct));
            }
            db.PendingAction = action;
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            files.Discard(staged);
            throw;
        }
    }
}
