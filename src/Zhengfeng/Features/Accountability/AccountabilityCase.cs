using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;
using static Zhengfeng.Features.Accountability.AccountabilityAction;
using static Zhengfeng.Features.Accountability.AccountabilityStatus;

namespace Zhengfeng.Features.Accountability;

// 问责 Accountability (问责条例 2019) · 问责方式 Form (Art. 8) · 政务处分 Sanction (政务处分法 Art. 7–8)
// 四种形态 Category 1–4 · 不予问责 Dismiss · 免予问责 Exempt (容错免责) · 一把手 Head · 分管领导 Deputy (一岗双责)

public enum AccountabilitySubject { Unit, Cadre }

public enum AccountabilityStatus { Opened, Investigating, Decided, Closed }

public enum AccountabilityAction { Investigate, RecordFindings, Decide, Dismiss, Exempt, Answer, Assess }

/// <summary>
/// 问责方式 of 问责条例 Art. 8: the first three for 党组织, the next four for 领导干部; then the lighter measures of the first of the
/// 四种形态 (谈话提醒、批评教育、责令检查、约谈、函询), open to every cadre.
/// </summary>
public enum AccountabilityForm
{
    Inspection, UnitCircular, Reorganisation, Circular, Admonition, OrganisationalHandling, Disciplinary,
    Reminder, Education, OrderedReview, Interview, Inquiry,
}

/// <summary>How the office judged a written answer to 函询 or a written 检查: accepted and closed, or not accepted.</summary>
public enum AnswerAssessment { Accepted, Rejected }

/// <summary>政务处分 of 公职人员政务处分法 Art. 7.</summary>
public enum Sanction
{
    Warning,
    Demerit,
    [JsonStringEnumMemberName("majordemerit")] MajorDemerit,
    Demotion,
    Dismissal,
    Expulsion,
}

public static class AccountabilityForms
{
    /// <summary>Parses an API code; "circular" (通报) exists for both subjects and means the one that fits.</summary>
    public static AccountabilityForm Parse(string code, AccountabilitySubject subject)
    {
        var c = code.Trim().ToLowerInvariant();
        AccountabilityForm? form = (subject, c) switch
        {
            (AccountabilitySubject.Unit, "inspection") => AccountabilityForm.Inspection,
            (AccountabilitySubject.Unit, "circular") => AccountabilityForm.UnitCircular,
            (AccountabilitySubject.Unit, "reorganisation") => AccountabilityForm.Reorganisation,
            (AccountabilitySubject.Cadre, "circular") => AccountabilityForm.Circular,
            (AccountabilitySubject.Cadre, "admonition") => AccountabilityForm.Admonition,
            (AccountabilitySubject.Cadre, "organisational") => AccountabilityForm.OrganisationalHandling,
            (AccountabilitySubject.Cadre, "disciplinary") => AccountabilityForm.Disciplinary,
            (AccountabilitySubject.Cadre, "reminder") => AccountabilityForm.Reminder,
            (AccountabilitySubject.Cadre, "education") => AccountabilityForm.Education,
            (AccountabilitySubject.Cadre, "review") => AccountabilityForm.OrderedReview,
            (AccountabilitySubject.Cadre, "interview") => AccountabilityForm.Interview,
            (AccountabilitySubject.Cadre, "inquiry") => AccountabilityForm.Inquiry,
            _ => null,
        };
        if (form is not null)
        {
            return form.Value;
        }
        throw (subject, c) switch
        {
            (AccountabilitySubject.Cadre, "inspection" or "reorganisation") =>
                new RuleException("accountability.form_for_unit", $"“{(c == "inspection" ? "检查" : "改组")}”是对党组织的问责方式，不能用于领导干部", 400),
            (AccountabilitySubject.Unit, "admonition" or "organisational" or "disciplinary" or "reminder" or "education" or "review" or "interview" or "inquiry") =>
                new RuleException("accountability.form_for_cadre",
                    $"“{Label(Parse(c, AccountabilitySubject.Cadre))}”是对{(IsLight(Parse(c, AccountabilitySubject.Cadre)) ? "干部" : "领导干部")}的问责方式，不能用于党组织", 400),
            _ => new RuleException("accountability.bad_form", subject == AccountabilitySubject.Unit
                ? "对党组织的问责方式应为 inspection（检查）、circular（通报）或 reorganisation（改组）"
                : "对干部的问责方式应为 circular（通报）、admonition（诫勉）、organisational（组织调整或者组织处理）、disciplinary（纪律处分），"
                    + "或第一种形态的 reminder（谈话提醒）、education（批评教育）、review（责令检查）、interview（约谈）、inquiry（函询）", 400),
        };
    }

