using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhengfeng.Features.Replies;

/// <summary>
/// 答复质量提示: one flag the reply check raised on a reply at the moment it was given. Kept for supervision's list; the
/// reply itself was sent as written. Never changed or removed.
/// </summary>
public sealed class ReplyFlag
{
    public required string Id { get; init; }
    public required string CaseId { get; init; }
    /// <summary>The case's round when it was replied (a reply after a reopening is a new round).</summary>
    public int Round { get; init; }
    /// <summary>The lead unit that replied.</summary>
    public required string UnitId { get; init; }
    /// <summary>One of <see cref="ReplyFlagCodes"/>.</summary>
    public required string Code { get; init; }
    public required string Detail { get; init; }
    /// <summary>For 雷同答复: the earlier case whose reply this one repeats.</summary>
    public string? SimilarCaseId { get; init; }
    public DateTimeOffset At { get; init; }
}

internal sealed class ReplyFlagConfiguration : IEntityTypeConfiguration<ReplyFlag>
{
    public void Configure(EntityTypeBuilder<ReplyFlag> b)
    {
        b.ToTable("ReplyFlags");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.CaseId).HasMaxLength(32);
        b.Property(x => x.UnitId).HasMaxLength(32);
        b.Property(x => x.Code).HasMaxLength(20);
        b.Property(x => x.Detail).HasMaxLength(500);
        b.Property(x => x.SimilarCaseId).HasMaxLength(32);
        b.HasIndex(x => x.At);
        b.HasIndex(x => new { x.UnitId, x.At });
        b.HasIndex(x => x.CaseId);
    }
}
