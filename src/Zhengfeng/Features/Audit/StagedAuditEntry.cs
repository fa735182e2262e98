using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhengfeng.Features.Audit;

/// <summary>
/// An audit entry written with its change on PostgreSQL but not yet numbered: <see cref="AuditSequencer"/> moves it into the
/// log (<see cref="AuditEntry"/>, with its number and hash) just after the change commits. A row here is never lost: if the
/// process dies between the commit and the numbering, the next batch of any instance numbers it.
/// </summary>
public sealed class StagedAuditEntry
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public required string ActorId { get; init; }
    public required string ActorName { get; init; }
    public required string Action { get; init; }
    public required string EntityType { get; init; }
    public required string EntityId { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }

    internal AuditTrail.Change Change => new(Action, EntityType, EntityId, Before, After);
}

internal sealed class StagedAuditEntryConfiguration : IEntityTypeConfiguration<StagedAuditEntry>
{
    public void Configure(EntityTypeBuilder<StagedAuditEntry> b)
    {
        b.ToTable("AuditStaging");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedOnAdd();
        b.Property(x => x.Before).HasMaxLength(20000);
        b.Property(x => x.After).HasMaxLength(20000);
    }
}
