using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;
using static Zhengfeng.Features.Assists.AssistStatus;

namespace Zhengfeng.Features.Assists;

// 协办 AssistDuty · 配合事项 Part · 协办意见 Input · 拒绝协办 Refuse · 协办不力 Failure (逾期或拒绝)

/// <summary>What the assist duty is part of.</summary>
public enum AssistOwner { Case, Assignment }

public enum AssistStatus { Pending, Given, Refused }

public enum AssistAction { Give, Refuse }

/// <summary>
/// 协办: an assist unit's own part in a citizen case or an assignment, with its deadline. The unit gives its input,
/// which the lead unit sees, or refuses with a reason; late input and refusals are 协办不力 and count against the unit.
/// </summary>
public sealed class AssistDuty
{
    public static readonly StateMachine<AssistStatus, AssistAction> Table = new("assist",
        new Dictionary<(AssistStatus, AssistAction), AssistStatus>
        {
            [(Pending, AssistAction.Give)] = Given,
            [(Pending, AssistAction.Refuse)] = Refused,
        }, Label, Label);

    public required string Id { get; init; }
    public AssistOwner OwnerType { get; init; }
    public required string OwnerId { get; init; }
    /// <summary>A case is handled again after rework: each round has its own duties.</summary>
    public int Round { get; init; }
    public required string LeadUnitId { get; init; }
    public required string UnitId { get; init; }
    public required string Part { get; init; }
    public DateTimeOffset DueAt { get; init; }
    public string? DueWhy { get; init; }
    public AssistStatus Status { get; private set; } = Pending;
    public string? Input { get; private set; }
    public string? RefusalReason { get; private set; }
    public string? AnsweredBy { get; private set; }
    public string? AnsweredByName { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    /// <summary>Answered (given or refused) after <see cref="DueAt"/>.</summary>
    public bool Late { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public int Version { get; private set; }

    public void Give(string by, string byName, DateTimeOffset now, string input)
    {
        Status = Table.Step(Status, AssistAction.Give);
        Answer(by, byName, now);
        Input = input.Trim();
    }

    public void Refuse(string by, string byName, DateTimeOffset now, string reason)
    {
        var next = Table.Step(Status, AssistAction.Refuse);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleException("assist.reason_required", "拒绝协办须写明理由", StatusCodes.Status400BadRequest);
        }
        Status = next;
        Answer(by, byName, now);
        RefusalReason = reason.Trim();
    }

    /// <summary>协办不力: refused, answered late, or still pending after the deadline.</summary>
    public bool IsFailure(DateTimeOffset now) => Status == Refused || Late || (Status == Pending && now > DueAt);

    public string FailureReason(DateTimeOffset now) => Status switch
    {
        Refused => $"拒绝协办：{RefusalReason}",
        _ when Late => $"协办意见逾期提交（期限{ChinaTime.Format(DueAt)}，提交于{ChinaTime.Format(AnsweredAt)}）",
        Pending when now > DueAt => $"协办期限{ChinaTime.Format(DueAt)}已过，仍未提交协办意见",
        _ => "",
    };

    private void Answer(string by, string byName, DateTimeOffset now)
    {
        Version++;
        AnsweredBy = by;
        AnsweredByName = byName;
        AnsweredAt = now;
        Late = now > DueAt;
    }

    public static string Label(AssistStatus s) => s switch
    {
        Pending => "待协办",
        Given => "已提交协办意见",
        _ => "已拒绝协办",
    };

    public static string Label(AssistAction a) => a == AssistAction.Give ? "提交协办意见" : "拒绝协办";

    public static string Label(AssistOwner o) => o == AssistOwner.Case ? "工单" : "交办事项";
}

internal sealed class AssistDutyConfiguration : IEntityTypeConfiguration<AssistDuty>
{
    public void Configure(EntityTypeBuilder<AssistDuty> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.OwnerType).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Part).HasMaxLength(1000);
        b.Property(x => x.DueWhy).HasMaxLength(300);
        b.Property(x => x.Input).HasMaxLength(5000);
        b.Property(x => x.RefusalReason).HasMaxLength(2000);
        b.Property(x => x.AnsweredByName).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.OwnerType, x.OwnerId, x.Round, x.UnitId }).IsUnique(); // one duty per unit and round
        b.HasIndex(x => new { x.UnitId, x.Status, x.DueAt });
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
