using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Calendar;
using Zhengfeng.Features.Campaigns;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Org;
using Zhengfeng.Features.Supervision;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Accountability;

/// <summary>The ledger's filter: a status (or <paramref name="Active"/> for opened and investigating) and words in the facts or the subject's name.</summary>
public sealed record AccountabilityFilter(AccountabilityStatus? Status, string? Query, bool Active = false)
{
    /// <summary>A query string's status: "active" or a status's wire name; anything else is a 400 naming the field.</summary>
    public static AccountabilityFilter Of(string? status, string? query)
        => string.Equals(status?.Trim(), "active", StringComparison.OrdinalIgnoreCase)
            ? new(null, query, Active: true)
            : new(WireEnum.ParseOptional<AccountabilityStatus>(status, "status"), query);
}

/// <summary>问责 and 容错免责: opening, investigating and deciding cases; applying for and deciding exemptions.</summary>
public sealed partial class AccountabilityWorkflow(AppDb db, TimeProvider clock, CurrentUser user, WorkCalendar calendar)
{
    private DateTimeOffset Now => clock.GetUtcNow();

    public async Task<AccountabilityCase> OpenAsync(OpenAccountabilityRequest r, CancellationToken ct)
    {
        var unitId = r.UnitId.TrimToNull();
        var cadreId = r.CadreId.TrimToNull();
        if ((unitId is null) == (cadreId is null))
        {
            throw new RuleException("accountability.subject", "请指定问责对象：单位（unitId）或干部（cadreId），二者选其一", 400);
        }
        string? headId = null, deputyId = null;
        if (unitId is not null)
        {
            var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct)
                ?? throw new RuleException("accountability.unknown_unit", "问责单位不存在", 400);
            await user.EnsureCanSeeUnitAsync(unit.Id, ct);
            (headId, deputyId) = (unit.HeadId, unit.DeputyId);
        }
        else
        {
            var cadre = await db.Cadres.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cadreId, ct)
                ?? throw new RuleException("accountability.unknown_cadre", "问责干部不存在", 400);
            await user.EnsureCanSeeUnitAsync(cadre.UnitId, ct);
        }
        var clueId = r.ClueId.TrimToNull();
        if (clueId is not null)
        {
            var clue = await db.Set<Clue>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == clueId, ct)
                ?? throw new RuleException("accountability.unknown_clue", "问题线索不存在", 400);
            if (!clue.IsTrue)
            {
                throw new RuleException("accountability.clue_not_verified", $"问题线索状态为“{Clue.Label(clue.Status)}”，核实属实后才能据以问责", 409);
            }
        }
        var caseId = r.CaseId.TrimToNull();
        if (caseId is not null && !await db.Set<Case>().AnyAsync(c => c.Id == caseId, ct))
        {
            throw new RuleException("accountability.unknown_case", "来源工单不存在", 400);
        }
        var noticeId = r.NoticeId.TrimToNull();
        if (noticeId is not null && !await db.Set<SupervisionNotice>().AnyAsync(n => n.Id == noticeId, ct))
        {
            throw new RuleException("accountability.unknown_notice", "来源督办单不存在", 400);
        }
        var campaignId = await CampaignWorkflow.JoinableAsync(db, r.CampaignId, ct);
        var item = new AccountabilityCase
        {
            Id = Ids.New(), SubjectType = unitId is null ? AccountabilitySubject.Cadre : AccountabilitySubject.Unit, UnitId = unitId, CadreId = cadreId,
            HeadId = headId, DeputyId = deputyId, ClueId = clueId, CaseId = caseId, NoticeId = noticeId, Facts = r.Facts.Trim(),
            OpenedBy = user.Id, OpenedAt = Now,
        };
        item.JoinCampaign(campaignId);
        db.Add(item);
        db.PendingAction = "accountability.open";
        await db.SaveChangesAsync(ct);
        return item;
    }

    public async Task<AccountabilityCase> InvestigateAsync(string id, CancellationToken ct)
    {
        var item = await LoadAsync(id, ct);
        item.StartInvestigation();
        db.PendingAction = "accountability.investigate";
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>调查认定的事实; may be revised until the decision.</summary>
    public async Task<AccountabilityCase> RecordFindingsAsync(string id, FindingsRequest r, CancellationToken ct)
    {
        var item = await LoadAsync(id, ct);
        item.RecordFindings(r.Findings.Trim(), Now);
        db.PendingAction = "accountability.findings";
        await db.SaveChangesAsync(ct);
        return item;
    }

    public async Task<AccountabilityCase> DecideAsync(string id, DecideAccountabilityRequest r, CancellationToken ct)
    {
        var item = await LoadAsync(id, ct);
        var forms = Parse(r.Forms, item.SubjectType);
        var headForms = Parse(r.HeadForms, AccountabilitySubject.Cadre);
        var deputyForms = Parse(r.DeputyForms, AccountabilitySubject.Cadre);
        await EnsureLeadingCadreAsync(item.SubjectType == AccountabilitySubject.Cadre ? item.CadreId : null, forms, "问责对象", ct);
        await EnsureLeadingCadreAsync(item.HeadId, headForms, "主要负责人", ct);
        await EnsureLeadingCadreAsync(item.DeputyId, deputyForms, "分管领导", ct);
        item.Decide(r.Decision.Trim(), forms, headForms, deputyForms, SanctionActs(r), r.CombinedMonths, r.SanctionFrom ?? Now.CstDate(),
            r.Category, user.Id, Now);
        if (item.AnswerForms().Count > 0)
        {
            item.ExpectAnswerBy(calendar.AddWorkdays(Now.CstDate(), AnswerWorkdays));
        }
        db.PendingAction = "accountability.decide";
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>监督执纪工作规则 Art. 23: the cadre answers a 函询 in writing within 15 working days of receiving it.</summary>
    public const int AnswerWorkdays = 15;

    /// <summary>登记函询的说明材料 or the 书面检查 the cadre handed in.</summary>
    public async Task<AccountabilityCase> RecordAnswerAsync(string id, AnswerRequest r, CancellationToken ct)
    {
        var item = await LoadAsync(id, ct);
        item.RecordAnswer(r.Answer.Trim(), Now);
        db.PendingAction = "accountability.answer";
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>评估书面说明: accepted and closed, or not accepted.</summary>
    public async Task<AccountabilityCase> AssessAnswerAsync(string id, AssessAnswerRequest r, CancellationToken ct)
    {
        var item = await LoadAsync(id, ct);
        item.AssessAnswer(r.Assessment!.Value, r.Note.Trim(), Now);
        db.PendingAction = "accountability.assess";
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>不予问责.</summary>
    public async Task<AccountabilityCase> DismissAsync(string id, CloseAccountabilityRequest r, CancellationToken ct)
    {
        var item = await LoadAsync(id, ct);
        item.Dismiss(r.Reason.Trim(), user.Id, Now);
        db.PendingAction = "accountability.dismiss";
        await db.SaveChangesAsync(ct);
        return item;
    }

    public async Task<AccountabilityCase> LoadAsync(string id, CancellationToken ct)
    {
        var item = await db.Set<AccountabilityCase>().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("问责案件");
        await EnsureCanSeeAsync(item, ct);
        return item;
    }

    public async Task<List<AccountabilityCase>> ListAsync(AccountabilityFilter filter, CancellationToken ct)
        => await (await QueryAsync(filter, ct)).OrderByDescending(c => c.OpenedAt).Take(500).ToListAsync(ct);

    public async Task<Page<AccountabilityCase>> SearchAsync(AccountabilityFilter filter, int page, int pageSize, CancellationToken ct)
    {
        (page, pageSize) = Paging.Check(page, pageSize);
        var q = await QueryAsync(filter, ct);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(c => c.OpenedAt).ThenBy(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<AccountabilityCase>(items, total, page, pageSize);
    }

    /// <summary>The cases of the ledger in the user's scope under the filter, unordered (the list pages it, the export reads it whole).</summary>
    public async Task<IQueryable<AccountabilityCase>> QueryAsync(AccountabilityFilter filter, CancellationToken ct)
    {
        var q = db.Set<AccountabilityCase>().AsNoTracking();
        if (await user.VisibleUnitsAsync(ct) is { } visible)
        {
            var units = visible.ToList();
            var cadres = db.Cadres.Where(c => units.Contains(c.UnitId)).Select(c => c.Id);
            q = q.Where(c => units.Contains(c.UnitId!) || cadres.Contains(c.CadreId!));
        }
        if (filter.Active)
        {
            q = q.Where(c => c.Status == AccountabilityStatus.Opened || c.Status == AccountabilityStatus.Investigating);
        }
        else if (filter.Status is { } s)
        {
            q = q.Where(c => c.Status == s);
        }
        if (filter.Query.TrimToNull() is { } term)
        {
            var units = db.Units.Where(u => u.Name.Contains(term)).Select(u => u.Id);
            var cadres = db.Cadres.Where(c => c.Name.Contains(term)).Select(c => c.Id);
            q = q.Where(c => c.Facts.Contains(term) || (c.Decision != null && c.Decision.Contains(term))
                || units.Contains(c.UnitId!) || cadres.Contains(c.CadreId!) || cadres.Contains(c.HeadId!) || cadres.Contains(c.DeputyId!));
        }
        return q;
    }

    private async Task EnsureCanSeeAsync(AccountabilityCase item, CancellationToken ct)
    {
        var unitId = item.UnitId ?? await db.Cadres.AsNoTracking().Where(c => c.Id == item.CadreId).Select(c => c.UnitId).FirstOrDefaultAsync(ct);
        if (unitId is not null && !await user.CanSeeUnitAsync(unitId, ct))
        {
            throw new ForbiddenException("无权查看其他单位的问责案件");
        }
    }

    /// <summary>
    /// 问责条例 Art. 8: 通报, 诫勉, 组织调整或者组织处理 and 纪律处分 are forms for 领导干部 only; the lighter measures of the first
    /// form (谈话提醒 … 函询) are open to every cadre.
    /// </summary>
    private async Task EnsureLeadingCadreAsync(string? cadreId, List<AccountabilityForm> allForms, string role, CancellationToken ct)
    {
        var forms = allForms.Where(f => !AccountabilityForms.IsLight(f)).ToList();
        if (cadreId is null || forms.Count == 0)
        {
            return;
        }
        var cadre = await db.Cadres.AsNoTracking().FirstAsync(c => c.Id == cadreId, ct);
        if (!cadre.IsLeadingCadre)
        {
            throw new RuleException("accountability.not_leading_cadre",
                $"{role}{cadre.Name}为{Cadre.RankLabel(cadre.Rank)}，不是领导干部；“{string.Join("、", forms.Select(AccountabilityForms.Label))}”是问责条例对党的领导干部的问责方式，不能适用（可依法给予政务处分，或采取谈话提醒、批评教育、责令检查、约谈、函询）", 422);
        }
    }

    private static List<Sanction> SanctionActs(DecideAccountabilityRequest r)
    {
        var acts = (r.Sanctions ?? []).OfType<Sanction>().ToList();
        if (acts.Count > 0 && r.Sanction is not null)
        {
            throw new RuleException("accountability.sanction_twice", "sanction 与 sanctions 只能填写其一：一项行为用 sanction，多项行为用 sanctions", 400);
        }
        return r.Sanction is { } one ? [one] : acts;
    }

    private static List<AccountabilityForm> Parse(IReadOnlyList<string>? codes, AccountabilitySubject subject)
        => (codes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => AccountabilityForms.Parse(c, subject)).Distinct().ToList();
}