    public static string Code(AccountabilityForm f) => f switch
    {
        AccountabilityForm.Inspection => "inspection",
        AccountabilityForm.UnitCircular or AccountabilityForm.Circular => "circular",
        AccountabilityForm.Reorganisation => "reorganisation",
        AccountabilityForm.Admonition => "admonition",
        AccountabilityForm.OrganisationalHandling => "organisational",
        AccountabilityForm.Disciplinary => "disciplinary",
        AccountabilityForm.Reminder => "reminder",
        AccountabilityForm.Education => "education",
        AccountabilityForm.OrderedReview => "review",
        AccountabilityForm.Interview => "interview",
        _ => "inquiry",
    };

    public static string Label(AccountabilityForm f) => f switch
    {
        AccountabilityForm.Inspection => "检查",
        AccountabilityForm.UnitCircular or AccountabilityForm.Circular => "通报",
        AccountabilityForm.Reorganisation => "改组",
        AccountabilityForm.Admonition => "诫勉",
        AccountabilityForm.OrganisationalHandling => "组织调整或者组织处理",
        AccountabilityForm.Disciplinary => "纪律处分",
        AccountabilityForm.Reminder => "谈话提醒",
        AccountabilityForm.Education => "批评教育",
        AccountabilityForm.OrderedReview => "责令检查",
        AccountabilityForm.Interview => "约谈",
        _ => "函询",
    };

    /// <summary>The lighter measures of the first of the 四种形态: open to every cadre, not only to 领导干部.</summary>
    public static bool IsLight(AccountabilityForm f) => f >= AccountabilityForm.Reminder;

    /// <summary>函询 and 责令检查 call for a written answer from the cadre (说明材料 or 书面检查) that the office then assesses.</summary>
    public static bool NeedsAnswer(AccountabilityForm f) => f is AccountabilityForm.Inquiry or AccountabilityForm.OrderedReview;

    public static IReadOnlyList<AccountabilityForm> Split(string? stored)
        => string.IsNullOrEmpty(stored) ? [] : stored.Split(',').Select(Enum.Parse<AccountabilityForm>).ToList();

    public static string? Join(IReadOnlyCollection<AccountabilityForm> forms) => forms.Count == 0 ? null : string.Join(',', forms);
}

public static class Sanctions
{
    /// <summary>处分期间 (Art. 8): months from the decision; null for 开除, which has no end.</summary>
    public static int? Months(Sanction s) => s switch
    {
        Sanction.Warning => 6,
        Sanction.Demerit => 12,
        Sanction.MajorDemerit => 18,
        Sanction.Demotion or Sanction.Dismissal => 24,
        _ => null,
    };

    public static string Label(Sanction s) => s switch
    {
        Sanction.Warning => "警告",
        Sanction.Demerit => "记过",
        Sanction.MajorDemerit => "记大过",
        Sanction.Demotion => "降级",
        Sanction.Dismissal => "撤职",
        _ => "开除",
    };

    /// <summary>Art. 15: a combined period of several equal sanctions never exceeds 48 months.</summary>
    public const int MaxCombinedMonths = 48;

