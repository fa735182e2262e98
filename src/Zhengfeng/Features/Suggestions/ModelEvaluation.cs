using System.Diagnostics;
using System.Globalization;
using CsvHelper;

namespace Zhengfeng.Features.Suggestions;

/// <summary>Top-1 and top-3 accuracy and macro-F1 (of the top-1 label) over the held-out folds.</summary>
public sealed record Figures(int N, double Top1, double Top3, double MacroF1);

/// <summary>A labelled text for the evaluation.</summary>
public sealed record Labelled(string Text, string Label);

/// <summary>Stratified k-fold cross-validation of the suggestion model against the naive Bayes baseline, on the same folds.</summary>
public static class CrossValidation
{
    public static (Figures Model, Figures Baseline) Run(IReadOnlyList<Labelled> rows, int folds = 5, int seed = 7, SoftmaxRegression.Options? options = null)
    {
        var fold = Folds(rows, folds, seed);
        var model = new Tally();
        var baseline = new Tally();
        for (var f = 0; f < folds; f++)
        {
            var train = rows.Where((_, i) => fold[i] != f).ToList();
            var test = rows.Where((_, i) => fold[i] == f).ToList();
            var vectorizer = Vectorizer.Build([.. train.Select(r => r.Text)]);
            var docs = train.Select(r => Doc.Of(vectorizer, r.Text)).ToList();
            var labels = train.Select(r => r.Label).ToList();
            var lr = SoftmaxRegression.Train([.. docs.Select(d => d.TfIdf)], labels, vectorizer.FeatureCount, options);
            var nb = NaiveBayes.Train(docs, labels, vectorizer.FeatureCount);
            foreach (var row in test)
            {
                var doc = Doc.Of(vectorizer, row.Text);
                model.Add(row.Label, lr.Rank(doc, 3));
                baseline.Add(row.Label, nb.Rank(doc, 3));
            }
        }
        return (model.Figures(), baseline.Figures());
    }

    /// <summary>Each row's fold: every label's rows shuffled and dealt round the folds, so each fold has the label mix of the whole.</summary>
    private static int[] Folds(IReadOnlyList<Labelled> rows, int folds, int seed)
    {
        var random = new Random(seed);
        var fold = new int[rows.Count];
        var next = 0;
        foreach (var group in Enumerable.Range(0, rows.Count).GroupBy(i => rows[i].Label).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            foreach (var i in members)
            {
                fold[i] = next++ % folds;
            }
        }
        return fold;
    }

    private sealed class Tally
    {
        private readonly List<(string Truth, string? Guess)> _top1 = [];
        private int _top3;

        public void Add(string truth, IReadOnlyList<Ranked> ranked)
        {
            _top1.Add((truth, ranked.Count > 0 ? ranked[0].Label : null));
            _top3 += ranked.Any(r => r.Label == truth) ? 1 : 0;
        }

        public Figures Figures()
        {
            var n = _top1.Count;
            var f1 = _top1.Select(x => x.Truth).Distinct().Average(label =>
            {
                var tp = _top1.Count(x => x.Truth == label && x.Guess == label);
                var guessed = _top1.Count(x => x.Guess == label);
                var actual = _top1.Count(x => x.Truth == label);
                return tp == 0 ? 0.0 : 2.0 * tp / (guessed + actual);
            });
            return new Figures(n, (double)_top1.Count(x => x.Truth == x.Guess) / n, (double)_top3 / n, f1);
        }
    }
}

/// <summary>Reads the evaluation sets from the shared data folder (never copied into the product).</summary>
public static class EvaluationData
{
    /// <summary>The nearest <c>shared/data</c> beside this folder or one of its parents that holds the evaluation sets.</summary>
    public static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var data = Path.Combine(dir.FullName, "shared", "data");
            if (File.Exists(Path.Combine(data, GovMessages)))
            {
                return data;
            }
        }
        return null;
    }

    public const string GovMessages = "gov-messages/messages_labeled_sample.csv";
    public const string Nyc311 = "nyc-311-sample/311_nyc_sample.csv";

    /// <summary>问政 messages with their first-level class; the title and the body are one text. One row per id (the set has a duplicate).</summary>
    public static List<Labelled> ReadGovMessages(string dataDir, int titleTimes = 1)
        => [.. Read(Path.Combine(dataDir, GovMessages), c => (c("message_id"), new Labelled(
                $"{string.Join("\n", Enumerable.Repeat(c("title"), titleTimes))}\n{c("detail")}".Trim(), c("label_l1").Trim())))
            .DistinctBy(r => r.Key).Select(r => r.Row)];

    /// <summary>NYC 311 requests: the complaint type and descriptor (the intake's words) labelled with the agency that handled them.</summary>
    public static List<Labelled> ReadNyc311(string dataDir)
        => [.. Read(Path.Combine(dataDir, Nyc311), c => (c("Unique Key"), new Labelled($"{c("Complaint Type")} {c("Descriptor")}", c("Agency"))))
            .Select(r => r.Row)];

    /// <summary>Every text of the 问政 files, labelled or not: the pool the scale run draws its synthetic history from.</summary>
    public static List<string> ReadAllGovTexts(string dataDir)
    {
        var texts = new List<string>();
        foreach (var file in new[] { GovMessages, "gov-messages/messages_with_replies.csv", "gov-messages/messages_with_votes.csv" })
        {
            var path = Path.Combine(dataDir, file);
            if (File.Exists(path))
            {
                texts.AddRange(Read(path, c => ("", $"{c("title")}\n{c("detail")}".Trim())).Select(r => r.Row));
            }
        }
        return texts;
    }

    private static IEnumerable<(string Key, T Row)> Read<T>(string path, Func<Func<string, string>, (string, T)> row)
    {
        using var reader = new StreamReader(path);
        using var csv = CsvReader.Create(reader, new CsvReaderOptions { HasHeader = true });
        var columns = csv.Headers.Select((h, i) => (h, i)).ToDictionary(x => x.h.Trim(), x => x.i);
        while (csv.Read())
        {
            yield return row(name => csv.GetString(columns[name]) ?? "");
        }
    }
}

