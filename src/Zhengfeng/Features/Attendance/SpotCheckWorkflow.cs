using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Attachments;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Attendance;

public sealed record SpotCheckCadre
{
    [Required(ErrorMessage = "请选择干部")]
    public required string CadreId { get; init; }

    public bool Present { get; init; }

    [StringLength(200, ErrorMessage = "不在岗原因不能超过200字")]
    public string? Reason { get; init; }
}

public sealed record RecordSpotCheckRequest
{
    [Required(ErrorMessage = "请选择被查单位")]
    public required string UnitId { get; init; }

    /// <summary>When the check took place; now when left out.</summary>
    public DateTimeOffset? At { get; init; }

    [Required(ErrorMessage = "请填写在岗情况")]
    public required IReadOnlyList<SpotCheckCadre> Cadres { get; init; }

    [StringLength(1000, ErrorMessage = "查岗情况说明不能超过1000字")]
    public string? Note { get; init; }
}

/// <summary>
/// 查岗: a supervisor records who was at their post at a unit, with the reason given for each absence and photos. An absence
/// without approved leave counts as 旷工 for that day; the unit sees the checks of its own people.
/// </summary>
public sealed class SpotCheckWorkflow(AppDb db, TimeProvider clock, CurrentUser user, AttachmentStore store, AbsenceClues clues)
{
    public const string PhotoOwner = "spot-check";

    public async Task<SpotCheck> RecordAsync(RecordSpotCheckRequest r, IReadOnlyList<(string Name, Stream Content)> photos, CancellationToken ct)
    {
        if (!user.IsIn(Roles.Supervisor, Roles.Admin))
        {
            throw new ForbiddenException("查岗由督查人员登记");
        }
        if (!await db.Units.AnyAsync(u => u.Id == r.UnitId, ct))
        {
            throw new RuleException("spotcheck.unknown_unit", "被查单位不存在", 400);
        }
        var now = clock.GetUtcNow();
        var at = r.At ?? now;
        if (at > now.AddMinutes(5) || at < now.AddDays(-31))
        {
            throw new RuleException("spotcheck.bad_time", "查岗时间不能晚于现在，也不能早于一个月前", 400);
        }
        if (r.Cadres.Count == 0)
        {
            throw new RuleException("spotcheck.no_cadres", "请至少填写一名干部的在岗情况", 400);
        }
        var ids = r.Cadres.Select(c => c.CadreId).ToList();
        if (ids.Distinct().Count() != ids.Count)
        {
            throw new RuleException("spotcheck.duplicate_cadre", "同一干部只能填写一次", 400);
        }
        var cadres = await db.Cadres.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        if (ids.Any(id => !cadres.TryGetValue(id, out var c) || c.UnitId != r.UnitId))
        {
            throw new RuleException("spotcheck.not_in_unit", "所填干部不属于被查单位", 400);
        }
        if (r.Cadres.FirstOrDefault(c => !c.Present && string.IsNullOrWhiteSpace(c.Reason)) is { } silent)
        {
            throw new RuleException("spotcheck.reason_required", $"请填写{cadres[silent.CadreId].Name}不在岗的原因（如“未请假外出”“病假”）", 400);
        }
        var day = at.CstDate();
        var check = new SpotCheck
        {
            Id = Ids.New(), UnitId = r.UnitId, At = at, Day = day, Note = r.Note.TrimToNull(), CheckedBy = user.Id,
            RecordedAt = now,
        };
        db.Add(check);
        db.AddRange(r.Cadres.Select(c => new SpotCheckEntry
        {
            Id = Ids.New(), SpotCheckId = check.Id, CadreId = c.CadreId, Day = day, Present = c.Present, Reason = c.Present ? null : c.Reason!.Trim(),
        }));
        var staged = new List<Attachments.Attachment>();
        try
        {
            foreach (var (name, content) in photos)
            {
                staged.Add(await store.StageAsync(PhotoOwner, check.Id, name, content, user.Id, ct));
            }
            db.PendingAction = "spotcheck.record";
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            store.Discard(staged);
            throw;
        }
        await clues.RaiseAsync([r.UnitId], day, day, ct);
        return check;
    }

    public async Task<Attachments.Attachment> AddPhotoAsync(string id, string name, Stream content, CancellationToken ct)
    {
        var check = await LoadAsync(id, ct);
        if (!user.IsIn(Roles.Supervisor, Roles.Admin))
        {
            throw new ForbiddenException("查岗照片由督查人员上传");
        }
        return await store.SaveAsync(PhotoOwner, check.Id, name, content, user.Id, ct);
    }

    public async Task<SpotCheck> LoadAsync(string id, CancellationToken ct)
    {
        var check = await db.Set<SpotCheck>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("查岗记录");
        if (!await user.CanSeeUnitAsync(check.UnitId, ct))
        {
            throw new NotFoundException("查岗记录");
        }
        return check;
    }

    public Task<List<SpotCheckEntry>> EntriesAsync(string id, CancellationToken ct)
        => db.Set<SpotCheckEntry>().AsNoTracking().Where(e => e.SpotCheckId == id).ToListAsync(ct);

    public async Task<IQueryable<SpotCheck>> QueryAsync(string? unitId, string? month, CancellationToken ct)
    {
        var q = db.Set<SpotCheck>().AsNoTracking();
        if (await user.VisibleUnitsAsync(ct) is { } visible)
        {
            q = q.Where(s => visible.Contains(s.UnitId));
        }
        if (!string.IsNullOrWhiteSpace(unitId))
        {
            q = q.Where(s => s.UnitId == unitId);
        }
        if (!string.IsNullOrWhiteSpace(month))
        {
            var (first, last) = AttendanceFigures.Span(month);
            q = q.Where(s => s.Day >= first && s.Day <= last);
        }
        return q;
    }

    /// <summary>Whether each absent cadre had approved leave that day (then the absence is excused).</summary>
    public async Task<HashSet<string>> ExcusedAsync(SpotCheck check, IEnumerable<SpotCheckEntry> entries, CancellationToken ct)
    {
        var ids = entries.Where(e => !e.Present).Select(e => e.CadreId).ToList();
        var leaves = await db.Set<LeaveRequest>().AsNoTracking()
            .Where(l => ids.Contains(l.CadreId) && (l.Status == LeaveStatus.Approved || l.Status == LeaveStatus.Returned) && l.From <= check.Day && l.To >= check.Day)
            .ToListAsync(ct);
        return leaves.Where(l => l.Covers(check.Day)).Select(l => l.CadreId).ToHashSet();
    }
}
