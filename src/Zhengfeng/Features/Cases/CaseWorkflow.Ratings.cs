using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Clues;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Cases;

/// <summary>Ratings through the public link, appeals against malicious ratings, and audited views of identities.</summary>
public sealed partial class CaseWorkflow
{
    public async Task<Case> FindByTrackingCodeAsync(string code, CancellationToken ct)
    {
        var normalized = code.Trim().ToUpperInvariant();
        return await db.Set<Case>().FirstOrDefaultAsync(x => x.TrackingCode == normalized, ct)
            ?? throw new NotFoundException("查询码对应的诉求");
    }

    /// <summary>The reporter rates the reply; 1–2 stars reopen the case for rework and a return visit.</summary>
    public async Task<Case> RateAsync(string trackingCode, RatingRequest r, CancellationToken ct)
    {
        var c = await FindByTrackingCodeAsync(trackingCode, ct);
        if (c.Status == CaseStatus.Merged && c.MergedIntoId is not null)
        {
            throw new RuleException("case.merged", "此诉求已并入其他工单办理，请对主工单评价", 409);
        }
        if (await db.Set<Rating>().AnyAsync(x => x.CaseId == c.Id && x.Round == c.Round, ct))
        {
            throw new RuleException("case.already_rated", "本轮办理已评价，不能重复评价", 409);
        }
        var resolved = r.Resolved ?? c.Outcome is ReplyOutcome.Resolved;
        var bad = r.Level <= 2;
        db.Add(new Rating
        {
            Id = Ids.New(), CaseId = c.Id, Round = c.Round, Level = r.Level, Resolved = resolved, Comment = r.Comment?.Trim(),
            At = Now, UnitId = c.LeadUnitId,
        });
        c.Rate(Now, r.Level, resolved, r.Comment, calendar.For(c.AreaId).WorkdayDeadline(Now, Rules.ReworkWorkdays));
        if (bad)
        {
            await assistDuties.AddForCaseAsync(c, null, ct); // the rework round asks the assist units again
        }
        if (bad && c.Round > 2 && c.LeadUnitId is not null)
        {
            // A second bad rating after rework: escalated as a problem clue (只微笑不办事).
            clues.AddSystemClue(ClueSource.Case, c.LeadUnitId, "shirking", $"工单 {c.Number}“{c.Title}”重办后再次差评（{Case.RatingLabel(r.Level)}）", c.Id);
            c.RecordEscalation(Now, "重办后再次差评，已转为问题线索");
        }
        if (c.LeadUnitId is not null)
        {
            notifier.Notify(c.LeadUnitId, "rating", $"收到评价“{Case.RatingLabel(r.Level)}”：{c.Title}（{c.Number}）{(bad ? "，须重办并回访" : "")}", c.Id);
        }
        db.PendingAction = bad ? "case.rate-bad" : "case.rate";
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>回访: the hotline calls the reporter back after a bad rating (or at any time after the reply) and records what they said.</summary>
    public async Task<Case> RecordReturnVisitAsync(string id, string note, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        c.RecordReturnVisit(Me, Now, note);
        db.PendingAction = "case.return-visit";
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>申诉复核: the rated unit asks to exclude a rating it believes malicious.</summary>
    public async Task<Rating> AppealRatingAsync(string id, string reason, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        await EnsureLeadUnitAsync(c, ct);
        var rating = await db.Set<Rating>().Where(x => x.CaseId == id).OrderByDescending(x => x.Round).FirstOrDefaultAsync(ct)
            ?? throw new RuleException("case.no_rating", "此工单还没有评价", 409);
        if (rating.AppealDecision is not null)
        {
            throw new RuleException("case.appeal_exists", "该评价已申诉过", 409);
        }
        rating.AppealReason = reason.Trim();
        rating.AppealDecision = RequestDecision.Pending;
        c.RecordRatingAppeal(Me, Now, reason);
        db.PendingAction = "case.rating-appeal";
        await db.SaveChangesAsync(ct);
        return rating;
    }

    /// <summary>A supervisor or leader reviews the appeal; only an approved appeal excludes the rating, and the reason is public.</summary>
    public async Task<Rating> DecideRatingAppealAsync(string id, DecisionRequest r, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        var rating = await db.Set<Rating>().Where(x => x.CaseId == id && x.AppealDecision == RequestDecision.Pending).FirstOrDefaultAsync(ct)
            ?? throw new RuleException("case.no_appeal", "没有待复核的评价申诉", 409);
        if (r.Approve && string.IsNullOrWhiteSpace(r.Note))
        {
            throw new RuleException("case.appeal_reason", "认定恶意评价须写明理由（将公开）", 400);
        }
        rating.AppealDecision = r.Approve ? RequestDecision.Approved : RequestDecision.Rejected;
        rating.AppealDecisionNote = r.Note?.Trim();
        rating.Excluded = r.Approve;
        c.RecordAppealDecision(Me, Now, r.Approve, r.Note);
        db.PendingAction = "case.rating-appeal-decision";
        await db.SaveChangesAsync(ct);
        return rating;
    }

    /// <summary>The roles that may see a reporter's name and phone on any case (the lead unit's staff see the phone while it is theirs).</summary>
    public bool IsRevealOffice => user.IsIn(Roles.Operator, Roles.Dispatcher, Roles.Admin, Roles.Inspector);

    /// <summary>
    /// Shows a reporter's identity to a role that needs it, and records the view (audited). The lead unit's staff see the phone
    /// only, and only while the case is open in their hands, to meet the duty to contact the reporter.
    /// </summary>
    public async Task<(string? Name, string? Phone)> RevealReporterAsync(string id, string purpose, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        var handler = !IsRevealOffice && c.IsOpen && await IsLeadStaffAsync(c, ct);
        if (!IsRevealOffice && !handler)
        {
            throw new ForbiddenException(user.IsIn(Roles.Unit) ? "只有主办单位在办理期间可以查看诉求人联系电话" : "无权查看诉求人身份信息");
        }
        if (c.Anonymous)
        {
            return (null, null);
        }
        db.Add(new IdentityView { Id = Ids.New(), CaseId = id, ViewerId = user.Id, At = Now, Purpose = purpose });
        db.PendingAction = "case.reveal-reporter";
        await db.SaveChangesAsync(ct);
        return (handler ? null : identity.Unprotect(c.ReporterNameEnc), identity.Unprotect(c.ReporterPhoneEnc));
    }
}
