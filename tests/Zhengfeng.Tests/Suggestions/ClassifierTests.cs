using Zhengfeng.Features.Suggestions;

namespace Zhengfeng.Tests.Suggestions;

public sealed class ClassifierTests
{
    private static readonly (string Text, string Category, string Unit)[] History =
    [
        ("小区路灯不亮，夜里出行很不方便", "roads", "u-light"),
        ("人民路路灯损坏多日无人维修", "roads", "u-light"),
        ("建设街一排路灯晚上全部熄灭", "roads", "u-light"),
        ("楼下广场舞噪音扰民到深夜", "environment", "u-noise"),
        ("工地夜间施工噪音太大影响休息", "environment", "u-noise"),
        ("酒吧音响噪音扰民，请求处理", "environment", "u-noise"),
        ("公司拖欠工资三个月不发", "labour", "u-labour"),
        ("包工头欠薪不还，农民工讨薪无门", "labour", "u-labour"),
        ("工厂拖欠加班工资和社保", "labour", "u-labour"),
    ];

    private static DispatchModel Trained()
        => DispatchModel.Train([.. History.Select((h, i) => new TrainingCase($"c{i}", h.Text, h.Category, h.Unit))]);

    [Fact]
    public void With_no_history_nothing_is_suggested()
    {
        Assert.Same(DispatchModel.Empty, DispatchModel.Train([]));
        var suggestion = DispatchModel.Empty.Suggest("路灯不亮");
        Assert.Empty(suggestion.Categories);
        Assert.Empty(suggestion.Units);
        Assert.Empty(suggestion.Similar);
        Assert.Equal(0, DispatchModel.Empty.TrainedOn);
    }

    [Fact]
    public void A_clear_signal_is_learned_with_its_words_and_similar_cases()
    {
        var model = Trained();
        var suggestion = model.Suggest("幸福路路灯坏了不亮");
        Assert.Equal("roads", suggestion.Categories[0].Label);
        Assert.Equal("u-light", suggestion.Units[0].Label);
        Assert.Contains(suggestion.CategoryReasons, r => r.Contains("路灯", StringComparison.Ordinal));
        Assert.Equal(suggestion.CategoryReasons.Count, suggestion.CategoryReasons.Distinct().Count()); // a title gram is not given twice
        Assert.StartsWith("c", suggestion.Similar[0].Label, StringComparison.Ordinal);
        Assert.Contains(suggestion.Similar[0].Label, new[] { "c0", "c1", "c2" });
        Assert.True(suggestion.Categories.Zip(suggestion.Categories.Skip(1)).All(p => p.First.Score >= p.Second.Score), "best first");
        Assert.Equal("labour", model.Suggest("老板拖欠工资").Categories[0].Label);
    }

    [Fact]
    public void Accuracy_on_recent_cases_is_measured_on_cases_held_out_from_training()
    {
        var cases = Enumerable.Range(0, 8).SelectMany(round => History.Select((h, i) => new TrainingCase($"r{round}c{i}", h.Text, h.Category, h.Unit))).ToList();
        var accuracy = DispatchModel.Measure(cases);
        Assert.Equal(cases.Count / 10, accuracy.Cases);
        Assert.Equal(1.0, accuracy.Category);
        Assert.Equal(1.0, accuracy.Unit);
        Assert.Null(DispatchModel.Measure([.. cases.Take(5)]).Category);
    }

    [Fact]
    public void Text_with_no_known_words_gets_no_suggestion_rather_than_a_guess()
    {
        var suggestion = Trained().Suggest("？？？ ……");
        Assert.Empty(suggestion.Categories);
        Assert.Empty(suggestion.Units);
    }

    [Fact]
    public void Character_grams_read_back_as_the_text_they_came_from()
    {
        var keys = new List<ulong>();
        var words = new Dictionary<ulong, string>();
        TextGrams.Extract("路灯ＡＢ3", keys, words);
        Assert.Equal(["路", "路灯", "灯", "ab3", "路", "路灯", "灯", "ab3"], keys.Select(k => TextGrams.Describe(k, words)));
    }

    [Fact]
    public void The_first_line_gives_title_features_apart_from_the_same_words_in_the_text()
    {
        var keys = new List<ulong>();
        TextGrams.Extract("路灯不亮\n路灯坏了", keys);
        var title = new List<ulong>();
        TextGrams.Extract("路灯不亮", title);
        Assert.Equal(title.Count / 2, keys.Count - title.Count); // the body's grams once, the title's twice
        Assert.Equal(2, keys.Count(k => TextGrams.Describe(k, new Dictionary<ulong, string>()) == "不亮"));
        Assert.Equal(2, keys.Where(k => TextGrams.Describe(k, new Dictionary<ulong, string>()) == "路灯").Distinct().Count());
    }

    [Fact]
    public void Naive_bayes_baseline_learns_the_same_clear_signal()
    {
        var vectorizer = Vectorizer.Build([.. History.Select(h => h.Text)]);
        var docs = History.Select(h => Doc.Of(vectorizer, h.Text)).ToList();
        var nb = NaiveBayes.Train(docs, [.. History.Select(h => h.Category)], vectorizer.FeatureCount);
        Assert.Equal("environment", nb.Rank(Doc.Of(vectorizer, "半夜噪音扰民"), 3)[0].Label);
    }
}
