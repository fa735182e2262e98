using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;
using static Zhengfeng.Features.Evaluations.CampaignStatus;

namespace Zhengfeng.Features.Evaluations;

// 评议 EvaluationCampaign · 评议票 Ballot (one-time code) · 评议群体 RaterGroup
// 人大代表/政协委员 Deputies · 企业 Firms · 行风监督员 Monitors · 群众 Public · 服务对象 Clients
// 满意 Satisfied · 基本满意 Basic · 不满意 Unsatisfied

public enum CampaignStatus { Draft, Open, Closed }

public enum CampaignAction { Open, Close }

public enum RaterGroup { Deputies, Firms, Monitors, Public, Clients }

public enum SatisfactionLevel { Satisfied, Basic, Unsatisfied }

/// <summary>An annual 评议 of units by outside raters, who vote with one-time ballot codes.</summary>
public sealed class EvaluationCampaign
{
    public static readonly StateMachine<CampaignStatus, CampaignAction> Workflow = new("evaluation",
        new Dictionary<(CampaignStatus, CampaignAction), CampaignStatus>
        {
            [(Draft, CampaignAction.Open)] = CampaignStatus.Open,
            [(CampaignStatus.Open, CampaignAction.Close)] = Closed,   // results and consequences are computed here
        },
        Label, Label);

    public required string Id { get; init; }
    public required string Name { get; init; }
    public int Year { get; init; }
    public CampaignStatus Status { get; private set; } = Draft;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? OpenedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>开始评议: ballots can be cast from now on.</summary>
    public void Open(DateTimeOffset at)
    {
        Status = Workflow.Step(Status, CampaignAction.Open);
        OpenedAt = at;
        Version++;
    }

    /// <summary>结束评议: no more ballots; the workflow fixes the results in the same save.</summary>
    public void Close(DateTimeOffset at)
    {
        Status = Workflow.Step(Status, CampaignAction.Close);
        ClosedAt = at;
        Version++;
    }

    /// <summary>Codes can be printed ahead of the opening, but not once the results are fixed.</summary>
    public void EnsureBallotsMayBeIssued()
    {
        if (Status == Closed)
        {
            throw new RuleException("evaluation.closed", "评议已结束，不能再发放评议票", 409);
        }
    }

    public void EnsureOpenForVoting()
    {
        if (Status != CampaignStatus.Open)
        {
            throw new RuleException("evaluation.not_open", Status == Closed ? "评议已结束，不能再投票" : "评议尚未开始", 409);
        }
    }

    /// <summary>Results exist only once the campaign closed; before that a partial score would leak how the vote goes.</summary>
    public void EnsureResultsFixed()
    {
        if (Status != Closed)
        {
            throw new RuleException("evaluation.not_closed", "评议结束后才能查看结果", 409);
        }
    }

    public static string Label(CampaignStatus s) => s switch
    {
        Draft => "草稿",
        CampaignStatus.Open => "评议中",
        _ => "已结束",
    };

    public static string Label(CampaignAction a) => a == CampaignAction.Open ? "开始评议" : "结束评议";

    public static string Label(RaterGroup g) => g switch
    {
        RaterGroup.Deputies => "人大代表、政协委员",
        RaterGroup.Firms => "企业",
        RaterGroup.Monitors => "行风监督员",
        RaterGroup.Public => "群众",
        _ => "服务对象",
    };

    public static string Label(SatisfactionLevel l) => l switch
    {
        SatisfactionLevel.Satisfied => "满意",
        SatisfactionLevel.Basic => "基本满意",
        _ => "不满意",
    };

    /// <summary>满意 100, 基本满意 60, 不满意 0.</summary>
    public static int Points(SatisfactionLevel l) => l switch
    {
        SatisfactionLevel.Satisfied => 100,
        SatisfactionLevel.Basic => 60,
        _ => 0,
    };
}

/// <summary>A unit being evaluated in a campaign.</summary>
public sealed class CampaignUnit
{
    public required string Id { get; init; }
    public required string CampaignId { get; init; }
    public required string UnitId { get; init; }
}

/// <summary>A rater group and its weight in the unit's score.</summary>
public sealed class CampaignGroup
{
    public required string Id { get; init; }
    public required string CampaignId { get; init; }
    public RaterGroup Group { get; init; }
    public int Weight { get; init; }
}

/// <summary>A one-time ballot. Only the SHA-256 of its code is stored; the code itself is shown once when issued.</summary>
public sealed class Ballot
{
    public required string Id { get; init; }
    public required string CampaignId { get; init; }
    public RaterGroup Group { get; init; }
    public required string CodeHash { get; init; }
    public DateTimeOffset IssuedAt { get; init; }
    public DateTimeOffset? CastAt { get; private set; }
    public int Version { get; private set; }

    public void Cast(DateTimeOffset now)
    {
        if (CastAt is not null)
        {
            throw new RuleException("ballot.used", "此评议码已使用，每个评议码只能投票一次", 409);
        }
        CastAt = now;
        Version++;
    }
}

