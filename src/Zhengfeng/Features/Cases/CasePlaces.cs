using System.Text.RegularExpressions;

namespace Zhengfeng.Features.Cases;

/// <summary>
/// Where a case is, as keys two cases share when they are at the same place: the whole address without spaces and
/// punctuation (<c>a:</c>), and each road or street (<c>r:</c>) and community, estate or village (<c>c:</c>) it names.
/// </summary>
public static partial class CasePlaces
{
    public static IEnumerable<string> Keys(string? address)
    {
        var a = Normalise(address);
        if (a.Length < 2)
        {
            yield break;
        }
        yield return "a:" + a;
        var rest = AdminPrefix().Replace(a, "");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Community().Matches(rest))
        {
            if (seen.Add("c:" + m.Value))
            {
                yield return "c:" + m.Value;
            }
        }
        foreach (Match m in Road().Matches(rest))
        {
            if (seen.Add("r:" + m.Value))
            {
                yield return "r:" + m.Value;
            }
        }
    }

    /// <summary>The address without spaces, punctuation and full-width forms.</summary>
    public static string Normalise(string? address) => Web.TextLikeness.Plain(address);

    /// <summary>Half the side of a box of about <paramref name="metres"/> around a point, in degrees of latitude and longitude.</summary>
    public static (double Lat, double Lon) Box(double lat, double metres)
    {
        var dLat = metres / 111_320.0;
        return (dLat, dLat / Math.Max(Math.Cos(lat * Math.PI / 180), 0.01));
    }

    public static double Metres(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6_371_000;
        var (p1, p2) = (lat1 * Math.PI / 180, lat2 * Math.PI / 180);
        var dp = p2 - p1;
        var dl = (lon2 - lon1) * Math.PI / 180;
        var h = Math.Sin(dp / 2) * Math.Sin(dp / 2) + Math.Cos(p1) * Math.Cos(p2) * Math.Sin(dl / 2) * Math.Sin(dl / 2);
        return 2 * R * Math.Asin(Math.Sqrt(h));
    }

    [GeneratedRegex(@"^(县城|[\p{IsCJKUnifiedIdeographs}]{2,4}?(?:省|市|县|(?<![小社园])区|街道|镇|乡))+")]
    private static partial Regex AdminPrefix();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}]{2,4}(?:小区|社区|新村|花园|家园|公寓|村|苑)")]
    private static partial Regex Community();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}]{2}(?:大道|路|街|巷|弄)")]
    private static partial Regex Road();
}
