using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Cases;
using Zhengfeng.Web;

namespace Zhengfeng.Features.TypicalCases;

/// <summary>
/// 典型案例: drafting from a record the drafter may see and that is a fair example, submitting, reviewing (by someone other
/// than the drafter), publishing with the public text frozen and masked, and withdrawing.
/// </summary>
public sealed partial class TypicalCaseWorkflow(AppDb db, TimeProvider clock, CurrentUser user, TypicalSources sources, ReporterIdentity identity)
{
    private DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>What a draft from this record would start from; refuses a record the user may not use, like <see cref="DraftAsync"/>.</summary>
    public async Task<SourceRecord> SourceAsync(TypicalSourceType type, string? sourceId, TypicalCaseKind? kind, CancellationToken ct)
    {
        var record = await sources.LoadAsync(type, SourceId(sourceId), ct);
        await EnsureMayUseAsync(record, kind, ct);
        return record;
    }

    /// <summary>The picker: records of one type the user may draft from, that would be fair examples and are not chosen yet.</summary>
    public async Task<List<SourceRecord>> CandidatesAsync(TypicalSourceType type, CancellationToken ct)
    {
        if (!MayDraftFrom(type))
        {
            throw new ForbiddenException($"承办单位不能以{TypicalCase.Label(type)}起草典型案例");
        }
        return [.. (await sources.CandidatesAsync(type, await user.VisibleUnitsAsync(ct), ct)).Where(c => KindsFor(c).Count > 0)];
    }

    /// <summary>The kinds this user may draft from a record: unit staff put forward positive examples only.</summary>
    public IReadOnlyList<TypicalCaseKind> KindsFor(SourceRecord record)
        => [.. record.FairKinds.Where(k => IsCountyDrafter || k == TypicalCaseKind.Positive)];

    /// <summary>Unit staff draft only from their unit's cases, rectifications and evaluation results.</summary>
    public bool MayDraftFrom(TypicalSourceType type)
        => IsCountyDrafter || type is TypicalSourceType.Case or TypicalSourceType.Rectification or TypicalSourceType.Evaluation;

    private bool IsCountyDrafter => user.IsIn(Roles.Supervisor, Roles.Inspector, Roles.Admin);

    public async Task<TypicalCase> DraftAsync(DraftTypicalCaseRequest r, CancellationToken ct)
    {
        var (kind, type, id) = (r.Kind!.Value, r.SourceType!.Value, SourceId(r.SourceId));
        var record = await sources.LoadAsync(type, id, ct);
        await EnsureMayUseAsync(record, kind, ct);
        if (record.NotReadyBecause is { } notReady)
        {
            throw new RuleException("typical.source_state", notReady, StatusCodes.Status409Conflict);
        }
        if (record.Unfair(kind) is { } why)
        {
            throw new RuleException("typical.unfair_source", why, StatusCodes.Status422UnprocessableEntity);
        }
        if (await db.Set<TypicalCase>().AnyAsync(t => t.SourceType == type && t.SourceId == id && t.Status != TypicalCaseStatus.Withdrawn, ct))
        {
            throw new RuleException("typical.duplicate", "该记录已被选为典型案例（未撤回），不能重复选取", StatusCodes.Status409Conflict);
        }
        var item = new TypicalCase
        {
            Id = Ids.New(), Kind = kind, SourceType = type, SourceId = id, UnitId = record.UnitId,
            DraftedBy = user.Id, DraftedByName = user.DisplayName, DraftedAt = Now,
        };
        item.Edit(Text(r.Title, record.Title, 200), Text(r.Facts, record.Facts, 5000), r.Lesson?.Trim() ?? "", Now);
        db.Add(item);
        db.PendingAction = "typical.draft";
        await db.SaveChangesAsync(ct);
        return item;
    }

    public async Task<TypicalCase> EditAsync(string id, EditTypicalCaseRequest r, CancellationToken ct)
    {
        var item = await LoadAsync(id, ct);
        EnsureDrafter(item, "修改");
        item.Edit(r.Title.Trim(), r.Facts.Trim(), r.Lesson?.Trim() ?? "", Now);
        db.PendingAction = "typical.edit";
        await db.SaveChangesAsync(ct);
        return item;
    }

