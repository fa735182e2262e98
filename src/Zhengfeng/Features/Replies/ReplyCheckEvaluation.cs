using System.Globalization;
using CsvHelper;

namespace Zhengfeng.Features.Replies;

/// <summary>Precision and recall of one flag on the hand-labelled replies.</summary>
public sealed record ReplyCheckFigures(string Code, int Labelled, int Positives, int Flagged, int TruePositives)
{
    public double Precision => Flagged == 0 ? 0 : (double)TruePositives / Flagged;
    public double Recall => Positives == 0 ? 0 : (double)TruePositives / Positives;
}

/// <summary>
/// Runs the reply check on the 问政 replies labelled by hand (the labels file holds message ids and 0/1 per flag only). Each
/// labelled reply is checked against the replies given before it (by reply time, the most recent <see cref="ReplyCheck.EarlierLimit"/>),
/// as the product checks a unit's reply against the unit's earlier ones; the file names no department, so every earlier reply counts.
/// </summary>
public static class ReplyCheckEvaluation
{
    public const string Replies = "gov-messages/messages_with_replies.csv";
    public static readonly string DefaultLabels = Path.Combine("tests", "Zhengfeng.Tests", "Replies", "reply-labels.csv");

    private sealed record Row(int Index, string Id, string Title, string Detail, string Reply, DateTime RepliedAt);

    /// <summary>Prints the figures when the data and the labels are there (part of <c>zhengfeng model evaluate</c>).</summary>
    public static void Report(string dataDir, TextWriter output, string? labelsPath = null)
    {
        labelsPath ??= FindLabels();
        if (!File.Exists(Path.Combine(dataDir, Replies)) || labelsPath is null || !File.Exists(labelsPath))
        {
            output.WriteLine($"答复质量检查：找不到答复数据或标注文件（{labelsPath}），跳过");
            return;
        }
        var figures = Evaluate(dataDir, labelsPath);
        output.WriteLine($"答复质量检查（人工标注 {figures[0].Labelled} 条答复，对照此前的答复）");
        output.WriteLine($"  {"提示",-8} {"标注为是",8} {"提示数",6} {"命中",6} {"精确率",7} {"召回率",7}");
        foreach (var f in figures)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {ReplyFlagCodes.Label(f.Code),-8} {f.Positives,8} {f.Flagged,6} {f.TruePositives,6} {f.Precision,7:F3} {f.Recall,7:F3}"));
        }
    }

    /// <summary>The labels file of the test project, looked for from the working folder upwards.</summary>
    public static string? FindLabels()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, DefaultLabels);
            if (File.Exists(path))
            {
                return path;
            }
        }
        return null;
    }

    public static IReadOnlyList<ReplyCheckFigures> Evaluate(string dataDir, string labelsPath)
    {
        var rows = ReadReplies(Path.Combine(dataDir, Replies));
        var labels = ReadLabels(labelsPath);
        var ordered = rows.OrderBy(r => r.RepliedAt).ThenBy(r => r.Index).ToList();
        var earlier = ordered.Select(r => new EarlierReply(r.Id, r.Id, r.Reply)).ToList();
        var requests = rows.ToDictionary(r => r.Id, r => r.Title + "\n" + r.Detail);
        var counts = ReplyFlagCodes.All.ToDictionary(c => c, _ => (Positives: 0, Flagged: 0, Hits: 0));
        for (var i = 0; i < ordered.Count; i++)
        {
            var row = ordered[i];
            if (!labels.TryGetValue(row.Id, out var truth))
            {
                continue;
            }
            var before = earlier.GetRange(Math.Max(0, i - ReplyCheck.EarlierLimit), Math.Min(i, ReplyCheck.EarlierLimit));
            before.Reverse();
            var flags = ReplyCheck.Check(row.Title, row.Detail, row.Reply, before, requests.GetValueOrDefault).Select(f => f.Code).ToHashSet();
            foreach (var code in ReplyFlagCodes.All)
            {
                var (positives, flagged, hits) = counts[code];
                var isTrue = truth.Contains(code);
                var isFlagged = flags.Contains(code);
                counts[code] = (positives + (isTrue ? 1 : 0), flagged + (isFlagged ? 1 : 0), hits + (isTrue && isFlagged ? 1 : 0));
            }
        }
        return [.. ReplyFlagCodes.All.Select(c => new ReplyCheckFigures(c, labels.Count, counts[c].Positives, counts[c].Flagged, counts[c].Hits))];
    }

    /// <summary>message_id → the flags labelled 1 (columns copied, off_topic, empty_promise).</summary>
    private static Dictionary<string, HashSet<string>> ReadLabels(string path)
    {
        var labels = new Dictionary<string, HashSet<string>>();
        foreach (var line in File.ReadLines(path).Skip(1).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            var cells = line.Split(',');
            var set = new HashSet<string>();
            for (var k = 0; k < ReplyFlagCodes.All.Count; k++)
            {
                if (cells[k + 1].Trim() == "1")
                {
                    set.Add(ReplyFlagCodes.All[k]);
                }
            }
            labels[cells[0].Trim()] = set;
        }
        return labels;
    }

    private static List<Row> ReadReplies(string path)
    {
        var rows = new List<Row>();
        using var reader = new StreamReader(path);
        using var csv = CsvReader.Create(reader, new CsvReaderOptions { HasHeader = true });
        var columns = csv.Headers.Select((h, i) => (h, i)).ToDictionary(x => x.h.Trim(), x => x.i);
        string Cell(string name) => csv.GetString(columns[name]) ?? "";
        while (csv.Read())
        {
            var at = DateTime.TryParseExact(Cell("replied_at").Trim(), ["yyyy/M/d H:mm:ss", "yyyy/M/d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
                ? t : DateTime.MaxValue;
            rows.Add(new Row(rows.Count, Cell("message_id").Trim(), Cell("title"), Cell("detail"), Cell("reply"), at));
        }
        return rows;
    }
}
