using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zhengfeng.Data;
using Zhengfeng.Features.Attachments;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Rectification;

/// <summary>Configurable rules of the rectification ledger (section "Rectification").</summary>
public sealed class RectificationRules
{
    /// <summary>回头看 this many days after sign-off.</summary>
    [Range(1, 730)] public int FollowUpDays { get; set; } = 90;

    /// <summary>A new verified problem of the same kind at the same unit within this many days of sign-off is a relapse.</summary>
    [Range(1, 1095)] public int RelapseWindowDays { get; set; } = 365;
}

public sealed record CreateRectificationRequest
{
    [Required(ErrorMessage = "请指定问题线索")]
    public required string ClueId { get; init; }

    [Required(ErrorMessage = "请指定责任单位")]
    public required string UnitId { get; init; }

    [Required(ErrorMessage = "请填写整改措施")]
    [StringLength(5000, MinimumLength = 2, ErrorMessage = "整改措施应为2至5000字")]
    public required string Measures { get; init; }

    [Required(ErrorMessage = "请选择整改类型（immediate 立行立改、deadline 限期整改、longterm 长期坚持）")]
    public required RectificationType? Type { get; init; }

    [Required(ErrorMessage = "请填写整改期限")]
    public required DateOnly? DueDate { get; init; }

    public string? ResponsiblePersonId { get; init; }
}

public sealed record ProgressRequest
{
    [Required(ErrorMessage = "请填写整改进展")]
    [StringLength(5000, MinimumLength = 2, ErrorMessage = "整改进展应为2至5000字")]
    public required string Content { get; init; }

    [StringLength(2000, ErrorMessage = "问题根源不能超过2000字")]
    public string? RootCause { get; init; }
}

public sealed record VerifyRectificationRequest
{
    public bool Pass { get; init; }

    [StringLength(2000, ErrorMessage = "验收意见不能超过2000字")]
    public string? Note { get; init; }
}

/// <summary>
/// The ledger's workflow. The responsible unit reports; someone outside it verifies and signs off (不完成不销号),
/// so a unit can never close its own item.
/// </summary>
public sealed partial class RectificationWorkflow(AppDb db, TimeProvider clock, CurrentUser user, UnitTree tree, AttachmentStore files, IOptions<RectificationRules> options)
{
    private DateTimeOffset Now => clock.GetUtcNow();

    public async Task<RectificationItem> CreateAsync(CreateRectificationRequest r, CancellationToken ct)
    {
        var (type, due) = (r.Type!.Value, r.DueDate!.Value);
        if (due < Now.CstDate())
        {
            throw new RuleException("rectification.past_date", "整改期限不能早于今天", 400);
        }
        var clue = await db.Set<Clue>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == r.ClueId, ct)
            ?? throw new RuleException("rectification.unknown_clue", "问题线索不存在", 400);
        if (!clue.IsTrue)
        {
            throw new RuleException("rectification.clue_not_verified", $"问题线索状态为“{Clue.Label(clue.Status)}”，核实属实后才能建立整改任务", 409);
        }
        if (!await db.Units.AnyAsync(u => u.Id == r.UnitId, ct))
        {
            throw new RuleException("rectification.unknown_unit", "责任单位不存在", 400);
        }
        await user.EnsureInAreaAsync(r.UnitId, "责任单位", ct);
        if (!string.IsNullOrEmpty(r.ResponsiblePersonId) && !await db.Cadres.AnyAsync(c => c.Id == r.ResponsiblePersonId && c.UnitId == r.UnitId, ct))
        {
            throw new RuleException("rectification.unknown_person", "责任人不存在或不在责任单位", 400);
        }
        var item = new RectificationItem
        {
            Id = Ids.New(), ClueId = clue.Id, UnitId = r.UnitId, Measures = r.Measures.Trim(), Type = type, DueDate = due,
            ResponsiblePersonId = string.IsNullOrEmpty(r.ResponsiblePersonId) ? null : r.ResponsiblePersonId, CreatedAt = Now,
        };
        item.JoinCampaign(clue.CampaignId); // the item of a campaign's clue belongs to the same campaign
        db.Add(item);
        db.PendingAction = "rectification.create";
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>整改进展, with evidence files saved in the same transaction as the report they belong to.</summary>
    public async Task<RectificationItem> ReportAsync(string id, ProgressRequest r, CancellationToken ct, IReadOnlyList<IFormFile>? evidence = null)
    {
        var item = await LoadAsync(id, ct);
        await EnsureResponsibleAsync(item, "只有责任单位的人员可以报告整改进展", ct);
        item.Report(Now, r.RootCause);
        var report = new ProgressReport { Id = Ids.New(), RectificationId = id, Content = r.Content.Trim(), RootCause = r.RootCause?.Trim(), ReportedBy = user.Id, At = Now };
        db.Add(report);
        await SaveWithEvidenceAsync(EvidenceOfProgress, report.Id, evidence ?? [], "rectification.report", ct);
        return item;
    }

