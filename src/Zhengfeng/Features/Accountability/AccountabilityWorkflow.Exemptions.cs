using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Accountability;

/// <summary>容错免责: the application with the six criteria, and its decision.</summary>
public sealed partial class AccountabilityWorkflow
{
    public async Task<Exemption> ApplyExemptionAsync(ApplyExemptionRequest r, CancellationToken ct)
    {
        if (!user.MayActOnCadres)
        {
            throw new ForbiddenException("热线话务员、派单员不能申请容错免责");
        }
        var cadre = await db.Cadres.AsNoTracking().FirstOrDefaultAsync(c => c.Id == r.CadreId, ct)
            ?? throw new RuleException("exemption.unknown_cadre", "干部不存在", 400);
        await user.EnsureCanSeeUnitAsync(cadre.UnitId, ct);
        var caseId = r.AccountabilityCaseId.TrimToNull();
        if (caseId is not null)
        {
            var linked = await db.Set<AccountabilityCase>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct)
                ?? throw new RuleException("exemption.unknown_case", "关联的问责案件不存在", 400);
            if (linked.CadreId != cadre.Id && linked.HeadId != cadre.Id && linked.DeputyId != cadre.Id)
            {
                throw new RuleException("exemption.not_concerned", "该干部不是关联问责案件的问责对象或责任领导", 400);
            }
            if (linked.Status is AccountabilityStatus.Decided or AccountabilityStatus.Closed)
            {
                throw new RuleException("exemption.case_finished", $"关联的问责案件状态为“{AccountabilityCase.Label(linked.Status)}”，不能再申请容错免责", 409);
            }
        }
        var e = new Exemption
        {
            Id = Ids.New(), CadreId = cadre.Id, AccountabilityCaseId = caseId, Facts = r.Facts.Trim(),
            PublicPurpose = r.PublicPurpose, PublicPurposeNote = r.PublicPurposeNote.TrimToNull(),
            NoPersonalGain = r.NoPersonalGain, NoPersonalGainNote = r.NoPersonalGainNote.TrimToNull(),
            NoBreachOfLaw = r.NoBreachOfLaw, NoBreachOfLawNote = r.NoBreachOfLawNote.TrimToNull(),
            NoMajorLoss = r.NoMajorLoss, NoMajorLossNote = r.NoMajorLossNote.TrimToNull(),
            TimelyRemedy = r.TimelyRemedy, TimelyRemedyNote = r.TimelyRemedyNote.TrimToNull(),
            ProcedureFollowed = r.ProcedureFollowed, ProcedureFollowedNote = r.ProcedureFollowedNote.TrimToNull(),
            AppliedBy = user.Id, AppliedAt = Now,
        };
        db.Add(e);
        db.PendingAction = "exemption.apply";
        await db.SaveChangesAsync(ct);
        return e;
    }

    /// <summary>
    /// 认定: an approval needs all six conditions and closes the linked case as 免予问责 in the same save; a refusal
    /// names the conditions that fail (the applicant's "no" answers and those the decider finds not met).
    /// </summary>
    public async Task<Exemption> DecideExemptionAsync(string id, DecideExemptionRequest r, CancellationToken ct)
    {
        var e = await LoadExemptionAsync(id, ct);
        var found = (r.FailedCriteria ?? []).Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim()).Distinct().ToList();
        if (r.Approve)
        {
            e.Approve(r.Reason.Trim(), found, user.Id, Now);
        }
        else
        {
            e.Refuse(r.Reason.Trim(), found, user.Id, Now);
        }
        if (r.Approve && e.AccountabilityCaseId is not null)
        {
            var linked = await LoadAsync(e.AccountabilityCaseId, ct);
            linked.Exempt(e.Id, r.Reason.Trim(), user.Id, Now);
        }
        db.PendingAction = r.Approve ? "exemption.approve" : "exemption.refuse";
        await db.SaveChangesAsync(ct);
        return e;
    }

    public async Task<Exemption> LoadExemptionAsync(string id, CancellationToken ct)
    {
        var e = await db.Set<Exemption>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("容错免责申请");
        var unitId = await db.Cadres.AsNoTracking().Where(c => c.Id == e.CadreId).Select(c => c.UnitId).FirstAsync(ct);
        await user.EnsureCanSeeUnitAsync(unitId, ct);
        return e;
    }

    /// <summary>Applications in the user's scope, newest first, optionally of one status.</summary>
    public async Task<Page<Exemption>> SearchExemptionsAsync(ExemptionStatus? status, int page, int pageSize, CancellationToken ct)
    {
        (page, pageSize) = Paging.Check(page, pageSize);
        var q = await ExemptionQueryAsync(status, ct);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(x => x.AppliedAt).ThenBy(x => x.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<Exemption>(items, total, page, pageSize);
    }

    /// <summary>The applications in the user's scope (their cadres' units), by status, unordered.</summary>
    public async Task<IQueryable<Exemption>> ExemptionQueryAsync(ExemptionStatus? status, CancellationToken ct)
    {
        var q = db.Set<Exemption>().AsNoTracking();
        if (await user.VisibleUnitsAsync(ct) is { } visible)
        {
            var units = visible.ToList();
            var cadres = db.Cadres.Where(c => units.Contains(c.UnitId)).Select(c => c.Id);
            q = q.Where(x => cadres.Contains(x.CadreId));
        }
        if (status is { } s)
        {
            q = q.Where(x => x.Status == s);
        }
        return q;
    }
}
