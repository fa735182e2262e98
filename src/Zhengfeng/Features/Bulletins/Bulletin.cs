using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Bulletins;

// 通报 Bulletin · 通报表扬 Praise · 通报批评 Criticism · 发文机关 IssuingOrgan · 机关代字 Prefix
// 发文字号 DocumentNumber (X纪办发〔2026〕7号) · 主送机关 Recipients · 抄送 CopyTo · 印发机关 PrintedBy · 成文日期 IssuedOn

public enum BulletinKind { Praise, Criticism }

public enum BulletinStatus { Draft, Issued }

public enum BulletinAction { Issue }

/// <summary>
/// A 通报 composed by the supervision office. Drafts have no number; issuing assigns the next serial number of the
/// prefix and year (GB/T 9704 §7.2.4: never padded, no "第"), and freezes the text.
/// </summary>
public sealed class Bulletin
{
    public required string Id { get; init; }
    public BulletinKind Kind { get; init; }
    public required string OrganName { get; init; }
    public required string Prefix { get; init; }
    public int? Year { get; private set; }
    public int? Serial { get; private set; }
    public required string Title { get; init; }
    public required string Recipients { get; init; }
    public required string Body { get; init; }
    public string? CopyTo { get; init; }
    public required string PrintedBy { get; init; }
    public DateOnly? IssuedOn { get; private set; }
    public BulletinStatus Status { get; private set; } = BulletinStatus.Draft;
    /// <summary>Comma-separated ids of the clues the body was composed from.</summary>
    public string ClueIds { get; init; } = "";
    /// <summary>Comma-separated ids of the cases the body was composed from.</summary>
    public string CaseIds { get; init; } = "";
    /// <summary>The ranking month (yyyy-MM) the body quotes, if any.</summary>
    public string? RankingPeriod { get; init; }
    /// <summary>The 专项整治 this record belongs to, if any.</summary>
    public string? CampaignId { get; private set; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string? IssuedBy { get; private set; }
    public DateTimeOffset? IssuedAt { get; private set; }

    /// <summary>Puts the record under a campaign (专项整治); null leaves it as it is.</summary>
    public void JoinCampaign(string? campaignId)
    {
        if (!string.IsNullOrWhiteSpace(campaignId))
        {
            CampaignId = campaignId;
        }
    }

    /// <summary>发文字号, e.g. X纪办发〔2026〕7号; a draft shows the year and an empty serial.</summary>
    public string DocumentNumber(int draftYear)
        => Serial is { } n
            ? $"{Prefix}〔{Year}〕{n.ToString(CultureInfo.InvariantCulture)}号"
            : $"{Prefix}〔{draftYear}〕　号";

    /// <summary>A draft is issued once; the text is frozen from then on.</summary>
    public static readonly StateMachine<BulletinStatus, BulletinAction> Table = new("bulletin",
        new Dictionary<(BulletinStatus, BulletinAction), BulletinStatus>
        {
            [(BulletinStatus.Draft, BulletinAction.Issue)] = BulletinStatus.Issued,
        }, Label, _ => "印发");

    /// <summary>印发 with the next serial number of the prefix in the year of <paramref name="on"/>.</summary>
    public void Issue(int serial, DateOnly on, string by, DateTimeOffset at)
    {
        Status = Table.Step(Status, BulletinAction.Issue);
        Year = on.Year;
        Serial = serial;
        IssuedOn = on;
        IssuedBy = by;
        IssuedAt = at;
    }

    public IReadOnlyList<string> ClueIdList => ClueIds.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<string> CaseIdList => CaseIds.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static string Label(BulletinKind k) => k == BulletinKind.Praise ? "通报表扬" : "通报批评";

    public static string Label(BulletinStatus s) => s == BulletinStatus.Draft ? "草稿" : "已印发";

    /// <summary>成文日期 in Arabic numerals, month and day not padded (GB/T 9704 §7.3.5.2).</summary>
    public static string DateText(DateOnly d) => string.Create(CultureInfo.InvariantCulture, $"{d.Year}年{d.Month}月{d.Day}日");
}

/// <summary>
/// Configured letterhead defaults (<c>Bulletins:*</c>), used while the supervision office has saved none; unset, they are
/// made from the county's name (<see cref="LetterheadSettings"/>). Each bulletin keeps the values it was composed with.
/// </summary>
public sealed class BulletinOptions
{
    public string? OrganName { get; set; }
    public string? Prefix { get; set; }
    public string? PrintedBy { get; set; }
}

internal sealed class BulletinConfiguration : IEntityTypeConfiguration<Bulletin>
{
    public void Configure(EntityTypeBuilder<Bulletin> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.CampaignId);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.OrganName).HasMaxLength(100);
        b.Property(x => x.Prefix).HasMaxLength(40);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Recipients).HasMaxLength(500);
        b.Property(x => x.Body).HasMaxLength(20000);
        b.Property(x => x.CopyTo).HasMaxLength(500);
        b.Property(x => x.PrintedBy).HasMaxLength(100);
        b.Property(x => x.ClueIds).HasMaxLength(8000);
        b.Property(x => x.CaseIds).HasMaxLength(8000);
        b.Property(x => x.RankingPeriod).HasMaxLength(7);
        b.Property(x => x.CreatedBy).HasMaxLength(32);
        b.Property(x => x.IssuedBy).HasMaxLength(32);
        b.Ignore(x => x.ClueIdList);
        b.Ignore(x => x.CaseIdList);
        // Two issuers racing for the same number: the second insert fails here and retries with the next number.
        b.HasIndex(x => new { x.Prefix, x.Year, x.Serial }).IsUnique();
        b.HasIndex(x => new { x.Status, x.CreatedAt });
    }
}
