using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Clues;

// 问题线索 Clue · 核查 Verification (属实 true / 部分属实 partial / 不属实 false)
// 来源 Source: 工单升级 case · 暗访 mystery · 巡察 tour · 自查自纠 self · 干部作风举报 report · 信箱 mailbox

/// <summary>Where a clue came from. <see cref="Task"/> is raised only by the platform (a 约谈建议 on an assigned task).</summary>
public enum ClueSource { Case, Mystery, Tour, Self, Report, Mailbox, Task, Attendance }

public enum ClueStatus { Registered, Verified, Dismissed }

public enum VerificationResult { True, Partial, False }

/// <summary>核查's two outcomes: a true or partly true finding confirms the clue, a false one dismisses it.</summary>
public enum ClueAction { Confirm, Dismiss }

/// <summary>A problem found by any source. Nothing happens to it before verification (核查).</summary>
public sealed class Clue
{
    public required string Id { get; init; }
    public ClueSource Source { get; init; }
    public required string UnitId { get; init; }
    public string? PersonId { get; private set; }
    /// <summary>A code of the problem taxonomy, or the reporter's own words when it matches none.</summary>
    public required string ProblemType { get; init; }
    public required string Content { get; init; }
    public string? Place { get; init; }
    public string? CaseId { get; init; }
    /// <summary>The 专项整治 this record belongs to, if any.</summary>
    public string? CampaignId { get; private set; }
    public string? BatchId { get; init; }
    public ClueStatus Status { get; private set; } = ClueStatus.Registered;
    public VerificationResult? Result { get; private set; }
    public string? VerificationNote { get; private set; }
    public string? VerifiedBy { get; private set; }
    public DateTimeOffset? VerifiedAt { get; private set; }
    public required string RegisteredBy { get; init; }
    public DateTimeOffset RegisteredAt { get; init; }

    /// <summary>Puts the record under a campaign (专项整治); null leaves it as it is.</summary>
    public void JoinCampaign(string? campaignId)
    {
        if (!string.IsNullOrWhiteSpace(campaignId))
        {
            CampaignId = campaignId;
        }
    }

    /// <summary>A clue is verified once, either way.</summary>
    public static readonly StateMachine<ClueStatus, ClueAction> Table = new("clue",
        new Dictionary<(ClueStatus, ClueAction), ClueStatus>
        {
            [(ClueStatus.Registered, ClueAction.Confirm)] = ClueStatus.Verified,
            [(ClueStatus.Registered, ClueAction.Dismiss)] = ClueStatus.Dismissed,
        }, Label, a => a == ClueAction.Confirm ? "认定属实" : "认定不属实");

    public bool IsTrue => Status == ClueStatus.Verified;

    /// <summary>涉及干部: the cadre of the clue's unit the problem concerns, named at registration or while the clue is checked.</summary>
    public void NamePerson(string? personId)
    {
        if (Status != ClueStatus.Registered)
        {
            throw new RuleException("clue.person_after_verify", "线索核查后不能再更改涉及干部", StatusCodes.Status409Conflict);
        }
        PersonId = personId;
    }

    /// <summary>核查: the result, with the verifier's note.</summary>
    public void Verify(VerificationResult result, string? note, string by, DateTimeOffset at)
    {
        Status = Table.Step(Status, result == VerificationResult.False ? ClueAction.Dismiss : ClueAction.Confirm);
        Result = result;
        VerificationNote = note?.Trim();
        VerifiedBy = by;
        VerifiedAt = at;
    }

    public static string Label(ClueStatus s) => s switch
    {
        ClueStatus.Registered => "待核查",
        ClueStatus.Verified => "已核实",
        _ => "不属实",
    };

    public static string Label(ClueSource s) => s switch
    {
        ClueSource.Case => "工单升级",
        ClueSource.Mystery => "暗访",
        ClueSource.Tour => "巡察反馈",
        ClueSource.Self => "自查自纠",
        ClueSource.Report => "作风举报",
        ClueSource.Task => "交办督办升级",
        ClueSource.Attendance => "考勤异常",
        _ => "意见信箱",
    };

    public static string Label(VerificationResult? r) => r switch
    {
        VerificationResult.True => "属实",
        VerificationResult.Partial => "部分属实",
        VerificationResult.False => "不属实",
        _ => "",
    };
}

/// <summary>The taxonomy of work-style problems, editable by the admin; Group is 不作为 / 慢作为 / 乱作为.</summary>
public sealed class ProblemType
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public required string Group { get; set; }
    public int SortOrder { get; set; }

    public static readonly ProblemType[] Defaults =
    [
        new() { Code = "lazy", Name = "懒政怠政、为官不为", Group = "不作为", SortOrder = 1 },
        new() { Code = "shirking", Name = "推诿扯皮、敷衍塞责", Group = "不作为", SortOrder = 2 },
        new() { Code = "delay", Name = "拖沓延误、办事效率低", Group = "慢作为", SortOrder = 3 },
        new() { Code = "formalism", Name = "虚假浮躁、形式主义", Group = "慢作为", SortOrder = 4 },
        new() { Code = "abuse", Name = "滥用职权、吃拿卡要", Group = "乱作为", SortOrder = 5 },
        new() { Code = "laxity", Name = "作风散漫、纪律松弛", Group = "乱作为", SortOrder = 6 },
        new() { Code = "bottomline", Name = "底线不牢、廉洁风险", Group = "乱作为", SortOrder = 7 },
        new() { Code = "attitude", Name = "服务态度生硬、门难进脸难看", Group = "不作为", SortOrder = 8 },
    ];
}

internal sealed class ClueConfiguration : IEntityTypeConfiguration<Clue>
{
    public void Configure(EntityTypeBuilder<Clue> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.CampaignId);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Result).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ProblemType).HasMaxLength(50);
        b.Property(x => x.Content).HasMaxLength(5000);
        b.Property(x => x.VerificationNote).HasMaxLength(2000);
        b.Property(x => x.Place).HasMaxLength(300);
        b.Ignore(x => x.IsTrue);
        b.HasIndex(x => new { x.UnitId, x.Source, x.RegisteredAt });
        b.HasIndex(x => new { x.Status, x.RegisteredAt });
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Cadre>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProblemTypeConfiguration : IEntityTypeConfiguration<ProblemType>
{
    public void Configure(EntityTypeBuilder<ProblemType> b)
    {
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(50);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Group).HasMaxLength(20);
        b.HasData(ProblemType.Defaults);
    }
}
