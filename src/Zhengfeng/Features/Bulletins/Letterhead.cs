using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zhengfeng.Data;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Bulletins;

/// <summary>发文机关, the prefix of the 发文字号 and the 印发机关 that a new bulletin or campaign document is written with.</summary>
public sealed record Letterhead(string OrganName, string Prefix, string PrintedBy);

/// <summary>
/// The letterhead of the user's area: what its supervision office saved on its settings page, else the configured
/// <c>Bulletins:*</c> values (the top of the organisation only), else words made from the area's own name: 中共××县纪委办公室,
/// ×纪办发. Each district (县（区）below a city) keeps its own, so its documents carry its own prefix and numbers.
/// </summary>
public sealed class LetterheadSettings(AppDb db, IOptions<BulletinOptions> configured, CurrentUser user, UnitTree tree)
{
    internal const string OrganKey = "letterhead.organ-name";
    internal const string PrefixKey = "letterhead.prefix";
    internal const string PrintedByKey = "letterhead.printed-by";

    /// <summary>A district's area id, or null for the top of the organisation (its settings keep their unsuffixed keys).</summary>
    private async Task<string?> DistrictAsync(string? areaId, CancellationToken ct)
    {
        var nodes = await tree.GetAsync(db, ct);
        return areaId is not null && nodes.TryGetValue(areaId, out var area) && area.ParentId is not null ? areaId : null;
    }

    private async Task<string?> MyDistrictAsync(CancellationToken ct) => await DistrictAsync(user.IsAuthenticated ? await user.AreaIdAsync(ct) : null, ct);

    private static string[] Keys(string? district)
        => [.. new[] { OrganKey, PrefixKey, PrintedByKey }.Select(k => district is null ? k : $"{k}:{district}")];

    /// <summary>The signed-in user's area's letterhead.</summary>
    public async Task<Letterhead> GetAsync(CancellationToken ct) => await GetForAsync(await MyDistrictAsync(ct), ct);

    /// <summary>An area's letterhead (null: the top of the organisation).</summary>
    public async Task<Letterhead> GetAsync(string? areaId, CancellationToken ct) => await GetForAsync(await DistrictAsync(areaId, ct), ct);

    private async Task<Letterhead> GetForAsync(string? district, CancellationToken ct)
    {
        var keys = Keys(district);
        var saved = await db.Settings.AsNoTracking().Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        var fallback = await DefaultForAsync(district, ct);
        return new Letterhead(
            saved.GetValueOrDefault(keys[0]) ?? fallback.OrganName,
            saved.GetValueOrDefault(keys[1]) ?? fallback.Prefix,
            saved.GetValueOrDefault(keys[2]) ?? fallback.PrintedBy);
    }

    /// <summary>The user's area's letterhead with nothing saved: the configured values (at the top), else made from the area's name.</summary>
    public async Task<Letterhead> DefaultAsync(CancellationToken ct) => await DefaultForAsync(await MyDistrictAsync(ct), ct);

    private async Task<Letterhead> DefaultForAsync(string? district, CancellationToken ct)
    {
        // A district's letterhead is made from its own name: the configured values belong to the top of the organisation.
        var o = district is null ? configured.Value : null;
        var name = district is null
            ? await db.Units.AsNoTracking().Where(u => u.ParentId == null).OrderBy(u => u.CreatedAt).Select(u => u.Name).FirstOrDefaultAsync(ct)
            : (await tree.GetAsync(db, ct))[district].Name;
        // The first start names the root "本县（区）" until the admin renames it: the words in brackets are dropped.
        name = string.IsNullOrWhiteSpace(name) ? "本县" : name.Split('（', '(')[0].Trim();
        name = name.Length == 0 ? "本县" : name;
        var organ = string.IsNullOrWhiteSpace(o?.OrganName) ? $"中共{name}纪委办公室" : o.OrganName.Trim();
        return new Letterhead(
            organ,
            string.IsNullOrWhiteSpace(o?.Prefix) ? $"{name[0]}纪办发" : o.Prefix.Trim(),
            string.IsNullOrWhiteSpace(o?.PrintedBy) ? organ : o.PrintedBy.Trim());
    }

    public async Task SaveAsync(Letterhead l, CancellationToken ct)
    {
        var keys = Keys(await MyDistrictAsync(ct));
        var values = new Dictionary<string, string>
        {
            [keys[0]] = Checked(l.OrganName, "发文机关", 100),
            [keys[1]] = Checked(l.Prefix, "发文字号前缀", 40),
            [keys[2]] = Checked(l.PrintedBy, "印发机关", 100),
        };
        if (values[keys[1]].IndexOfAny(['〔', '〕', '[', ']']) >= 0 || values[keys[1]].Any(char.IsDigit))
        {
            throw new RuleException("letterhead.bad_prefix", "发文字号前缀只写机关代字（如“青纪办发”），年份和序号由系统在印发时生成", 400);
        }
        var rows = await db.Settings.Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, ct);
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

    /// <summary>Forgets the area's saved letterhead: new documents use the configured or name-made default again.</summary>
    public async Task ResetAsync(CancellationToken ct)
    {
        var keys = Keys(await MyDistrictAsync(ct));
        db.Settings.RemoveRange(await db.Settings.Where(s => keys.Contains(s.Key)).ToListAsync(ct));
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