    /// <summary>Art. 15 combines equal sanctions "撤职以下" (read here as 警告 to 降级); 撤职 and 开除 are executed once.</summary>
    public static bool Combinable(Sanction s) => s < Sanction.Dismissal;

    /// <summary>
    /// 政务处分法 Art. 15: each act gets its own sanction; of different kinds the heaviest is executed; of several equal
    /// kinds that can be combined the decider fixes a period from one period up to their sum (以上/以下 include the
    /// bound), never over 48 months. Returns the executed sanction and its period in months (null for 开除).
    /// </summary>
    public static (Sanction Executed, int? Months) Combine(IReadOnlyList<Sanction> acts, int? combinedMonths)
    {
        if (acts.Count == 0)
        {
            throw new ArgumentException("At least one act is needed", nameof(acts));
        }
        var heaviest = acts.Max();
        if (acts.Count == 1 || acts.Distinct().Count() > 1 || !Combinable(heaviest))
        {
            if (combinedMonths is not null)
            {
                throw new RuleException("accountability.combined_not_allowed", acts.Count == 1
                    ? "只有一项政务处分，不需要合并确定处分期间"
                    : acts.Distinct().Count() > 1
                        ? $"应当给予不同种类的政务处分，执行其中最重的“{Label(heaviest)}”，不能另定处分期间（政务处分法第十五条）"
                        : $"多个“{Label(heaviest)}”处分不适用合并处分期间，只有撤职以下的相同种类处分可以合并（政务处分法第十五条）", 400);
            }
            return (heaviest, Months(heaviest));
        }
        var (min, max) = CombinedRange(heaviest, acts.Count);
        if (combinedMonths is not { } months)
        {
            throw new RuleException("accountability.combined_missing",
                $"{acts.Count}项行为均应给予“{Label(heaviest)}”，请在{min}至{max}个月之间确定合并后的处分期间（政务处分法第十五条）", 400);
        }
        if (months < min || months > max)
        {
            throw new RuleException("accountability.combined_out_of_range",
                $"合并后的处分期间应在{min}至{max}个月之间：不少于一个处分期间，不超过各处分期间之和，最长不得超过{MaxCombinedMonths}个月（政务处分法第十五条）", 400);
        }
        return (heaviest, months);
    }

    /// <summary>The bounds of a combined period for <paramref name="count"/> equal sanctions.</summary>
    public static (int Min, int Max) CombinedRange(Sanction s, int count)
    {
        var one = Months(s) ?? 0;
        return (one, Math.Min(one * count, MaxCombinedMonths));
    }
}

/// <summary>One accountability case against a unit (党组织) or a leading cadre, from opening to decision or closing.</summary>
public sealed class AccountabilityCase
{
    public static readonly StateMachine<AccountabilityStatus, AccountabilityAction> Workflow = new("accountability",
        new Dictionary<(AccountabilityStatus, AccountabilityAction), AccountabilityStatus>
        {
            [(Opened, Investigate)] = Investigating,
            [(Investigating, AccountabilityAction.RecordFindings)] = Investigating,   // may be revised until the decision
            [(Investigating, AccountabilityAction.Decide)] = Decided,
            [(Opened, AccountabilityAction.Dismiss)] = Closed,         // 不予问责
            [(Investigating, AccountabilityAction.Dismiss)] = Closed,
            [(Opened, AccountabilityAction.Exempt)] = Closed,          // 免予问责 after an approved 容错免责
            [(Investigating, AccountabilityAction.Exempt)] = Closed,
            [(Decided, AccountabilityAction.Answer)] = Decided,                            // 函询的说明材料 or 书面检查, received after the decision
            [(Decided, Assess)] = Decided,                              // and judged
        },
        Label, Label);

