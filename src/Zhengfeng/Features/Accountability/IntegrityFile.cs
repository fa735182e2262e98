using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Accountability;

public sealed record AccountabilityCaseView(string Id, string SubjectType, string? UnitId, string? CadreId, string? HeadId, string? DeputyId,
    string? ClueId, string? CaseId, string? NoticeId, string Facts, string Status, string StatusLabel, string? Decision,
    IReadOnlyList<string> Forms, IReadOnlyList<string> FormLabels, IReadOnlyList<string> HeadForms, IReadOnlyList<string> DeputyForms,
    string? Sanction, string? SanctionLabel, DateOnly? SanctionFrom, DateOnly? SanctionUntil, bool SanctionInEffect,
    int? Category, string CategoryLabel, string? ClosedReason, string? ExemptionId, DateTimeOffset OpenedAt, DateTimeOffset? DecidedAt,
    IReadOnlyList<string> SanctionActs, int? SanctionMonths, string? Findings, DateOnly? AnswerDueOn, string? Answer, DateTimeOffset? AnsweredAt,
    string? Assessment, string? AssessmentLabel, string? AssessmentNote, DateTimeOffset? AssessedAt)
{
    public static AccountabilityCaseView From(AccountabilityCase c, DateOnly today)
    {
        var forms = AccountabilityForms.Split(c.Forms);
        return new(c.Id, WireEnum.Name(c.SubjectType), c.UnitId, c.CadreId, c.HeadId, c.DeputyId, c.ClueId, c.CaseId, c.NoticeId,
            c.Facts, WireEnum.Name(c.Status), AccountabilityCase.Label(c.Status), c.Decision,
            forms.Select(AccountabilityForms.Code).ToList(), forms.Select(AccountabilityForms.Label).ToList(),
            AccountabilityForms.Split(c.HeadForms).Select(AccountabilityForms.Code).ToList(),
            AccountabilityForms.Split(c.DeputyForms).Select(AccountabilityForms.Code).ToList(),
            c.Sanction is { } executed ? WireEnum.Name(executed) : null, c.Sanction is { } s ? Sanctions.Label(s) : null, c.SanctionFrom, c.SanctionUntil,
            c.SanctionInEffect(today), c.Category, AccountabilityCase.CategoryLabel(c.Category), c.ClosedReason, c.ExemptionId, c.OpenedAt, c.DecidedAt,
            c.SanctionActList().Select(WireEnum.Name).ToList(), c.SanctionMonths, c.Findings, c.AnswerDueOn, c.Answer, c.AnsweredAt,
            c.Assessment is { } a ? WireEnum.Name(a) : null, c.Assessment is { } label ? AccountabilityCase.Label(label) : null, c.AssessmentNote, c.AssessedAt);
    }
}

public sealed record ExemptionView(string Id, string CadreId, string? AccountabilityCaseId, string Facts, string Status, string StatusLabel,
    IReadOnlyList<CriterionView> Criteria, IReadOnlyList<string> FailingCriteria, string? DecisionReason, DateTimeOffset AppliedAt, DateTimeOffset? DecidedAt,
    IReadOnlyList<string> RefusedCriteria)
{
    public static ExemptionView From(Exemption e)
    {
        string?[] notes = [e.PublicPurposeNote, e.NoPersonalGainNote, e.NoBreachOfLawNote, e.NoMajorLossNote, e.TimelyRemedyNote, e.ProcedureFollowedNote];
        var criteria = e.Criteria().Select((c, i) => new CriterionView(c.Name, c.Holds, notes[i])).ToList();
        return new(e.Id, e.CadreId, e.AccountabilityCaseId, e.Facts, WireEnum.Name(e.Status), Exemption.Label(e.Status),
            criteria, e.FailingCriteria(), e.DecisionReason, e.AppliedAt, e.DecidedAt, e.RefusedCriterionNames());
    }
}

public sealed record CriterionView(string Name, bool Holds, string? Note);

