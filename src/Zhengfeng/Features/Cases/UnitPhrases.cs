using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengfeng.Data;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Cases;

/// <summary>常用语: a phrase a unit's replies repeat (a greeting, a law it cites, its office hours), inserted with one click.</summary>
public sealed class UnitPhrase
{
    public required string Id { get; init; }
    public required string UnitId { get; init; }
    public required string Text { get; set; }
    public int SortOrder { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class UnitPhraseConfiguration : IEntityTypeConfiguration<UnitPhrase>
{
    public void Configure(EntityTypeBuilder<UnitPhrase> b)
    {
        b.ToTable("UnitPhrases");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.UnitId).HasMaxLength(32);
        b.Property(x => x.Text).HasMaxLength(UnitPhrases.MaxLength);
        b.HasIndex(x => new { x.UnitId, x.SortOrder });
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// A unit's canned phrases, and the rule that keeps them phrases: a reply must say in its own words what was done about this
/// request, so a reply made only of phrases is refused (a whole canned reply is what 答复不实 looks like).
/// </summary>
public sealed class UnitPhrases(AppDb db, CurrentUser user, TimeProvider clock)
{
    public const int MaxLength = 100;
    public const int MaxPerUnit = 50;
    /// <summary>The characters of its own a reply needs besides the phrases (letters and digits; spaces and punctuation do not count).</summary>
    public const int MinOwnChars = 10;

    public Task<List<UnitPhrase>> ListAsync(string unitId, CancellationToken ct)
        => db.Set<UnitPhrase>().AsNoTracking().Where(p => p.UnitId == unitId).OrderBy(p => p.SortOrder).ThenBy(p => p.CreatedAt).ToListAsync(ct);

    public async Task<UnitPhrase> AddAsync(string? text, CancellationToken ct)
    {
        var unitId = OwnUnit();
        var clean = (text ?? "").Trim();
        if (clean.Length is < 2 or > MaxLength)
        {
            throw new RuleException("phrase.length", $"常用语应为2至{MaxLength}字：常用语是答复中反复出现的一句话，不是整篇答复", 400);
        }
        var existing = await ListAsync(unitId, ct);
        if (existing.Count >= MaxPerUnit)
        {
            throw new RuleException("phrase.too_many", $"每个单位最多保存{MaxPerUnit}条常用语，请先删除不用的", 409);
        }
        if (existing.Any(p => p.Text == clean))
        {
            throw new RuleException("phrase.duplicate", "已有相同的常用语", 409);
        }
        var phrase = new UnitPhrase { Id = Ids.New(), UnitId = unitId, Text = clean, SortOrder = existing.Count, CreatedAt = clock.GetUtcNow() };
        db.Add(phrase);
        db.PendingAction = "phrase.add";
        await db.SaveChangesAsync(ct);
        return phrase;
    }

    public async Task DeleteAsync(string id, CancellationToken ct)
    {
        var unitId = OwnUnit();
        var phrase = await db.Set<UnitPhrase>().FirstOrDefaultAsync(p => p.Id == id && p.UnitId == unitId, ct) ?? throw new NotFoundException("常用语");
        db.Remove(phrase);
        db.PendingAction = "phrase.delete";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Refuses a reply that, without the unit's phrases, has fewer than <see cref="MinOwnChars"/> characters of its own.</summary>
    public async Task EnsureOwnWordsAsync(string unitId, string content, CancellationToken ct)
    {
        var phrases = await db.Set<UnitPhrase>().AsNoTracking().Where(p => p.UnitId == unitId).Select(p => p.Text).ToListAsync(ct);
        if (phrases.Count > 0 && OwnChars(content, phrases) < MinOwnChars)
        {
            throw new RuleException("case.reply_canned",
                $"答复不能只由常用语组成：请用自己的话写明本件诉求的办理经过和结果（除常用语外至少{MinOwnChars}个字）", 400);
        }
    }

    /// <summary>The letters and digits left once every phrase is taken out of the text.</summary>
    public static int OwnChars(string content, IEnumerable<string> phrases)
    {
        var rest = phrases.OrderByDescending(p => p.Length).Aggregate(content, (text, phrase) => text.Replace(phrase, " ", StringComparison.Ordinal));
        return rest.Count(char.IsLetterOrDigit);
    }

    private string OwnUnit() => user.IsIn(Roles.Unit) ? user.UnitId : throw new ForbiddenException("只有承办单位可以维护本单位的常用语");
}
