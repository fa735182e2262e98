using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Bulletins;

/// <summary>发文机关, the prefix of the 发文字号 and the 印发机关 that a new bulletin or campaign document is written with.</summary>
public sealed record Letterhead(string OrganName, string Prefix, string PrintedBy);

/// <summary>
/// The county's letterhead: what the supervision office saved on its settings page, else the configured
/// <c>Bulletins:*</c> values, else words made from the county's own name (the root unit): 中共××县纪委办公室, ×纪办发.
/// </summary>
public sealed class LetterheadSettings(AppDb db, IOptions<BulletinOptions> configured)
{
    internal const string OrganKey = "letterhead.organ-name";
    internal const string PrefixKey = "letterhead.prefix";
    internal const string PrintedByKey = "letterhead.printed-by";
    private static readonly string[] Keys = [OrganKey, PrefixKey, PrintedByKey];

    public async Task<Letterhead> GetAsync(CancellationToken ct)
    {
        var saved = await db.Settings.AsNoTracking().Where(s => Keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        var fallback = await DefaultAsync(ct);
        return new Letterhead(
            saved.GetValueOrDefault(OrganKey) ?? fallback.OrganName,
            saved.GetValueOrDefault(PrefixKey) ?? fallback.Prefix,
            saved.GetValueOrDefault(PrintedByKey) ?? fallback.PrintedBy);
    }

    /// <summary>The letterhead with nothing saved: the configured values, else made from the county's name.</summary>
    public async Task<Letterhead> DefaultAsync(CancellationToken ct)
    {
        var o = configured.Value;
        var county = await db.Units.AsNoTracking().Where(u => u.ParentId == null).OrderBy(u => u.CreatedAt).Select(u => u.Name).FirstOrDefaultAsync(ct);
        // The first start names the root "本县（区）" until the admin renames it: the words in brackets are dropped.
        county = string.IsNullOrWhiteSpace(county) ? "本县" : county.Split('（', '(')[0].Trim();
        county = county.Length == 0 ? "本县" : county;
        var organ = string.IsNullOrWhiteSpace(o.OrganName) ? $"中共{county}纪委办公室" : o.OrganName.Trim();
        return new Letterhead(
            organ,
            string.IsNullOrWhiteSpace(o.Prefix) ? $"{county[0]}纪办发" : o.Prefix.Trim(),
            string.IsNullOrWhiteSpace(o.PrintedBy) ? organ : o.PrintedBy.Trim());
    }

    public async Task SaveAsync(Letterhead l, CancellationToken ct)
    {
        var values = new Dictionary<string, string>
        {
            [OrganKey] = Checked(l.OrganName, "发文机关", 100),
            [PrefixKey] = Checked(l.Prefix, "发文字号前缀", 40),
            [PrintedByKey] = Checked(l.PrintedBy, "印发机关", 100),
        };
        if (values[PrefixKey].IndexOfAny(['〔', '〕', '[', ']']) >= 0 || values[PrefixKey].Any(char.IsDigit))
        {
            throw new RuleException("letterhead.bad_prefix", "发文字号前缀只写机关代字（如“青纪办发”），年份和序号由系统在印发时生成", 400);
        }
        var rows = await db.Settings.Where(s => Keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, ct);
        foreach (var (key, value) in values)
        {
            if (rows.TryGetValue(key, out var row))
            {
                row.Value = value;
            }
            else
            {
                db.Settings.Add(new AppSetting { Key = key, Value = value });
            }
        }
        db.PendingAction = "settings.letterhead";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Forgets the saved letterhead: new documents use the configured or county-made default again.</summary>
    public async Task ResetAsync(CancellationToken ct)
    {
        db.Settings.RemoveRange(await db.Settings.Where(s => Keys.Contains(s.Key)).ToListAsync(ct));
        db.PendingAction = "settings.letterhead-reset";
        await db.SaveChangesAsync(ct);
    }

    private static string Checked(string? value, string what, int max)
    {
        var v = value?.Trim() ?? "";
        return v.Length == 0
            ? throw new RuleException("letterhead.required", $"请填写{what}", 400)
            : v.Length > max ? throw new RuleException("letterhead.too_long", $"{what}不能超过{max}字", 400) : v;
    }
}