    public async Task<RectificationItem> VerifyAsync(string id, VerifyRectificationRequest r, CancellationToken ct)
    {
        var item = await LoadAsync(id, ct);
        await EnsureOutsiderAsync(item, ct);
        item.Verify(r.Pass, user.Id, r.Note, Now);
        db.PendingAction = r.Pass ? "rectification.verify-pass" : "rectification.verify-fail";
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>销号. Flags what looks like rectification on paper; schedules the 回头看.</summary>
    public async Task<RectificationItem> CloseAsync(string id, CancellationToken ct)
    {
        var item = await LoadAsync(id, ct);
        await EnsureOutsiderAsync(item, ct);
        item.Close(user.Id, Now, Now.CstDate().AddDays(options.Value.FollowUpDays), PaperFlag(item, Now));
        db.PendingAction = "rectification.close";
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>回头看: an item found not to have worked is reopened.</summary>
    public async Task<RectificationItem> FollowUpAsync(string id, VerifyRectificationRequest r, CancellationToken ct)
    {
        var item = await LoadAsync(id, ct);
        await EnsureOutsiderAsync(item, ct);
        item.FollowUp(r.Pass, r.Note, Now);
        db.PendingAction = r.Pass ? "rectification.follow-up-pass" : "rectification.follow-up-reopen";
        await db.SaveChangesAsync(ct);
        return item;
    }

    // "告知当事人", "已提醒", "口头批评" as the whole root cause: the person was told, nothing was fixed.
    [GeneratedRegex("^(已)?(告知|提醒|口头|谈话提醒|批评教育|教育)(当事人|本人|相关人员)?(了)?[。.]?$")]
    private static partial Regex ToldThePerson();

    public static string? PaperFlag(RectificationItem item, DateTimeOffset closedAt)
    {
        var reasons = new List<string>();
        if (item.CreatedAt.CstDate() == closedAt.CstDate() && item.Type != RectificationType.Immediate)
        {
            reasons.Add("当天建账当天销号");
        }
        if (string.IsNullOrWhiteSpace(item.RootCause))
        {
            reasons.Add("未分析问题根源");
        }
        else if (ToldThePerson().IsMatch(item.RootCause.Trim()))
        {
            reasons.Add("根源分析仅为“告知当事人”");
        }
        return reasons.Count == 0 ? null : string.Join("；", reasons);
    }

    public async Task<RectificationItem> LoadAsync(string id, CancellationToken ct)
    {
        var item = await db.Set<RectificationItem>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("整改任务");
        if (!await user.CanSeeUnitAsync(item.UnitId, ct))
        {
            throw new ForbiddenException("无权查看其他单位的整改任务");
        }
        return item;
    }

    private async Task EnsureResponsibleAsync(RectificationItem item, string refusal, CancellationToken ct)
    {
        if (!user.IsIn(Roles.Unit) || !await InUnitAsync(item, ct))
        {
            throw new ForbiddenException(refusal);
        }
    }

    private async Task<bool> InUnitAsync(RectificationItem item, CancellationToken ct)
        => UnitTree.Subtree(await tree.GetAsync(db, ct), item.UnitId).Contains(user.UnitId);

    /// <summary>Verification and sign-off are for supervisors outside the responsible unit, whatever roles an insider holds.</summary>
    private async Task EnsureOutsiderAsync(RectificationItem item, CancellationToken ct)
    {
        if (await InUnitAsync(item, ct))
        {
            throw new ForbiddenException("责任单位不能验收或销号本单位的整改任务");
        }
        if (!user.IsIn(Roles.Supervisor, Roles.Admin))
        {
            throw new ForbiddenException("只有督查人员可以验收和销号");
        }
    }
}

/// <summary>反弹: a newly verified problem of the same kind at a unit reopens its recently closed items of that kind.</summary>
public sealed class RelapseWatch(AppDb db, TimeProvider clock, IOptions<RectificationRules> options)
{
    public async Task CheckClueAsync(Clue clue, CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddDays(-options.Value.RelapseWindowDays);
        // From the unit's signed-off items to each one's clue by its key: the clues (or cases) are never scanned as a whole.
        var items = await db.Set<RectificationItem>()
            .Where(i => i.UnitId == clue.UnitId && i.Status == RectificationStatus.Closed && i.ClosedAt >= since
                && db.Set<Clue>().Any(k => k.Id == i.ClueId && k.ProblemType == clue.ProblemType && k.Id != clue.Id))
            .ToListAsync(ct);
        foreach (var item in items)
        {
            item.Relapse($"问题反弹：销号后同类问题再次核实属实（线索 {clue.Id}）");
        }
    }

    /// <summary>A new case of the same category at the same place, sent to the same unit, after an item born of such a case was signed off.</summary>
    public async Task CheckCaseAsync(Cases.Case c, CancellationToken ct)
    {
        var place = c.Address?.Trim();
        if (c.LeadUnitId is null || string.IsNullOrEmpty(place))
        {
            return;
        }
        var since = clock.GetUtcNow().AddDays(-options.Value.RelapseWindowDays);
        var items = await db.Set<RectificationItem>()
            .Where(i => i.UnitId == c.LeadUnitId && i.Status == RectificationStatus.Closed && i.ClosedAt >= since
                && db.Set<Clue>().Any(k => k.Id == i.ClueId && db.Set<Cases.Case>()
                    .Any(x => x.Id == k.CaseId && x.Id != c.Id && x.CategoryCode == c.CategoryCode && x.Address == place)))
            .ToListAsync(ct);
        foreach (var item in items)
        {
            item.Relapse($"问题反弹：销号后同一地点又出现同类诉求（工单 {c.Number}）");
        }
    }
}
