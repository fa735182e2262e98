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

public enum AccountabilityAction { Investigate, Decide, Dismiss, Exempt }

/// <summary>问责方式 of 问责条例 Art. 8: the first three for 党组织, the last four for 领导干部.</summary>
public enum AccountabilityForm { Inspection, UnitCircular, Reorganisation, Circular, Admonition, OrganisationalHandling, Disciplinary }

/// <summary>政务处分 of 公职人员政务处分法 Art. 7.</summary>
public enum Sanction { Warning, Demerit, MajorDemerit, Demotion, Dismissal, Expulsion }

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
            (AccountabilitySubject.Unit, "admonition" or "organisational" or "disciplinary") =>
                new RuleException("accountability.form_for_cadre", $"“{Label(Parse(c, AccountabilitySubject.Cadre))}”是对领导干部的问责方式，不能用于党组织", 400),
            _ => new RuleException("accountability.bad_form", subject == AccountabilitySubject.Unit
                ? "对党组织的问责方式应为 inspection（检查）、circular（通报）或 reorganisation（改组）"
                : "对领导干部的问责方式应为 circular（通报）、admonition（诫勉）、organisational（组织调整或者组织处理）或 disciplinary（纪律处分）", 400),
        };
    }

    public static string Code(AccountabilityForm f) => f switch
    {
        AccountabilityForm.Inspection => "inspection",
        AccountabilityForm.UnitCircular or AccountabilityForm.Circular => "circular",
        AccountabilityForm.Reorganisation => "reorganisation",
        AccountabilityForm.Admonition => "admonition",
        AccountabilityForm.OrganisationalHandling => "organisational",
        _ => "disciplinary",
    };

    public static string Label(AccountabilityForm f) => f switch
    {
        AccountabilityForm.Inspection => "检查",
        AccountabilityForm.UnitCircular or AccountabilityForm.Circular => "通报",
        AccountabilityForm.Reorganisation => "改组",
        AccountabilityForm.Admonition => "诫勉",
        AccountabilityForm.OrganisationalHandling => "组织调整或者组织处理",
        _ => "纪律处分",
    };

    public static IReadOnlyList<AccountabilityForm> Split(string? stored)
        => string.IsNullOrEmpty(stored) ? [] : stored.Split(',').Select(Enum.Parse<AccountabilityForm>).ToList();

    public static string? Join(IReadOnlyCollection<AccountabilityForm> forms) => forms.Count == 0 ? null : string.Join(',', forms);
}

public static class Sanctions
{
    public static bool TryParse(string? code, out Sanction s) => Enum.TryParse(code, ignoreCase: true, out s) && Enum.IsDefined(s);

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
}

/// <summary>One accountability case against a unit (党组织) or a leading cadre, from opening to decision or closing.</summary>
public sealed class AccountabilityCase
{
    public static readonly IReadOnlyDictionary<(AccountabilityStatus, AccountabilityAction), AccountabilityStatus> Next =
        new Dictionary<(AccountabilityStatus, AccountabilityAction), AccountabilityStatus>
        {
            [(Opened, Investigate)] = Investigating,
            [(Investigating, AccountabilityAction.Decide)] = Decided,
            [(Opened, Dismiss)] = Closed,         // 不予问责
            [(Investigating, Dismiss)] = Closed,
            [(Opened, Exempt)] = Closed,          // 免予问责 after an approved 容错免责
            [(Investigating, Exempt)] = Closed,
        };

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
    public int? Category { get; private set; }
    public string? ClosedReason { get; private set; }
    public string? ExemptionId { get; private set; }
    public required string OpenedBy { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public int Version { get; private set; }

    public void Apply(AccountabilityAction action)
    {
        if (!Next.TryGetValue((Status, action), out var next))
        {
            throw new RuleException("accountability.illegal_transition", $"当前状态为“{Label(Status)}”，不能{Label(action)}", 409);
        }
        Status = next;
        Version++;
    }

    public void Decide(string decision, IReadOnlyCollection<AccountabilityForm> forms, IReadOnlyCollection<AccountabilityForm> headForms,
        IReadOnlyCollection<AccountabilityForm> deputyForms, Sanction? sanction, DateOnly? sanctionFrom, int category, string by, DateTimeOffset at)
    {
        Apply(AccountabilityAction.Decide);
        Decision = decision;
        Forms = AccountabilityForms.Join(forms);
        HeadForms = AccountabilityForms.Join(headForms);
        DeputyForms = AccountabilityForms.Join(deputyForms);
        Sanction = sanction;
        SanctionFrom = sanction is null ? null : sanctionFrom;
        SanctionUntil = sanction is { } s && sanctionFrom is { } from && Sanctions.Months(s) is { } months ? from.AddMonths(months) : null;
        Category = category;
        DecidedBy = by;
        DecidedAt = at;
    }

    public void Close(AccountabilityAction action, string reason, string? exemptionId, string by, DateTimeOffset at)
    {
        Apply(action);
        ClosedReason = reason;
        ExemptionId = exemptionId;
        DecidedBy = by;
        DecidedAt = at;
    }

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
        AccountabilityAction.Decide => "作出问责决定",
        Dismiss => "不予问责",
        _ => "免予问责",
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
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.SubjectType).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Sanction).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Facts).HasMaxLength(5000);
        b.Property(x => x.Decision).HasMaxLength(5000);
        b.Property(x => x.ClosedReason).HasMaxLength(2000);
        b.Property(x => x.Forms).HasMaxLength(200);
        b.Property(x => x.HeadForms).HasMaxLength(200);
        b.Property(x => x.DeputyForms).HasMaxLength(200);
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