/// <summary><c>zhengfeng model evaluate [--data DIR] [--scale N] [--folds K]</c>: the figures of the issue, reproducible in one run.</summary>
public static class ModelEvaluateCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var dataDir = Option(args, "--data") ?? EvaluationData.Find(Directory.GetCurrentDirectory()) ?? Path.Combine("..", "shared", "data");
        var scale = int.Parse(Option(args, "--scale") ?? "100000", CultureInfo.InvariantCulture);
        var folds = int.Parse(Option(args, "--folds") ?? "5", CultureInfo.InvariantCulture);
        if (!File.Exists(Path.Combine(dataDir, EvaluationData.GovMessages)))
        {
            error.WriteLine($"找不到评测数据：{Path.Combine(dataDir, EvaluationData.GovMessages)}（用 --data 指定数据目录）");
            return 1;
        }
        var gov = EvaluationData.ReadGovMessages(dataDir);
        var watch = Stopwatch.StartNew();
        var (model, baseline) = CrossValidation.Run(gov, folds);
        output.WriteLine($"gov-messages 一级分类（{gov.Select(r => r.Label).Distinct().Count()} 类），{folds} 折交叉验证，n = {model.N}（{watch.Elapsed.TotalSeconds:F1} s）");
        output.WriteLine($"  {"模型",-28} {"top-1",7} {"top-3",7} {"macro-F1",9}");
        Print(output, "suggestion: NB 加权 LR 字 1–3 元", model);
        Print(output, "baseline: 朴素贝叶斯 字 1–3 元", baseline);
        if (File.Exists(Path.Combine(dataDir, EvaluationData.Nyc311)))
        {
            var nyc = EvaluationData.ReadNyc311(dataDir);
            var (nycModel, nycBaseline) = CrossValidation.Run(nyc, folds);
            output.WriteLine($"nyc-311-sample 承办机构（Agency，{nyc.Select(r => r.Label).Distinct().Count()} 个），按投诉类型文本，{folds} 折，n = {nycModel.N}");
            Print(output, "suggestion: NB 加权 LR", nycModel);
            Print(output, "baseline: 朴素贝叶斯", nycBaseline);
        }
        if (args.Contains("--tune"))
        {
            Tune(output, gov, folds);
            var (twice, _) = CrossValidation.Run(EvaluationData.ReadGovMessages(dataDir, titleTimes: 2), folds);
            Print(output, "title ×2", twice);
        }
        if (scale > 0)
        {
            Scale(output, EvaluationData.ReadAllGovTexts(dataDir), scale);
        }
        Replies.ReplyCheckEvaluation.Report(dataDir, output);
        return 0;
    }

    /// <summary>
    /// Training time, memory and suggestion latency on <paramref name="n"/> synthetic cases: real texts drawn again and again from
    /// the 问政 pool, each given one of 7 categories and one of 60 units at random (the figures are about cost, not accuracy).
    /// </summary>
    public static void Scale(TextWriter output, IReadOnlyList<string> pool, int n)
    {
        var random = new Random(11);
        var cases = Enumerable.Range(0, n).Select(i => new TrainingCase(
            i.ToString(CultureInfo.InvariantCulture), pool[random.Next(pool.Count)], $"c{random.Next(7)}", $"u{random.Next(60)}")).ToList();
        GC.Collect();
        var before = GC.GetTotalMemory(true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var model = DispatchModel.Train(cases);
        var trainSeconds = watch.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var held = GC.GetTotalMemory(true) - before;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        var times = new List<double>();
        for (var i = 0; i < 1000; i++)
        {
            var text = pool[random.Next(pool.Count)];
            watch.Restart();
            model.Suggest(text);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        output.WriteLine($"规模：{n:N0} 件历史工单（7 类、60 个单位）");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  训练 {trainSeconds:F1} s（CPU {cpuSeconds:F1} s）；模型常驻内存 {held / 1048576.0:F0} MiB；进程峰值工作集 {peak / 1048576.0:F0} MiB"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  单次推荐延迟 p50 {times[times.Count / 2]:F2} ms，p95 {times[(int)(times.Count * 0.95)]:F2} ms（1000 次）"));
    }

    /// <summary>The grid the model's defaults were picked from, scored on the same folds (never on a single split).</summary>
    private static void Tune(TextWriter output, IReadOnlyList<Labelled> rows, int folds)
    {
        output.WriteLine($"调参（gov-messages，{folds} 折）：");
        foreach (var epochs in new[] { 12, 30 })
        {
            foreach (var lambda in new[] { 1e-5, 1e-4 })
            {
                foreach (var smoothing in new[] { 0, 0.1, 0.2, 0.5 })
                {
                    var (model, _) = CrossValidation.Run(rows, folds, options: new SoftmaxRegression.Options(epochs, lambda, Smoothing: smoothing));
                    Print(output, string.Create(CultureInfo.InvariantCulture, $"epochs {epochs} λ {lambda:0e0} NB α {smoothing}"), model);
                }
            }
        }
    }

    private static void Print(TextWriter output, string name, Figures f)
        => output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-28} {f.Top1,7:F3} {f.Top3,7:F3} {f.MacroF1,9:F3}"));

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
