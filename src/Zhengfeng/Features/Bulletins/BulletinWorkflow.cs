using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Campaigns;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Rankings;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Bulletins;

public sealed record ComposeBulletinRequest
{
    [Required(ErrorMessage = "请选择通报类型（praise 通报表扬、criticism 通报批评）")]
    public required BulletinKind? Kind { get; init; }

    [Required(ErrorMessage = "请填写通报标题")]
    [StringLength(200, MinimumLength = 2, ErrorMessage = "标题应为2至200字")]
    public required string Title { get; init; }

    [Required(ErrorMessage = "请填写主送机关")]
    [StringLength(500, ErrorMessage = "主送机关不能超过500字")]
    public required string Recipients { get; init; }

    public IReadOnlyList<string>? ClueIds { get; init; }

    public IReadOnlyList<string>? CaseIds { get; init; }

    [RegularExpression(@"^\d{4}-\d{2}$", ErrorMessage = "排名月份应为 yyyy-MM 格式，如 2026-11")]
    public string? RankingPeriod { get; init; }

    [StringLength(20000, ErrorMessage = "正文不能超过20000字")]
    public string? Body { get; init; }

    [StringLength(500, ErrorMessage = "抄送机关不能超过500字")]
    public string? CopyTo { get; init; }

    /// <summary>The running 专项整治 the bulletin belongs to, if any.</summary>
    public string? CampaignId { get; init; }
}

/// <summary>Composing, issuing and reading bulletins. Drafts are the supervision office's own; issued ones are read by all staff.</summary>
public sealed class BulletinWorkflow(AppDb db, TimeProvider clock, CurrentUser user, BulletinComposer composer, LetterheadSettings letterhead)
{
    private const int MaxSources = 200;

    public async Task<Bulletin> ComposeAsync(ComposeBulletinRequest r, CancellationToken ct)
    {
        var kind = r.Kind!.Value;
        var clueIds = (r.ClueIds ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Distinct().ToList();
        var caseIds = (r.CaseIds ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Distinct().ToList();
        var period = r.RankingPeriod.TrimToNull();
        if (clueIds.Count + caseIds.Count > MaxSources)
        {
            throw new RuleException("bulletin.too_many_sources", $"一份通报最多引用{MaxSources}条线索和工单", 422);
        }
        if (period is not null)
        {
            RankingService.Month(period);
        }
        var campaignId = await CampaignWorkflow.JoinableAsync(db, r.CampaignId, ct);
        var clues = await LoadCluesAsync(clueIds, ct);
        var cases = await LoadCasesAsync(caseIds, ct);
        var body = r.Body.TrimToNull();
        if (body is null && clues.Count == 0 && cases.Count == 0 && period is null)
        {
            throw new RuleException("bulletin.empty", "请选择要通报的线索、工单或排名月份，或直接填写正文", 422);
        }
        body ??= await composer.ComposeAsync(kind, clues, cases, period, ct);
        var o = await letterhead.GetAsync(ct);
        var bulletin = new Bulletin
        {
            Id = Ids.New(), Kind = kind, OrganName = o.OrganName, Prefix = o.Prefix, PrintedBy = o.PrintedBy,
            Title = r.Title.Trim(), Recipients = r.Recipients.Trim(), Body = body, CopyTo = r.CopyTo.TrimToNull(),
            ClueIds = string.Join(",", clues.Select(c => c.Id)), CaseIds = string.Join(",", cases.Select(c => c.Id)), RankingPeriod = period,
            CreatedBy = user.Id, CreatedAt = clock.GetUtcNow(),
        };
        bulletin.JoinCampaign(campaignId);
        db.Add(bulletin);
        db.PendingAction = "bulletin.compose";
        await db.SaveChangesAsync(ct);
        return bulletin;
    }

    /// <summary>印发: the next serial number of the prefix in the issue year. A lost race on the unique index retries.</summary>
    public async Task<Bulletin> IssueAsync(string id, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var bulletin = await db.Set<Bulletin>().FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw new NotFoundException("通报");
            var now = clock.GetUtcNow();
            var today = now.CstDate();
            var last = await db.Set<Bulletin>().Where(b => b.Prefix == bulletin.Prefix && b.Year == today.Year).MaxAsync(b => b.Serial, ct);
            bulletin.Issue((last ?? 0) + 1, today, user.Id, now);
            db.PendingAction = "bulletin.issue";
            try
            {
                await db.SaveChangesAsync(ct);
                return bulletin;
            }
            catch (Exception e) when (attempt < 5 && SaveConflict.Is(e))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<Bulletin> GetAsync(string id, CancellationToken ct)
    {
        var bulletin = await db.Set<Bulletin>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw new NotFoundException("通报");
        if (bulletin.Status == BulletinStatus.Draft && !CanCompose)
        {
            throw new NotFoundException("通报");
        }
        return bulletin;
    }

    public async Task<IReadOnlyList<Bulletin>> ListAsync(int take, CancellationToken ct)
    {
        var q = db.Set<Bulletin>().AsNoTracking();
        if (!CanCompose)
        {
            q = q.Where(b => b.Status == BulletinStatus.Issued);
        }
        return await q.OrderByDescending(b => b.CreatedAt).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
    }

    public bool CanCompose => user.IsIn(Roles.Supervisor, Roles.Admin);

    private async Task<List<Clue>> LoadCluesAsync(List<string> ids, CancellationToken ct)
    {
        var found = await db.Set<Clue>().AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var clues = new List<Clue>();
        foreach (var id in ids)
        {
            var clue = found.GetValueOrDefault(id) ?? throw new RuleException("bulletin.unknown_clue", $"线索 {id} 不存在", 422);
            if (clue.Status != ClueStatus.Verified)
            {
                throw new RuleException("bulletin.unverified_clue", $"线索“{Short(clue.Content)}”{Clue.Label(clue.Status)}，只能通报核查属实的问题", 422);
            }
            clues.Add(clue);
        }
        return clues;
    }

    private async Task<List<Case>> LoadCasesAsync(List<string> ids, CancellationToken ct)
    {
        var found = await db.Set<Case>().AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return ids.Select(id => found.GetValueOrDefault(id) ?? throw new RuleException("bulletin.unknown_case", $"工单 {id} 不存在", 422)).ToList();
    }

    private static string Short(string s) => s.Length > 20 ? s[..20] + "…" : s;
}
