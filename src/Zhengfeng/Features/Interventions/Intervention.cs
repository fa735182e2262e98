using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengfeng.Features.Org;

namespace Zhengfeng.Features.Interventions;

// 说情、打招呼 Intervention: someone asking a public servant to bend a case, a check or a sanction. Whoever receives it
// records it (全程留痕、有据可查); 纪检 reads every record and counts them by the person who intervened.

public enum InterventionChannel { InPerson, Phone, Message, Note, Banquet, Other }

/// <summary>One 说情 or 打招呼 as the person who received it recorded it; a record is never changed or removed.</summary>
public sealed class Intervention
{
    public required string Id { get; init; }
    /// <summary>Who intervened: the name as the recipient knows it.</summary>
    public required string IntervenerName { get; init; }
    /// <summary>Their unit and post, as far as known (县直某局副局长, 某公司负责人).</summary>
    public string? IntervenerOrg { get; init; }
    public InterventionChannel Channel { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    /// <summary>The matter it was about: a work order, a clue, a check, an accountability case, a permit …</summary>
    public required string Matter { get; init; }
    /// <summary>The number of the record in this platform it concerned, if any (工单号、线索或案件编号).</summary>
    public string? RelatedNumber { get; init; }
    /// <summary>What was asked for.</summary>
    public required string Request { get; init; }
    /// <summary>How the recipient answered (拒绝、报告 …).</summary>
    public required string Response { get; init; }
    public required string RecordedBy { get; init; }
    public required string RecordedByUnitId { get; init; }
    public DateTimeOffset RecordedAt { get; init; }

    public static string Label(InterventionChannel c) => c switch
    {
        InterventionChannel.InPerson => "当面",
        InterventionChannel.Phone => "电话",
        InterventionChannel.Message => "短信、微信等",
        InterventionChannel.Note => "写条子、转材料",
        InterventionChannel.Banquet => "宴请、送礼时提出",
        _ => "其他方式",
    };

    /// <summary>The key people are counted by: the name without spaces, and the organisation when given.</summary>
    public static string PersonKey(string name, string? org) => Compact(name) + "|" + Compact(org ?? "");

    private static string Compact(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
}

internal sealed class InterventionConfiguration : IEntityTypeConfiguration<Intervention>
{
    public void Configure(EntityTypeBuilder<Intervention> b)
    {
        b.ToTable("Interventions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.IntervenerName).HasMaxLength(50);
        b.Property(x => x.IntervenerOrg).HasMaxLength(100);
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Matter).HasMaxLength(500);
        b.Property(x => x.RelatedNumber).HasMaxLength(50);
        b.Property(x => x.Request).HasMaxLength(2000);
        b.Property(x => x.Response).HasMaxLength(2000);
        b.Property(x => x.RecordedBy).HasMaxLength(32);
        b.Property(x => x.RecordedByUnitId).HasMaxLength(32);
        b.HasIndex(x => x.OccurredAt);
        b.HasIndex(x => x.RecordedBy);
        b.HasIndex(x => x.IntervenerName);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.RecordedByUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