/// <summary>A sanction on the file and whether it still binds today (China time); <c>Acts</c> lists each act's sanction when combined (Art. 15).</summary>
public sealed record SanctionView(string CaseId, string Sanction, string Label, DateOnly From, DateOnly? Until, bool Permanent, bool InEffect,
    int? Months, IReadOnlyList<string> Acts);

public sealed record FileClueView(string Id, string UnitId, string ProblemType, string Content, string Status, string StatusLabel, string Result, DateTimeOffset RegisteredAt);

/// <summary>The role the cadre had in a case: subject, head (第一责任人) or deputy (一岗双责).</summary>
public sealed record FileCaseView(string Role, string RoleLabel, IReadOnlyList<string> FormsOnCadre, AccountabilityCaseView Case);

public sealed record IntegrityFileView(string CadreId, string Name, string UnitId, string Post, bool IsLeadingCadre, DateOnly Today,
    IReadOnlyList<FileCaseView> Cases, IReadOnlyList<SanctionView> Sanctions, IReadOnlyList<ExemptionView> Exemptions, IReadOnlyList<FileClueView> Clues,
    string UnitName, string RankLabel);

/// <summary>廉政档案: everything on record about one cadre.</summary>
public sealed class IntegrityFile(AppDb db, TimeProvider clock)
{
    public async Task<IntegrityFileView> ForAsync(string cadreId, CancellationToken ct)
    {
        var cadre = await db.Cadres.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cadreId, ct) ?? throw new NotFoundException("干部");
        var today = clock.GetUtcNow().CstDate();
        var cases = await db.Set<AccountabilityCase>().AsNoTracking()
            .Where(c => c.CadreId == cadreId || c.HeadId == cadreId || c.DeputyId == cadreId)
            .OrderByDescending(c => c.OpenedAt).ToListAsync(ct);
        var exemptions = await db.Set<Exemption>().AsNoTracking().Where(e => e.CadreId == cadreId).OrderByDescending(e => e.AppliedAt).ToListAsync(ct);
        var clues = await db.Set<Clue>().AsNoTracking().Where(c => c.PersonId == cadreId).OrderByDescending(c => c.RegisteredAt).ToListAsync(ct);
        return new IntegrityFileView(cadre.Id, cadre.Name, cadre.UnitId, cadre.Post, cadre.IsLeadingCadre, today,
            cases.Select(c => Role(c, cadreId, today)).ToList(),
            cases.Where(c => c.CadreId == cadreId && c.Sanction is not null && c.SanctionFrom is not null)
                .Select(c => new SanctionView(c.Id, WireEnum.Name(c.Sanction!.Value), Accountability.Sanctions.Label(c.Sanction.Value),
                    c.SanctionFrom!.Value, c.SanctionUntil, c.SanctionUntil is null, c.SanctionInEffect(today), c.SanctionMonths,
                    c.SanctionActs is null ? [] : c.SanctionActList().Select(Accountability.Sanctions.Label).ToList()))
                .ToList(),
            exemptions.Select(ExemptionView.From).ToList(),
            clues.Select(c => new FileClueView(c.Id, c.UnitId, c.ProblemType, c.Content, c.Status.ToString().ToLowerInvariant(), Clue.Label(c.Status), Clue.Label(c.Result), c.RegisteredAt)).ToList(),
            await db.Units.AsNoTracking().Where(u => u.Id == cadre.UnitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "", Cadre.RankLabel(cadre.Rank));
    }

    private static FileCaseView Role(AccountabilityCase c, string cadreId, DateOnly today)
    {
        var view = AccountabilityCaseView.From(c, today);
        if (c.CadreId == cadreId)
        {
            return new("subject", "问责对象", view.FormLabels, view);
        }
        var (role, label, forms) = c.HeadId == cadreId ? ("head", "主要负责人（第一责任人）", c.HeadForms) : ("deputy", "分管领导（一岗双责）", c.DeputyForms);
        return new(role, label, AccountabilityForms.Split(forms).Select(AccountabilityForms.Label).ToList(), view);
    }
}
