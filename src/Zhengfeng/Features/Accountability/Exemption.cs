using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;
using static Zhengfeng.Features.Accountability.ExemptionStatus;

namespace Zhengfeng.Features.Accountability;

// 容错免责 Exemption (三个区分开来); the six conditions must all hold before approval.

public enum ExemptionStatus { Applied, Approved, Refused }

public enum ExemptionAction { Approve, Refuse }

/// <summary>An application to tolerate a cadre's error; an approval closes the linked accountability case (免予问责).</summary>
public sealed class Exemption
{
    public static readonly StateMachine<ExemptionStatus, ExemptionAction> Workflow = new("exemption",
        new Dictionary<(ExemptionStatus, ExemptionAction), ExemptionStatus>
        {
            [(Applied, ExemptionAction.Approve)] = Approved,
            [(Applied, ExemptionAction.Refuse)] = Refused,
        },
        Label, Label);

    public required string Id { get; init; }
    public required string CadreId { get; init; }
    public string? AccountabilityCaseId { get; init; }
    public required string Facts { get; init; }
    /// <summary>出于推进改革或公共利益（公心）.</summary>
    public bool PublicPurpose { get; init; }
    public string? PublicPurposeNote { get; init; }
    /// <summary>未谋取私利.</summary>
    public bool NoPersonalGain { get; init; }
    public string? NoPersonalGainNote { get; init; }
    /// <summary>未违反法律法规和党纪的禁止性规定.</summary>
    public bool NoBreachOfLaw { get; init; }
    public string? NoBreachOfLawNote { get; init; }
    /// <summary>未造成重大损失或恶劣影响.</summary>
    public bool NoMajorLoss { get; init; }
    public string? NoMajorLossNote { get; init; }
    /// <summary>及时纠错、积极挽回损失或消除影响.</summary>
    public bool TimelyRemedy { get; init; }
    public string? TimelyRemedyNote { get; init; }
    /// <summary>履行了决策程序（民主集中制）.</summary>
    public bool ProcedureFollowed { get; init; }
    public string? ProcedureFollowedNote { get; init; }
    public ExemptionStatus Status { get; private set; } = Applied;
    public string? DecisionReason { get; private set; }
    /// <summary>The criteria the decider found not met (keys of <see cref="CriterionKeys"/>, comma-joined), on a refusal.</summary>
    public string? RefusedCriteria { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public required string AppliedBy { get; init; }
    public DateTimeOffset AppliedAt { get; init; }
    public int Version { get; private set; }

    /// <summary>The criteria that do not hold, by their Chinese names.</summary>
    public IReadOnlyList<string> FailingCriteria()
    {
        var failing = new List<string>();
        foreach (var (holds, name) in Criteria())
        {
            if (!holds)
            {
                failing.Add(name);
            }
        }
        return failing;
    }

    /// <summary>The API keys of the six criteria, in the order of <see cref="Criteria"/>.</summary>
    public static readonly IReadOnlyList<string> CriterionKeys =
        ["publicPurpose", "noPersonalGain", "noBreachOfLaw", "noMajorLoss", "timelyRemedy", "procedureFollowed"];

    public static string CriterionName(string key) => key switch
    {
        "publicPurpose" => "出于推进改革或公共利益",
        "noPersonalGain" => "未谋取私利",
        "noBreachOfLaw" => "未违反法律法规和党纪",
        "noMajorLoss" => "未造成重大损失或恶劣影响",
        "timelyRemedy" => "及时纠错挽回损失",
        "procedureFollowed" => "履行了决策程序",
        _ => throw new RuleException("exemption.bad_criterion", $"“{key}”不是容错免责条件，应为 {string.Join("、", CriterionKeys)} 之一", 400),
    };

    /// <summary>The criteria named in a refusal, by their Chinese names.</summary>
    public IReadOnlyList<string> RefusedCriterionNames()
        => string.IsNullOrEmpty(RefusedCriteria) ? [] : RefusedCriteria.Split(',').Select(CriterionName).ToList();

    public IEnumerable<(bool Holds, string Name)> Criteria() =>
    [
        (PublicPurpose, "出于推进改革或公共利益"),
        (NoPersonalGain, "未谋取私利"),
        (NoBreachOfLaw, "未违反法律法规和党纪"),
        (NoMajorLoss, "未造成重大损失或恶劣影响"),
        (TimelyRemedy, "及时纠错挽回损失"),
        (ProcedureFollowed, "履行了决策程序"),
    ];

    /// <summary>予以容错免责: only when all six conditions hold, by the applicant's answers and the decider's findings.</summary>
    /// <param name="foundFailing">Keys of criteria the decider finds not met, beyond those the applicant answered "no".</param>
    public void Approve(string reason, IReadOnlyCollection<string> foundFailing, string by, DateTimeOffset at)
    {
        var next = Workflow.Step(Status, ExemptionAction.Approve);
        var failing = Failing(foundFailing);
        if (failing.Count > 0)
        {
            throw new RuleException("exemption.criteria_not_met", $"不符合容错免责条件：{string.Join("、", failing.Select(CriterionName))}", 422);
        }
        Decided(next, reason, null, by, at);
    }

    /// <summary>不予容错免责: names the conditions that fail, so a refusal always says why.</summary>
    public void Refuse(string reason, IReadOnlyCollection<string> foundFailing, string by, DateTimeOffset at)
    {
        var next = Workflow.Step(Status, ExemptionAction.Refuse);
        var failing = Failing(foundFailing);
        if (failing.Count == 0)
        {
            throw new RuleException("exemption.refusal_without_criteria", "不予容错免责时，请指出不符合的容错免责条件", 400);
        }
        Decided(next, reason, string.Join(',', failing), by, at);
    }

    private List<string> Failing(IReadOnlyCollection<string> foundFailing)
    {
        foreach (var key in foundFailing)
        {
            _ = CriterionName(key);
        }
        return CriterionKeys.Where((key, i) => !Criteria().ElementAt(i).Holds || foundFailing.Contains(key)).ToList();
    }

    private void Decided(ExemptionStatus next, string reason, string? refusedCriteria, string by, DateTimeOffset at)
    {
        Status = next;
        RefusedCriteria = refusedCriteria;
        DecisionReason = reason;
        DecidedBy = by;
        DecidedAt = at;
        Version++;
    }

    public static string Label(ExemptionStatus s) => s switch
    {
        Applied => "待认定",
        Approved => "予以容错免责",
        _ => "不予容错免责",
    };

    public static string Label(ExemptionAction a) => a == ExemptionAction.Approve ? "批准" : "不予批准";
}

internal sealed class ExemptionConfiguration : IEntityTypeConfiguration<Exemption>
{
    public void Configure(EntityTypeBuilder<Exemption> b)
    {
        b.ToTable("Exemptions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Facts).HasMaxLength(5000);
        b.Property(x => x.DecisionReason).HasMaxLength(2000);
        b.Property(x => x.RefusedCriteria).HasMaxLength(200);
        foreach (var note in new[] { nameof(Exemption.PublicPurposeNote), nameof(Exemption.NoPersonalGainNote), nameof(Exemption.NoBreachOfLawNote),
            nameof(Exemption.NoMajorLossNote), nameof(Exemption.TimelyRemedyNote), nameof(Exemption.ProcedureFollowedNote) })
        {
            b.Property(note).HasMaxLength(1000);
        }
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.CadreId);
        b.HasIndex(x => x.AccountabilityCaseId);
        b.HasOne<Cadre>().WithMany().HasForeignKey(x => x.CadreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AccountabilityCase>().WithMany().HasForeignKey(x => x.AccountabilityCaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
