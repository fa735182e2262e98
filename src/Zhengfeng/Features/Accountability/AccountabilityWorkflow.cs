using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Supervision;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Accountability;

public sealed record OpenAccountabilityRequest
{
    /// <summary>The subject is a unit (党组织) when set; otherwise <see cref="CadreId"/>.</summary>
    public string? UnitId { get; init; }
    public string? CadreId { get; init; }
    public string? ClueId { get; init; }
    public string? CaseId { get; init; }
    public string? NoticeId { get; init; }

    [Required(ErrorMessage = "请填写问责事实")]
    [StringLength(5000, MinimumLength = 2, ErrorMessage = "问责事实应为2至5000字")]
    public required string Facts { get; init; }
}

public sealed record DecideAccountabilityRequest
{
    [Required(ErrorMessage = "请填写问责决定")]
    [StringLength(5000, MinimumLength = 2, ErrorMessage = "问责决定应为2至5000字")]
    public required string Decision { get; init; }

    /// <summary>问责方式 for the subject.</summary>
    public IReadOnlyList<string>? Forms { get; init; }
    /// <summary>问责方式 for the unit's head (第一责任人), unit cases only.</summary>
    public IReadOnlyList<string>? HeadForms { get; init; }
    /// <summary>问责方式 for the unit's deputy in charge (分管领导), unit cases only.</summary>
    public IReadOnlyList<string>? DeputyForms { get; init; }

    /// <summary>政务处分: warning, demerit, majordemerit, demotion, dismissal, expulsion (cadre cases only).</summary>
    public string? Sanction { get; init; }
    /// <summary>yyyy-MM-dd; today (China time) when omitted.</summary>
    public string? SanctionFrom { get; init; }

    [Range(1, 4, ErrorMessage = "四种形态应为1至4")]
    public int Category { get; init; }
}

public sealed record CloseAccountabilityRequest
{
    [Required(ErrorMessage = "请填写不予问责的理由")]
    [StringLength(2000, MinimumLength = 2, ErrorMessage = "不予问责的理由应为2至2000字")]
    public required string Reason { get; init; }
}

public sealed record ApplyExemptionRequest
{
    [Required(ErrorMessage = "请指定申请容错免责的干部")]
    public required string CadreId { get; init; }
    public string? AccountabilityCaseId { get; init; }

    [Required(ErrorMessage = "请填写容错免责的事实")]
    [StringLength(5000, MinimumLength = 2, ErrorMessage = "事实应为2至5000字")]
    public required string Facts { get; init; }

    public bool PublicPurpose { get; init; }
    [StringLength(1000)] public string? PublicPurposeNote { get; init; }
    public bool NoPersonalGain { get; init; }
    [StringLength(1000)] public string? NoPersonalGainNote { get; init; }
    public bool NoBreachOfLaw { get; init; }
    [StringLength(1000)] public string? NoBreachOfLawNote { get; init; }
    public bool NoMajorLoss { get; init; }
    [StringLength(1000)] public string? NoMajorLossNote { get; init; }
    public bool TimelyRemedy { get; init; }
    [StringLength(1000)] public string? TimelyRemedyNote { get; init; }
    public bool ProcedureFollowed { get; init; }
    [StringLength(1000)] public string? ProcedureFollowedNote { get; init; }
}

public sealed record DecideExemptionRequest
{
    public bool Approve { get; init; }

    [Required(ErrorMessage = "请填写认定理由")]
    [StringLength(2000, MinimumLength = 2, ErrorMessage = "认定理由应为2至2000字")]
    public required string Reason { get; init; }
}

/// <summary>问责 and 容错免责: opening, investigating and deciding cases; applying for and deciding exemptions.</summary>
public sealed class AccountabilityWorkflow(AppDb db, TimeProvider clock, CurrentUser user)
{
    private DateTimeOffset Now => clock.GetUtcNow();

