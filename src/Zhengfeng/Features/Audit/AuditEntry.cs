using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhengfeng.Features.Audit;

/// <summary>
/// One append-only line of the audit log. <see cref="Hash"/> covers every other field and the previous
/// entry's hash, and <see cref="Seq"/> has no gaps, so editing or deleting any entry breaks the chain.
/// </summary>
public sealed class AuditEntry
{
    public long Seq { get; init; }
    public DateTimeOffset At { get; init; }
    public required string ActorId { get; init; }
    public required string ActorName { get; init; }
    public required string Action { get; init; }
    public required string EntityType { get; init; }
    public required string EntityId { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }
    public required string PrevHash { get; init; }
    public string Hash { get; set; } = "";
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasKey(x => x.Seq);
        b.Property(x => x.Seq).ValueGeneratedNever();
        b.Property(x => x.Before).HasMaxLength(20000);
        b.Property(x => x.After).HasMaxLength(20000);
        b.Property(x => x.Hash).HasMaxLength(64);
        b.Property(x => x.PrevHash).HasMaxLength(64);
        b.HasIndex(x => new { x.EntityType, x.EntityId });
        b.HasIndex(x => x.At);
    }
}

/// <summary>Marks a property whose value never goes into the audit log (password hashes, secrets, encrypted identities).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensitiveAttribute : Attribute;

/// <summary>Who is acting in this scope; set from the signed-in user, or "system" for jobs and start-up.</summary>
public sealed class AuditActor
{
    public static AuditActor System => new();

    public string Id { get; set; } = "system";
    public string Name { get; set; } = "系统";
}