public sealed class BallotRating
{
    public required string Id { get; init; }
    public required string BallotId { get; init; }
    public required string CampaignId { get; init; }
    public required string UnitId { get; init; }
    public RaterGroup Group { get; init; }
    public SatisfactionLevel Level { get; init; }
}

/// <summary>A unit's result, fixed when the campaign closes.</summary>
public sealed class EvaluationResult
{
    public required string Id { get; init; }
    public required string CampaignId { get; init; }
    public required string UnitId { get; init; }
    public double Score { get; init; }
    public int Votes { get; init; }
    public SatisfactionLevel Verdict { get; init; }
}

/// <summary>A consequence of a result: 通报表扬 for the unit, 建议免职 / 建议问责 for its head and deputy.</summary>
public sealed class EvaluationConsequence
{
    public required string Id { get; init; }
    public required string CampaignId { get; init; }
    public required string UnitId { get; init; }
    public string? CadreId { get; init; }
    public required string Kind { get; init; }
    public required string Reason { get; init; }
    /// <summary>The accountability case opened from a 建议免职 / 建议问责, once referred.</summary>
    public string? AccountabilityCaseId { get; private set; }
    /// <summary>The 通报表扬 drafted from a praise consequence, once drafted.</summary>
    public string? BulletinId { get; private set; }
    public int Version { get; private set; }

    public const string Praise = "通报表扬";
    public const string Removal = "建议免职";
    public const string Accountability = "建议问责";

    public void ReferTo(string accountabilityCaseId)
    {
        if (Kind == Praise)
        {
            throw new RuleException("evaluation.not_referable", "通报表扬不需要移送问责", 409);
        }
        if (AccountabilityCaseId is not null)
        {
            throw new RuleException("evaluation.already_referred", "已移送问责，不能重复立项", 409);
        }
        AccountabilityCaseId = accountabilityCaseId;
        Version++;
    }

    public void PraisedIn(string bulletinId)
    {
        if (Kind != Praise)
        {
            throw new RuleException("evaluation.not_praise", "只有评议满意的单位才能通报表扬", 409);
        }
        BulletinId = bulletinId;
        Version++;
    }
}

internal sealed class EvaluationConfiguration :
    IEntityTypeConfiguration<EvaluationCampaign>, IEntityTypeConfiguration<CampaignUnit>, IEntityTypeConfiguration<CampaignGroup>,
    IEntityTypeConfiguration<Ballot>, IEntityTypeConfiguration<BallotRating>, IEntityTypeConfiguration<EvaluationResult>,
    IEntityTypeConfiguration<EvaluationConsequence>
{
    public void Configure(EntityTypeBuilder<EvaluationCampaign> b)
    {
        b.ToTable("EvaluationCampaigns");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.Year, x.Status });
    }

    public void Configure(EntityTypeBuilder<CampaignUnit> b)
    {
        b.ToTable("EvaluationCampaignUnits");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.CampaignId, x.UnitId }).IsUnique();
        b.HasOne<EvaluationCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<CampaignGroup> b)
    {
        b.ToTable("EvaluationCampaignGroups");
        b.HasKey(x => x.Id);
        b.Property(x => x.Group).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.CampaignId, x.Group }).IsUnique();
        b.HasOne<EvaluationCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Ballot> b)
    {
        b.ToTable("EvaluationBallots");
        b.HasKey(x => x.Id);
        b.Property(x => x.Group).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.CodeHash).HasMaxLength(64);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.CodeHash).IsUnique();
        b.HasIndex(x => x.CampaignId);
        b.HasOne<EvaluationCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<BallotRating> b)
    {
        b.ToTable("EvaluationRatings");
        b.HasKey(x => x.Id);
        b.Property(x => x.Group).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Level).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.BallotId, x.UnitId }).IsUnique();
        b.HasIndex(x => new { x.CampaignId, x.UnitId });
        b.HasOne<Ballot>().WithMany().HasForeignKey(x => x.BallotId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<EvaluationResult> b)
    {
        b.ToTable("EvaluationResults");
        b.HasKey(x => x.Id);
        b.Property(x => x.Verdict).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.CampaignId, x.UnitId }).IsUnique();
        b.HasOne<EvaluationCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<EvaluationConsequence> b)
    {
        b.ToTable("EvaluationConsequences");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasMaxLength(20);
        b.Property(x => x.Reason).HasMaxLength(300);
        b.Property(x => x.AccountabilityCaseId).HasMaxLength(32);
        b.Property(x => x.BulletinId).HasMaxLength(32);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.CampaignId, x.UnitId });
        b.HasIndex(x => x.CadreId);
        b.HasOne<EvaluationCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Cadre>().WithMany().HasForeignKey(x => x.CadreId).OnDelete(DeleteBehavior.SetNull);
    }
}
