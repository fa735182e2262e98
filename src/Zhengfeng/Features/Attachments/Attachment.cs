using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhengfeng.Features.Attachments;

/// <summary>
/// A file attached to a record (a case's photos, later evidence of rectification). The bytes live in the data
/// folder outside the web root, named by id; only the metadata is in the database.
/// </summary>
public sealed class Attachment
{
    public required string Id { get; init; }
    /// <summary>What the file belongs to: "case", ...</summary>
    public required string OwnerType { get; init; }
    public required string OwnerId { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long Size { get; init; }
    public required string Sha256 { get; init; }
    public required string UploadedBy { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.OwnerType).HasMaxLength(40);
        b.Property(x => x.OwnerId).HasMaxLength(32);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasIndex(x => new { x.OwnerType, x.OwnerId });
    }
}
