using System.Diagnostics;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Demo;
using Zhengfeng.Web;

namespace Zhengfeng.Bench;

/// <summary>
/// --similar N: builds the case index for N synthetic cases (the demo county's request texts at generated roads, estates and
/// house numbers, a tenth of them repeats of an earlier case at the same place within days, half with coordinates) in a temp
/// folder, then times 并单 candidate lookups and full-text queries straight on the index (the database's part, reading at most
/// 60 rows by primary key, is not in the figures).
/// </summary>
public static class SimilarBench
{
    private const string Syllables = "东西南北青石锦绣滨江建设和平解放人民文昌阳光长青新华幸福光明朝阳团结胜利红旗振兴金桥银杏桃源梅园柳岸";
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly string[] Suffixes = ["", "请尽快处理。", "已经反映过一次了。", "希望有关部门重视。", "周边居民意见很大。", "麻烦尽快派人来看看。"];
    private static readonly DemoCaseTexts.Topic[] Topics = [.. DemoCaseTexts.Categories.SelectMany(c => c.Topics)];
    private static readonly string[] TopicCategories = [.. DemoCaseTexts.Categories.SelectMany(c => c.Topics.Select(_ => c.Code))];

    public static int Run(int n, int queries, bool smartCn)
    {
        var span = TimeSpan.FromDays(730);
        var step = span / n;
        var folder = Directory.CreateTempSubdirectory("zf-similar-").FullName;
        Console.WriteLine($"similar-case index: {n:N0} synthetic cases over {span.TotalDays:F0} days, analyzer {(smartCn ? "SmartCn words" : "CJK bigrams")}, {Environment.ProcessorCount} cores");
        try
        {
            var watch = Stopwatch.StartNew();
            using var index = CaseTextIndex.Open(folder, smartCn);
            const int Chunk = 10_000;
            for (var i = 0; i < n; i += Chunk)
            {
                index.Add(Enumerable.Range(i, Math.Min(Chunk, n - i)).Select(j => Generate(j, step)), replace: false);
                if ((i + Chunk) % 200_000 == 0)
                {
                    Console.WriteLine($"  {i + Chunk:N0} indexed, {watch.Elapsed.TotalSeconds:F0} s");
                }
            }
            index.Commit("end");
            index.Refresh();
            var build = watch.Elapsed;
            using var process = Process.GetCurrentProcess();
            Console.WriteLine($"build: {build.TotalSeconds:F1} s ({n / build.TotalSeconds:F0} cases/s), index {index.SizeOnDisk() / 1048576.0:F0} MB on disk, "
                + $"process working set {process.WorkingSet64 / 1048576.0:F0} MB, managed heap {GC.GetTotalMemory(false) / 1048576.0:F0} MB");

            var random = new Random(7);
            for (var i = 0; i < 50; i++) // warm-up
            {
                index.Similar(Generate(random.Next(n), step), CaseSearch.MergeWindow, CaseSearch.NearMetres, 60);
            }
            var similar = new List<double>();
            var found = 0;
            var repeatsFound = 0;
            var repeats = 0;
            var wall = Stopwatch.StartNew();
            for (var q = 0; q < queries; q++)
            {
                var i = random.Next(n);
                var probe = Generate(i, step);
                var t = Stopwatch.GetTimestamp();
                var hits = index.Similar(probe, CaseSearch.MergeWindow, CaseSearch.NearMetres, 60);
                var mine = TextLikeness.Pairs(probe.Title + probe.Content); // as the app does on the rows the database returns
                var best = hits.Select(h => TextLikeness.Jaccard(mine, TextLikeness.Pairs(TextOf(h.Id, step)))).DefaultIfEmpty().Max();
                similar.Add(Stats.Ms(t));
                found += hits.Count > 0 ? 1 : 0;
                if (RepeatOf(i) is { } original)
                {
                    repeats++;
                    repeatsFound += hits.Any(h => h.Id == IdOf(original)) ? 1 : 0;
                }
                _ = best;
            }
            Console.WriteLine(new Stats($"similar-case lookup ({queries} probes, top 60)", similar, wall.Elapsed, 0).QueryLine());
            Console.WriteLine($"  probes with candidates {found * 100.0 / queries:F0}%; repeats whose original came back {repeatsFound}/{repeats}");

            var texts = new List<double>();
            var recall = 0;
            var hitsTotal = 0L;
            wall.Restart();
            for (var q = 0; q < queries; q++)
            {
                var i = random.Next(n);
                var c = Generate(i, step);
                var word = c.Content.Substring(random.Next(Math.Max(1, c.Content.Length - 4)), 2 + random.Next(3)).Trim('，', '。', '？', ' ');
                var road = CasePlaces.Keys(c.Address).FirstOrDefault(k => k.StartsWith("r:", StringComparison.Ordinal))?[2..] ?? "";
                var text = q % 2 == 0 ? $"{road} {word}" : word; // half "place + word", half a bare word
                var t = Stopwatch.GetTimestamp();
                var ids = index.Search(text, null, CaseSearch.MaxTextHits);
                texts.Add(Stats.Ms(t));
                hitsTotal += ids.Count;
                if (q % 2 == 0)
                {
                    recall += ids.Contains(IdOf(i)) ? 1 : 0;
                }
            }
            Console.WriteLine(new Stats($"full-text query ({queries}, top {CaseSearch.MaxTextHits})", texts, wall.Elapsed, 0).QueryLine());
            Console.WriteLine($"  mean hits {hitsTotal / (double)queries:F0}; \"road + piece of the text\" queries that found their case: {recall}/{(queries + 1) / 2}");
            process.Refresh();
            Console.WriteLine($"process working set after the queries {process.WorkingSet64 / 1048576.0:F0} MB");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string IdOf(int i) => $"c{i:D8}";

    /// <summary>A tenth of the cases repeat an earlier one (0 to 3 days before) at the same place, reworded a little.</summary>
    private static int? RepeatOf(int i)
    {
        var r = new Random(i * 31 + 1);
        return i > 50 && r.Next(10) == 0 ? i - 1 - r.Next(Math.Min(i - 1, 50)) : null;
    }

    private static string TextOf(string id, TimeSpan step)
    {
        var c = Generate(int.Parse(id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture), step);
        return c.Title + c.Content;
    }

    public static CaseDoc Generate(int i, TimeSpan step)
    {
        var at = Start + step * i;
        if (RepeatOf(i) is { } original)
        {
            var o = Generate(original, step);
            var r = new Random(i);
            return new CaseDoc(IdOf(i), o.Title, "再次反映：" + o.Content + Suffixes[r.Next(Suffixes.Length)], o.Address, o.CategoryCode, at, o.Lat, o.Lon, Phone(r));
        }
        var random = new Random(i);
        var topic = random.Next(Topics.Length);
        var place = random.Next(4) switch
        {
            0 => $"{Name(random)}路{random.Next(1, 300)}号",
            1 => $"{Name(random)}小区{random.Next(1, 30)}栋",
            2 => $"{Name(random)}街与{Name(random)}路交叉口",
            _ => DemoCaseTexts.Places[random.Next(DemoCaseTexts.Places.Count)] + $"{random.Next(1, 60)}号",
        };
        var content = string.Format(System.Globalization.CultureInfo.InvariantCulture, Topics[topic].Content, place) + Suffixes[random.Next(Suffixes.Length)];
        double? lat = random.Next(2) == 0 ? 28.2 + random.NextDouble() * 0.1 : null;
        double? lon = lat is null ? null : 112.9 + random.NextDouble() * 0.1;
        return new CaseDoc(IdOf(i), Topics[topic].Title, content, place, TopicCategories[topic], at, lat, lon, Phone(random));
    }

    private static string Name(Random r) => $"{Syllables[r.Next(Syllables.Length)]}{Syllables[r.Next(Syllables.Length)]}";

    private static string Phone(Random r) => $"h{r.Next(200_000):x8}"; // stands for a keyed hash: some reporters call more than once
}
