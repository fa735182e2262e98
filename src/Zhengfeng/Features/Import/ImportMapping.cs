using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhengfeng.Features.Import;

// 导入映射 → ImportMapping: which column of another hotline system's export feeds which field of a case.
// 来源系统 → SourceSystem: prefixes the external id, so two systems' "1001" stay two work orders.

/// <summary>
/// A saved column mapping. The mapping is kept as plain text lines (<c>field=Column Name</c>, <c>Source value=code</c>)
/// so it stays portable across SQLite and PostgreSQL and readable in the audit log.
/// </summary>
public sealed class ImportMapping
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public required string SourceSystem { get; set; }

    /// <summary>One <c>field=Column Name</c> line per mapped column; <c>content</c> may repeat.</summary>
    public required string Fields { get; set; }

    /// <summary>One <c>Source value=category code</c> line per entry.</summary>
    public string CategoryMap { get; set; } = "";

    /// <summary>One <c>Source value=kind</c> line per entry (complaint, report, help, consultation, suggestion, praise).</summary>
    public string KindMap { get; set; } = "";

    public required string DefaultCategory { get; set; }
    public string DefaultKind { get; set; } = "complaint";
    public string TimestampFormat { get; set; } = "yyyy-MM-dd HH:mm:ss";

    /// <summary>The source system's wall-clock offset, e.g. "+08:00"; fixed, as <see cref="Web.ChinaTime"/> is.</summary>
    public string UtcOffset { get; set; } = "+08:00";

    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ImportMappingConfiguration : IEntityTypeConfiguration<ImportMapping>
{
    public void Configure(EntityTypeBuilder<ImportMapping> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.SourceSystem).HasMaxLength(30);
        b.Property(x => x.Fields).HasMaxLength(4000);
        b.Property(x => x.CategoryMap).HasMaxLength(20000);
        b.Property(x => x.KindMap).HasMaxLength(4000);
        b.Property(x => x.DefaultCategory).HasMaxLength(40);
        b.Property(x => x.DefaultKind).HasMaxLength(20);
        b.Property(x => x.TimestampFormat).HasMaxLength(60);
        b.Property(x => x.UtcOffset).HasMaxLength(6);
        b.Property(x => x.CreatedBy).HasMaxLength(32);
        b.HasIndex(x => x.Name).IsUnique();
    }
}

/// <summary>The <c>key=value</c> line format of <see cref="ImportMapping"/>.</summary>
public static class MappingText
{
    public static string Encode(IEnumerable<KeyValuePair<string, string>> pairs)
        => string.Join("\n", pairs.Select(p => $"{p.Key}={p.Value}"));

    /// <summary>
    /// Field lines split at the first '=' (field names never contain one); value-map lines at the last '='
    /// (codes never contain one, source values might).
    /// </summary>
    public static List<KeyValuePair<string, string>> Decode(string? text, bool splitAtLast = false)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var raw in (text ?? "").Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var at = splitAtLast ? line.LastIndexOf('=') : line.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }
            var key = line[..at].Trim();
            var value = line[(at + 1)..].Trim();
            if (key.Length > 0 && value.Length > 0)
            {
                pairs.Add(new(key, value));
            }
        }
        return pairs;
    }
}