    public required string Id { get; init; }
    public AccountabilitySubject SubjectType { get; init; }
    public string? UnitId { get; init; }
    public string? CadreId { get; init; }
    /// <summary>第一责任人: the unit's head when the case was opened.</summary>
    public string? HeadId { get; init; }
    /// <summary>一岗双责: the unit's deputy in charge when the case was opened.</summary>
    public string? DeputyId { get; init; }
    public string? ClueId { get; init; }
    public string? CaseId { get; init; }
    public string? NoticeId { get; init; }
    /// <summary>The 专项整治 this record belongs to, if any.</summary>
    public string? CampaignId { get; private set; }
    public required string Facts { get; init; }
    public AccountabilityStatus Status { get; private set; } = Opened;
    public string? Decision { get; private set; }
    public string? Forms { get; private set; }
    public string? HeadForms { get; private set; }
    public string? DeputyForms { get; private set; }
    public Sanction? Sanction { get; private set; }
    public DateOnly? SanctionFrom { get; private set; }
    /// <summary>The first day the sanction no longer applies; null for 开除 (permanent) or no sanction.</summary>
    public DateOnly? SanctionUntil { get; private set; }
    /// <summary>The sanction each act called for, comma-joined, when the decision covers several acts (Art. 15).</summary>
    public string? SanctionActs { get; private set; }
    /// <summary>处分期间 in months as executed; null for 开除 or no sanction.</summary>
    public int? SanctionMonths { get; private set; }
    /// <summary>调查认定的事实, recorded while investigating.</summary>
    public string? Findings { get; private set; }
    public DateTimeOffset? FindingsAt { get; private set; }
    public int? Category { get; private set; }
    public string? ClosedReason { get; private set; }
    public string? ExemptionId { get; private set; }
    public required string OpenedBy { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    /// <summary>The last day for the written answer to 函询 or 责令检查 (15 working days from the decision).</summary>
    public DateOnly? AnswerDueOn { get; private set; }
    /// <summary>The cadre's written answer: 函询的说明材料 or the 书面检查.</summary>
    public string? Answer { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public AnswerAssessment? Assessment { get; private set; }
    public string? AssessmentNote { get; private set; }
    public DateTimeOffset? AssessedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>Puts the record under a campaign (专项整治); null leaves it as it is.</summary>
    public void JoinCampaign(string? campaignId)
    {
        if (!string.IsNullOrWhiteSpace(campaignId))
        {
            CampaignId = campaignId;
        }
    }

    /// <summary>开始调查.</summary>
    public void StartInvestigation() => Step(Investigate);

    /// <summary>调查认定的事实; recorded again replaces the earlier text.</summary>
    public void RecordFindings(string findings, DateTimeOffset at)
    {
        Step(AccountabilityAction.RecordFindings);
        Findings = findings;
        FindingsAt = at;
    }

    /// <summary>
    /// 作出问责决定 with the forms for the subject (and, on a unit, for its head and deputy) and, on a cadre, the sanction
    /// each act calls for, combined by 政务处分法 Art. 15 and running from <paramref name="sanctionFrom"/>.
    /// </summary>
    public void Decide(string decision, IReadOnlyCollection<AccountabilityForm> forms, IReadOnlyCollection<AccountabilityForm> headForms,
        IReadOnlyCollection<AccountabilityForm> deputyForms, IReadOnlyList<Sanction> sanctionActs, int? combinedMonths, DateOnly sanctionFrom,
        int category, string by, DateTimeOffset at)
    {
        var next = Workflow.Step(Status, AccountabilityAction.Decide);
        if (SubjectType == AccountabilitySubject.Cadre && (headForms.Count > 0 || deputyForms.Count > 0))
        {
            throw new RuleException("accountability.leader_forms", "对干部的问责不涉及单位主要负责人和分管领导，请只填写 forms", 400);
        }
        if (headForms.Count > 0 && HeadId is null || deputyForms.Count > 0 && DeputyId is null)
        {
            throw new RuleException("accountability.no_leader", "立项时该单位未登记主要负责人或分管领导，不能对其问责", 400);
        }
        if (sanctionActs.Count > 0 && SubjectType != AccountabilitySubject.Cadre)
        {
            throw new RuleException("accountability.sanction_for_cadre", "政务处分只能给予公职人员，不能用于单位", 400);
        }
        if (sanctionActs.Count == 0 && combinedMonths is not null)
        {
            throw new RuleException("accountability.combined_not_allowed", "未给予政务处分，不能确定处分期间", 400);
        }
        if (forms.Count == 0 && headForms.Count == 0 && deputyForms.Count == 0 && sanctionActs.Count == 0)
        {
            throw new RuleException("accountability.no_form", "请至少选择一种问责方式或政务处分", 400);
        }
        if (sanctionActs.Count == 0 && category != 1 && forms.Concat(headForms).Concat(deputyForms).All(AccountabilityForms.IsLight))
        {
            throw new RuleException("accountability.light_category", "谈话提醒、批评教育、责令检查、约谈、函询属于第一种形态，四种形态应选第一种", 400);
        }
        (Sanction Executed, int? Months)? sanction = sanctionActs.Count == 0 ? null : Sanctions.Combine(sanctionActs, combinedMonths);
        Status = next;
        Version++;
        Decision = decision;
        Forms = AccountabilityForms.Join(forms);
        HeadForms = AccountabilityForms.Join(headForms);
        DeputyForms = AccountabilityForms.Join(deputyForms);
        Sanction = sanction?.Executed;
        SanctionActs = sanctionActs.Count > 1 ? string.Join(',', sanctionActs) : null;
        SanctionMonths = sanction?.Months;
        SanctionFrom = sanction is null ? null : sanctionFrom;
        SanctionUntil = SanctionFrom is { } from && SanctionMonths is { } months ? from.AddMonths(months) : null;
        Category = category;
        DecidedBy = by;
        DecidedAt = at;
    }

    /// <summary>The forms of the decision that call for a written answer (函询, 责令检查), on the subject, the head or the deputy.</summary>
    public IReadOnlyList<AccountabilityForm> AnswerForms()
        => AccountabilityForms.Split(Forms).Concat(AccountabilityForms.Split(HeadForms)).Concat(AccountabilityForms.Split(DeputyForms))
            .Where(AccountabilityForms.NeedsAnswer).Distinct().ToList();

    /// <summary>Sets the last day for the written answer; called with the decision when <see cref="AnswerForms"/> is not empty.</summary>
    public void ExpectAnswerBy(DateOnly due) => AnswerDueOn = due;

    /// <summary>收到说明材料 / 书面检查: may be replaced until it is assessed.</summary>
    public void RecordAnswer(string answer, DateTimeOffset at)
    {
        Workflow.Step(Status, AccountabilityAction.Answer);
        EnsureAnswerExpected();
        if (Assessment is not null)
        {
            throw new RuleException("accountability.answer_assessed", "书面说明已经评估，不能再修改", 409);
        }
        Step(AccountabilityAction.Answer);
        Answer = answer;
        AnsweredAt = at;
    }

    /// <summary>对说明材料的评估: 予以采信、了结 or 不予采信 (the office then opens a further case or check).</summary>
    public void AssessAnswer(AnswerAssessment assessment, string note, DateTimeOffset at)
    {
        Workflow.Step(Status, Assess);
        EnsureAnswerExpected();
        if (Answer is null)
        {
            throw new RuleException("accountability.no_answer", "尚未收到书面说明，不能评估", 409);
        }
        if (Assessment is not null)
        {
            throw new RuleException("accountability.answer_assessed", "书面说明已经评估", 409);
        }
        Step(Assess);
        Assessment = assessment;
        AssessmentNote = note;
        AssessedAt = at;
    }

    private void EnsureAnswerExpected()
    {
        if (AnswerForms().Count == 0)
        {
            throw new RuleException("accountability.no_answer_expected", "本案问责方式不含函询或责令检查，无需书面说明", 409);
        }
    }

    public static string Label(AnswerAssessment a) => a == AnswerAssessment.Accepted ? "予以采信，了结" : "不予采信，需进一步处理";

    /// <summary>不予问责: the case closes without a decision.</summary>
    public void Dismiss(string reason, string by, DateTimeOffset at) => Close(AccountabilityAction.Dismiss, "不予问责：" + reason, null, by, at);

    /// <summary>免予问责: an approved 容错免责 closes the case it is linked to.</summary>
    public void Exempt(string exemptionId, string reason, string by, DateTimeOffset at)
        => Close(AccountabilityAction.Exempt, "免予问责（容错免责）：" + reason, exemptionId, by, at);

    private void Close(AccountabilityAction action, string reason, string? exemptionId, string by, DateTimeOffset at)
    {
        Step(action);
        ClosedReason = reason;
        ExemptionId = exemptionId;
        DecidedBy = by;
        DecidedAt = at;
    }

    private void Step(AccountabilityAction action)
    {
        Status = Workflow.Step(Status, action);
        Version++;
    }

    public IReadOnlyList<Sanction> SanctionActList()
        => SanctionActs is { Length: > 0 } acts ? acts.Split(',').Select(Enum.Parse<Sanction>).ToList() : Sanction is { } s ? [s] : [];

    public bool SanctionInEffect(DateOnly today)
        => Sanction is not null && SanctionFrom <= today && (SanctionUntil is null || today < SanctionUntil);

    public static string Label(AccountabilityStatus s) => s switch
    {
        Opened => "已立项",
        Investigating => "调查中",
        Decided => "已作出问责决定",
        _ => "已结案（未问责）",
    };

    public static string Label(AccountabilityAction a) => a switch
    {
        Investigate => "开始调查",
        AccountabilityAction.RecordFindings => "记录调查事实",
        AccountabilityAction.Decide => "作出问责决定",
        AccountabilityAction.Dismiss => "不予问责",
        AccountabilityAction.Exempt => "免予问责",
        AccountabilityAction.Answer => "登记书面说明",
        _ => "评估书面说明",
    };

    public static string CategoryLabel(int? c) => c switch
    {
        1 => "第一种形态",
        2 => "第二种形态",
        3 => "第三种形态",
        4 => "第四种形态",
        _ => "",
    };
}

internal sealed class AccountabilityCaseConfiguration : IEntityTypeConfiguration<AccountabilityCase>
{
    public void Configure(EntityTypeBuilder<AccountabilityCase> b)
    {
        b.ToTable("AccountabilityCases");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.CampaignId);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.SubjectType).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Sanction).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Facts).HasMaxLength(5000);
        b.Property(x => x.Decision).HasMaxLength(5000);
        b.Property(x => x.ClosedReason).HasMaxLength(2000);
        b.Property(x => x.Findings).HasMaxLength(5000);
        b.Property(x => x.SanctionActs).HasMaxLength(200);
        b.Property(x => x.Forms).HasMaxLength(200);
        b.Property(x => x.HeadForms).HasMaxLength(200);
        b.Property(x => x.DeputyForms).HasMaxLength(200);
        b.Property(x => x.Answer).HasMaxLength(10000);
        b.Property(x => x.AssessmentNote).HasMaxLength(2000);
        b.Property(x => x.Assessment).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.Status, x.OpenedAt });
        b.HasIndex(x => x.UnitId);
        b.HasIndex(x => x.CadreId);
        b.HasIndex(x => x.HeadId);
        b.HasIndex(x => x.DeputyId);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Cadre>().WithMany().HasForeignKey(x => x.CadreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Cadre>().WithMany().HasForeignKey(x => x.HeadId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Cadre>().WithMany().HasForeignKey(x => x.DeputyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Clue>().WithMany().HasForeignKey(x => x.ClueId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A sanction's period for display: from the decision, for its months, the first day it no longer binds.</summary>
public sealed record SanctionPeriod(DateOnly From, DateOnly? Until, int? Months, bool InEffect);
