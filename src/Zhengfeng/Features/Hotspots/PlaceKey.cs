using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Zhengfeng.Features.Hotspots;

/// <summary>
/// Where a case happened, as a key two spellings of one place share: "县城长青路12号", "长青路（人民医院对面）" and "县城 长青路" all
/// become "长青路". Administrative prefixes (县城, 某某街道, 某某镇) are dropped too, so the same road name in two towns meets:
/// rare in one county, and a supervisor sees the addresses as written in every cluster.
/// </summary>
public static partial class PlaceKey
{
    private const int MinLength = 2;

    public static string? Of(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }
        var s = Bracketed().Replace(address.Normalize(NormalizationForm.FormKC), "");
        s = Noise().Replace(s, "");
        var digit = s.AsSpan().IndexOfAny(Digits);
        if (digit >= 0)
        {
            s = s[..digit]; // house numbers and everything after them
        }
        var stripped = Prefix().Replace(s, "", 1);
        if (stripped.Length >= MinLength)
        {
            s = stripped;
        }
        while (Tail().Match(s) is { Success: true } m && m.Index >= MinLength)
        {
            s = s[..m.Index];
        }
        return s.Length >= MinLength ? s : null;
    }

    /// <summary>A square of about <paramref name="meters"/> on a side holding the point, for cases with coordinates.</summary>
    public static string Cell(double lat, double lon, int meters)
    {
        const double MetersPerDegree = 111_320;
        var row = Math.Floor(lat * MetersPerDegree / meters);
        var rowLat = (row + 0.5) * meters / MetersPerDegree; // one longitude scale per row, so a row's cells do not drift
        var col = Math.Floor(lon * MetersPerDegree * Math.Cos(rowLat * Math.PI / 180) / meters);
        return string.Create(CultureInfo.InvariantCulture, $"{row:0}:{col:0}");
    }

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    [GeneratedRegex(@"[（(【\[][^）)】\]]*[）)】\]]")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"[\s\p{P}\p{S}]+")]
    private static partial Regex Noise();

    /// <summary>某某县, 县城/城区/城关, then 某某街道/镇/乡 (not 乡村, 镇政府).</summary>
    [GeneratedRegex(@"^(.{1,6}?县(?!城))?(县城|城区|城关)?(.{1,6}?(街道|镇|乡)(?!村|政府|人民政府))?")]
    private static partial Regex Prefix();

    /// <summary>Details after the place itself: 附近, 门口, 交叉口, 三组, 五栋, 东侧 …</summary>
    [GeneratedRegex(@"(附近|周边|周围|旁边|对面|门口|入口|出口|路口|交叉口|一带|沿线|路段|[东南西北]侧|[东南西北]门|内|旁|处|段|[一二三四五六七八九十百零〇两]+(号|组|栋|幢|楼|单元|层|室|期))$")]
    private static partial Regex Tail();
}