    public async Task<AccountabilityCase> OpenAsync(OpenAccountabilityRequest r, CancellationToken ct)
    {
        var unitId = Blank(r.UnitId);
        var cadreId = Blank(r.CadreId);
        if ((unitId is null) == (cadreId is null))
        {
            throw new RuleException("accountability.subject", "请指定问责对象：单位（unitId）或干部（cadreId），二者选其一", 400);
        }
        string? headId = null, deputyId = null;
        if (unitId is not null)
        {
            var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct)
                ?? throw new RuleException("accountability.unknown_unit", "问责单位不存在", 400);
            (headId, deputyId) = (unit.HeadId, unit.DeputyId);
        }
        else if (!await db.Cadres.AnyAsync(c => c.Id == cadreId, ct))
        {
            throw new RuleException("accountability.unknown_cadre", "问责干部不存在", 400);
        }
        var clueId = Blank(r.ClueId);
        if (clueId is not null)
        {
            var clue = await db.Set<Clue>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == clueId, ct)
                ?? throw new RuleException("accountability.unknown_clue", "问题线索不存在", 400);
            if (!clue.IsTrue)
            {
                throw new RuleException("accountability.clue_not_verified", $"问题线索状态为“{Clue.Label(clue.Status)}”，核实属实后才能据以问责", 409);
            }
        }
        var caseId = Blank(r.CaseId);
        if (caseId is not null && !await db.Set<Case>().AnyAsync(c => c.Id == caseId, ct))
        {
            throw new RuleException("accountability.unknown_case", "来源工单不存在", 400);
        }
        var noticeId = Blank(r.NoticeId);
        if (noticeId is not null && !await db.Set<SupervisionNotice>().AnyAsync(n => n.Id == noticeId, ct))
        {
            throw new RuleException("accountability.unknown_notice", "来源督办单不存在", 400);
        }
        var item = new AccountabilityCase
        {
            Id = Ids.New(), SubjectType = unitId is null ? AccountabilitySubject.Cadre : AccountabilitySubject.Unit, UnitId = unitId, CadreId = cadreId,
            HeadId = headId, DeputyId = deputyId, ClueId = clueId, CaseId = caseId, NoticeId = noticeId, Facts = r.Facts.Trim(),
            OpenedBy = user.Id, OpenedAt = Now,
        };
        db.Add(item);
        db.PendingAction = "accountability.open";
        await db.SaveChangesAsync(ct);
        return item;
    }

    public async Task<AccountabilityCase> InvestigateAsync(string id, CancellationToken ct)
    {
        var item = await LoadAsync(id, ct);
        item.Apply(AccountabilityAction.Investigate);
        db.PendingAction = "accountability.investigate";
        await db.SaveChangesAsync(ct);
        return item;
    }

    public async Task<AccountabilityCase> DecideAsync(string id, DecideAccountabilityRequest r, CancellationToken ct)
    {
        var item = await LoadAsync(id, ct);
        var forms = Parse(r.Forms, item.SubjectType);
        var headForms = Parse(r.HeadForms, AccountabilitySubject.Cadre);
        var deputyForms = Parse(r.DeputyForms, AccountabilitySubject.Cadre);
        if (item.SubjectType == AccountabilitySubject.Cadre && (headForms.Count > 0 || deputyForms.Count > 0))
        {
            throw new RuleException("accountability.leader_forms", "对干部的问责不涉及单位主要负责人和分管领导，请只填写 forms", 400);
        }
        if (headForms.Count > 0 && item.HeadId is null || deputyForms.Count > 0 && item.DeputyId is null)
        {
            throw new RuleException("accountability.no_leader", "立项时该单位未登记主要负责人或分管领导，不能对其问责", 400);
        }
        Sanction? sanction = null;
        DateOnly? from = null;
        if (!string.IsNullOrWhiteSpace(r.Sanction))
        {
            if (item.SubjectType != AccountabilitySubject.Cadre)
            {
                throw new RuleException("accountability.sanction_for_cadre", "政务处分只能给予公职人员，不能用于单位", 400);
            }
            if (!Sanctions.TryParse(r.Sanction, out var s))
            {
                throw new RuleException("accountability.bad_sanction", "政务处分应为 warning（警告）、demerit（记过）、majordemerit（记大过）、demotion（降级）、dismissal（撤职）或 expulsion（开除）", 400);
            }
            sanction = s;
            from = Now.CstDate();
            if (!string.IsNullOrWhiteSpace(r.SanctionFrom))
            {
                from = DateOnly.TryParseExact(r.SanctionFrom.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? d : throw new RuleException("accountability.bad_date", "处分生效日期应为 yyyy-MM-dd 格式的日期", 400);
            }
        }
        if (forms.Count == 0 && headForms.Count == 0 && deputyForms.Count == 0 && sanction is null)
        {
            throw new RuleException("accountability.no_form", "请至少选择一种问责方式或政务处分", 400);
        }
        item.Decide(r.Decision.Trim(), forms, headForms, deputyForms, sanction, from, r.Category, user.Id, Now);
        db.PendingAction = "accountability.decide";
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>不予问责.</summary>
    public async Task<AccountabilityCase> DismissAsync(string id, CloseAccountabilityRequest r, CancellationToken ct)
    {
        var item = await LoadAsync(id, ct);
        item.Close(AccountabilityAction.Dismiss, "不予问责：" + r.Reason.Trim(), null, user.Id, Now);
        db.PendingAction = "accountability.dismiss";
        await db.SaveChangesAsync(ct);
        return item;
    }

    public async Task<AccountabilityCase> LoadAsync(string id, CancellationToken ct)
        => await db.Set<AccountabilityCase>().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("问责案件");

    public Task<List<AccountabilityCase>> ListAsync(string? status, CancellationToken ct)
    {
        var q = db.Set<AccountabilityCase>().AsNoTracking();
        if (Enum.TryParse<AccountabilityStatus>(status, ignoreCase: true, out var s))
        {
            q = q.Where(c => c.Status == s);
        }
        return q.OrderByDescending(c => c.OpenedAt).Take(500).ToListAsync(ct);
    }

    public async Task<Exemption> ApplyExemptionAsync(ApplyExemptionRequest r, CancellationToken ct)
    {
        var cadre = await db.Cadres.AsNoTracking().FirstOrDefaultAsync(c => c.Id == r.CadreId, ct)
            ?? throw new RuleException("exemption.unknown_cadre", "干部不存在", 400);
        await user.EnsureCanSeeUnitAsync(cadre.UnitId, ct);
        var caseId = Blank(r.AccountabilityCaseId);
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
            PublicPurpose = r.PublicPurpose, PublicPurposeNote = Blank(r.PublicPurposeNote),
            NoPersonalGain = r.NoPersonalGain, NoPersonalGainNote = Blank(r.NoPersonalGainNote),
            NoBreachOfLaw = r.NoBreachOfLaw, NoBreachOfLawNote = Blank(r.NoBreachOfLawNote),
            NoMajorLoss = r.NoMajorLoss, NoMajorLossNote = Blank(r.NoMajorLossNote),
            TimelyRemedy = r.TimelyRemedy, TimelyRemedyNote = Blank(r.TimelyRemedyNote),
            ProcedureFollowed = r.ProcedureFollowed, ProcedureFollowedNote = Blank(r.ProcedureFollowedNote),
            AppliedBy = user.Id, AppliedAt = Now,
        };
        db.Add(e);
        db.PendingAction = "exemption.apply";
        await db.SaveChangesAsync(ct);
        return e;
    }

    /// <summary>认定: an approval needs all six conditions and closes the linked case as 免予问责 in the same save.</summary>
    public async Task<Exemption> DecideExemptionAsync(string id, DecideExemptionRequest r, CancellationToken ct)
    {
        var e = await LoadExemptionAsync(id, ct);
        e.Decide(r.Approve ? ExemptionAction.Approve : ExemptionAction.Refuse, r.Reason.Trim(), user.Id, Now);
        if (r.Approve && e.AccountabilityCaseId is not null)
        {
            var linked = await LoadAsync(e.AccountabilityCaseId, ct);
            linked.Close(AccountabilityAction.Exempt, "免予问责（容错免责）：" + r.Reason.Trim(), e.Id, user.Id, Now);
        }
        db.PendingAction = r.Approve ? "exemption.approve" : "exemption.refuse";
        await db.SaveChangesAsync(ct);
        return e;
    }

    public async Task<Exemption> LoadExemptionAsync(string id, CancellationToken ct)
        => await db.Set<Exemption>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("容错免责申请");

    private static List<AccountabilityForm> Parse(IReadOnlyList<string>? codes, AccountabilitySubject subject)
        => (codes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => AccountabilityForms.Parse(c, subject)).Distinct().ToList();

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