    public async Task<TypicalCase> SubmitAsync(string id, CancellationToken ct)
    {
        var item = await LoadAsync(id, ct);
        EnsureDrafter(item, "提交");
        await EnsureNoReporterIdentityAsync(item, ct);
        item.Submit(user.Id, Now);
        db.PendingAction = "typical.submit";
        await db.SaveChangesAsync(ct);
        return item;
    }

    public async Task<TypicalCase> ReturnAsync(string id, ReviewTypicalCaseRequest r, CancellationToken ct)
    {
        var item = await LoadAsync(id, ct);
        EnsureReviewer(item);
        item.Return(user.Id, user.DisplayName, Now, r.Note.TrimToNull());
        db.PendingAction = "typical.return";
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>
    /// 发布: checks again that the record is still a fair example (a relapse can be undone, an evaluation reopened is not),
    /// and that no reporter is named, then freezes the public text.
    /// </summary>
    public async Task<TypicalCase> PublishAsync(string id, ReviewTypicalCaseRequest r, CancellationToken ct)
    {
        var item = await LoadAsync(id, ct);
        EnsureReviewer(item);
        var record = await sources.LoadAsync(item.SourceType, item.SourceId, ct);
        if (TypicalCase.Workflow.Allows(item.Status, TypicalCaseAction.Publish) && record.Unfair(item.Kind) is { } why)
        {
            throw new RuleException("typical.unfair_source", "来源记录已不适合作为典型案例：" + why, StatusCodes.Status409Conflict);
        }
        await EnsureNoReporterIdentityAsync(item, ct);
        var names = MasksNames(item) ? await CadreNamesAsync(item, record, ct) : [];
        item.Publish(user.Id, user.DisplayName, Now, r.Note.TrimToNull(), text => Mask(text, names));
        db.PendingAction = "typical.publish";
        await db.SaveChangesAsync(ct);
        return item;
    }

    public async Task<TypicalCase> WithdrawAsync(string id, WithdrawTypicalCaseRequest r, CancellationToken ct)
    {
        var item = await LoadAsync(id, ct);
        item.Withdraw(user.Id, user.DisplayName, Now, r.Reason.Trim());
        db.PendingAction = "typical.withdraw";
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>Published cases are seen by all staff; drafts and withdrawn ones only within the user's unit scope.</summary>
    public async Task<TypicalCase> LoadAsync(string id, CancellationToken ct)
    {
        var item = await db.Set<TypicalCase>().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("典型案例");
        if (item.Status != TypicalCaseStatus.Published && !await user.CanSeeUnitAsync(item.UnitId, ct))
        {
            throw new ForbiddenException("无权查看其他单位的典型案例");
        }
        return item;
    }

    public async Task<List<TypicalCase>> ListAsync(TypicalCaseStatus? status, TypicalCaseKind? kind, CancellationToken ct)
    {
        var visible = await user.VisibleUnitsAsync(ct);
        var q = db.Set<TypicalCase>().AsNoTracking();
        if (visible is not null)
        {
            q = q.Where(t => t.Status == TypicalCaseStatus.Published || visible.Contains(t.UnitId));
        }
        if (status is { } s)
        {
            q = q.Where(t => t.Status == s);
        }
        if (kind is { } k)
        {
            q = q.Where(t => t.Kind == k);
        }
        return await q.OrderByDescending(t => t.PublishedAt).ThenByDescending(t => t.DraftedAt).Take(500).ToListAsync(ct);
    }

    /// <summary>The public list: published cases only, newest first, with their public (masked) text.</summary>
    public Task<List<TypicalCase>> PublishedAsync(TypicalCaseKind? kind, CancellationToken ct)
    {
        var q = db.Set<TypicalCase>().AsNoTracking().Where(t => t.Status == TypicalCaseStatus.Published);
        if (kind is { } k)
        {
            q = q.Where(t => t.Kind == k);
        }
        return q.OrderByDescending(t => t.PublishedAt).Take(200).ToListAsync(ct);
    }

    public bool MayReview(TypicalCase item) => user.IsIn(Roles.Leader, Roles.Admin) && item.DraftedBy != user.Id;

    public bool IsDrafter(TypicalCase item) => item.DraftedBy == user.Id;

    /// <summary>
    /// Negative examples and exemptions name people who erred: their names become 张某某 in the public text. The 问责条例's
    /// "组织处理和纪律处分一般应当向社会公开" is met by the deciding organ's own notice; this list does not repeat the name.
    /// </summary>
    public static bool MasksNames(TypicalCase item) => item.Kind == TypicalCaseKind.Negative || item.SourceType == TypicalSourceType.Exemption;

    /// <summary>Replaces each name by its surname and 某 (张三 → 张某, 张小三 → 张某某), and hides mobile and ID numbers.</summary>
    public static string Mask(string text, IReadOnlyCollection<string> names)
    {
        foreach (var name in names.Where(n => n.Length >= 2).OrderByDescending(n => n.Length))
        {
            text = text.Replace(name, name[0] + (name.Length == 2 ? "某" : "某某"), StringComparison.Ordinal);
        }
        return PersonalText.HideNumbers(text);
    }

    private async Task<List<string>> CadreNamesAsync(TypicalCase item, SourceRecord record, CancellationToken ct)
        => await db.Cadres.AsNoTracking().Where(c => c.UnitId == item.UnitId || record.CadreIds.Contains(c.Id)).Select(c => c.Name).ToListAsync(ct);

    /// <summary>A reporter's name or phone must never reach a typical case; the check decrypts them only to compare.</summary>
    private async Task EnsureNoReporterIdentityAsync(TypicalCase item, CancellationToken ct)
    {
        var record = await sources.LoadAsync(item.SourceType, item.SourceId, ct);
        if (record.ReporterCaseId is null)
        {
            return;
        }
        var c = await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == record.ReporterCaseId, ct);
        if (c is null || c.Anonymous)
        {
            return;
        }
        // Compared after folding: a zero-width space inside the name or full-width digits in the phone do not hide them.
        var text = item.Title + "\n" + item.Facts + "\n" + item.Lesson;
        var name = PersonalText.ForComparison(identity.Unprotect(c.ReporterNameEnc));
        var phone = PersonalText.Digits(identity.Unprotect(c.ReporterPhoneEnc));
        if (name.Length >= 2 && PersonalText.ForComparison(text).Contains(name, StringComparison.Ordinal)
            || phone.Length >= 7 && PersonalText.Digits(text).Contains(phone, StringComparison.Ordinal))
        {
            throw new RuleException("typical.reporter_identity", "正文含有诉求人（举报人）的姓名或电话，典型案例不得公开其身份，请删除后再提交", StatusCodes.Status422UnprocessableEntity);
        }
    }

    /// <summary>
    /// Supervisors, inspectors and admins draft from any record. Unit staff may only put forward positive examples from
    /// their own unit's cases, rectifications and evaluation results.
    /// </summary>
    private async Task EnsureMayUseAsync(SourceRecord record, TypicalCaseKind? kind, CancellationToken ct)
    {
        if (!IsCountyDrafter)
        {
            if (!user.IsIn(Roles.Unit))
            {
                throw new ForbiddenException("只有督查、纪检人员和承办单位可以起草典型案例");
            }
            if (!MayDraftFrom(record.Type))
            {
                throw new ForbiddenException($"承办单位不能以{TypicalCase.Label(record.Type)}起草典型案例");
            }
            if (kind == TypicalCaseKind.Negative)
            {
                throw new ForbiddenException("承办单位只能推荐正面典型，反面典型由督查、纪检部门起草");
            }
        }
        if (!await user.CanSeeUnitAsync(record.UnitId, ct))
        {
            throw new ForbiddenException("该记录不属于本单位，无权据以起草典型案例");
        }
    }

    private void EnsureDrafter(TypicalCase item, string what)
    {
        if (item.DraftedBy != user.Id)
        {
            throw new ForbiddenException($"只有起草人可以{what}典型案例草稿");
        }
    }

    private void EnsureReviewer(TypicalCase item)
    {
        if (item.DraftedBy == user.Id)
        {
            throw new ForbiddenException("起草人不能审核本人起草的典型案例");
        }
    }

    private static string SourceId(string? sourceId) => string.IsNullOrWhiteSpace(sourceId)
        ? throw new RuleException("typical.source_required", "请选择来源记录", StatusCodes.Status400BadRequest)
        : sourceId.Trim();

    private static string Text(string? given, string fromSource, int max)
    {
        var text = string.IsNullOrWhiteSpace(given) ? fromSource : given.Trim();
        return text.Length <= max ? text : text[..max];
    }
}
