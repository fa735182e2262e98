using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;
using static Zhengfeng.Features.Honours.HonourStatus;

namespace Zhengfeng.Features.Honours;

// 表彰激励 Honour · 效能示范岗 · 提名 Nominate · 审定 Award / Decline · 表扬通报 praise bulletin

public enum HonourNominee { Unit, Cadre }

public enum HonourStatus { Nominated, Awarded, Declined }

public enum HonourAction { Award, Decline }

/// <summary>
/// An honour (e.g. 效能示范岗) nominated from the year's record and decided by a leader. A unit or cadre with an
/// accountability decision in the year cannot be nominated; an award adds points and may go out in a praise bulletin.
/// </summary>
public sealed class Honour
{
    public static readonly StateMachine<HonourStatus, HonourAction> Table = new("honour",
        new Dictionary<(HonourStatus, HonourAction), HonourStatus>
        {
            [(Nominated, HonourAction.Award)] = Awarded,
            [(Nominated, HonourAction.Decline)] = Declined,
        }, Label, Label);

    public required string Id { get; init; }
    public int Year { get; init; }
    public required string Title { get; init; }
    public HonourNominee NomineeType { get; init; }
    public required string UnitId { get; init; }
    public string? CadreId { get; init; }
    /// <summary>Why, from the record: the score, the rank, no accountability in the year.</summary>
    public required string Reason { get; init; }
    public HonourStatus Status { get; private set; } = Nominated;
    public required string NominatedBy { get; init; }
    public required string NominatedByName { get; init; }
    public DateTimeOffset NominatedAt { get; init; }
    public string? DecidedBy { get; private set; }
    public string? DecidedByName { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionNote { get; private set; }
    public string? BulletinId { get; private set; }
    public int Version { get; private set; }

    public void Award(string by, string byName, DateTimeOffset now, string? note)
    {
        Status = Table.Step(Status, HonourAction.Award);
        Decide(by, byName, now, note);
    }

    public void Decline(string by, string byName, DateTimeOffset now, string? note)
    {
        var next = Table.Step(Status, HonourAction.Decline);
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new RuleException("honour.note_required", "不予表彰须写明理由", StatusCodes.Status400BadRequest);
        }
        Status = next;
        Decide(by, byName, now, note);
    }

    /// <summary>The praise bulletin drafted for this honour.</summary>
    public void Announce(string bulletinId)
    {
        if (Status != Awarded)
        {
            throw new RuleException("honour.not_awarded", "只有已审定的表彰才能起草表扬通报", StatusCodes.Status409Conflict);
        }
        Version++;
        BulletinId = bulletinId;
    }

    private void Decide(string by, string byName, DateTimeOffset now, string? note)
    {
        Version++;
        DecidedBy = by;
        DecidedByName = byName;
        DecidedAt = now;
        DecisionNote = note.TrimToNull();
    }

    public static string Label(HonourStatus s) => s switch
    {
        Nominated => "已提名待审定",
        Awarded => "已表彰",
        _ => "不予表彰",
    };

    public static string Label(HonourAction a) => a == HonourAction.Award ? "审定表彰" : "不予表彰";

    public static string Label(HonourNominee n) => n == HonourNominee.Unit ? "单位" : "干部";
}

internal sealed class HonourConfiguration : IEntityTypeConfiguration<Honour>
{
    public void Configure(EntityTypeBuilder<Honour> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Title).HasMaxLength(100);
        b.Property(x => x.NomineeType).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.NominatedByName).HasMaxLength(100);
        b.Property(x => x.DecidedByName).HasMaxLength(100);
        b.Property(x => x.DecisionNote).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.Year, x.Title, x.UnitId, x.CadreId });
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
