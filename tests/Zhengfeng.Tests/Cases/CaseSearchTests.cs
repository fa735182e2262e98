using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Zhengfeng.Features.Cases;

namespace Zhengfeng.Tests.Cases;

/// <summary>Staff full-text search over cases and the 并单 candidates of a case, both through the case index.</summary>
public sealed class CaseSearchTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Letters = "枫栎楠桦榆槐桐柏杉檀蕙芷蘅菖蒲荻苇藜葵茱萸芍药苓荞莳蘩";

    /// <summary>A made-up Chinese name no other test uses.</summary>
    private static string Word(int length = 3) => string.Concat(Enumerable.Range(0, length).Select(_ => Letters[Random.Shared.Next(Letters.Length)]));

    private static string Phone() => "139" + Random.Shared.Next(10_000_000, 99_999_999);

    private static async Task<string> CreateAsync(CaseScenario s, string title, string content, string address, string? phone = null, string category = "roads")
        => (await s.Operator.PostOkAsync("/api/v1/cases", new
        {
            kind = "complaint", categoryCode = category, title, content, channel = "hotline", address,
            reporter = new { name = "林某某", phone = phone ?? Phone() },
        }, HttpStatusCode.Created)).Id();

    private static async Task<List<string>> FoundAsync(HttpClient client, string q)
        => (await client.GetOkAsync("/api/v1/cases?pageSize=100&q=" + Uri.EscapeDataString(q))).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("id").GetString()!).ToList();

    [Fact]
    public async Task Search_finds_a_case_by_a_word_of_its_content_a_place_name_and_its_number_best_match_first()
    {
        var s = await CaseScenario.CreateAsync(app);
        var (word, place) = (Word(), Word(2));
        var id = await CreateAsync(s, "路面塌陷", $"门口路面塌陷出一个大坑，{word}牌电动车差点摔倒。", $"{place}路66号");
        var titleHit = await CreateAsync(s, $"{word}牌电动车乱停", "电动车停满人行道。", "县城东门");

        Assert.Contains(id, await FoundAsync(s.Operator, word));
        Assert.Equal(titleHit, (await FoundAsync(s.Operator, word))[0]); // a word in the title weighs more
        Assert.Equal([id], await FoundAsync(s.Operator, $"{place}路"));
        Assert.Equal([id], await FoundAsync(s.Operator, $"{place}路 塌陷"));
        Assert.Empty(await FoundAsync(s.Operator, $"{place}路 停水"));
        Assert.Equal([id], await FoundAsync(s.Operator, await s.NumberAsync(id)));

        var page = WebUtility.HtmlDecode(await s.Operator.GetStringAsync("/cases?q=" + Uri.EscapeDataString(word)));
        Assert.Contains("按相关度排列", page);
        Assert.Contains($"<mark>{word}</mark>牌电动车差点摔倒", page);
    }

    [Fact]
    public async Task A_unit_clerk_finds_only_the_cases_of_their_unit()
    {
        var s = await CaseScenario.CreateAsync(app);
        var word = Word();
        var ours = await CreateAsync(s, "噪音扰民", $"{word}广场舞音响太响。", "县城体育馆周边");
        var theirs = await CreateAsync(s, "噪音扰民", $"{word}广场舞音响太响，晚上十点还不停。", "县城体育馆周边");
        await s.Dispatcher.PostOkAsync($"/api/v1/cases/{ours}/dispatch", new { leadUnitId = s.LeadUnit });
        await s.Dispatcher.PostOkAsync($"/api/v1/cases/{theirs}/dispatch", new { leadUnitId = s.OtherUnit });

        Assert.Equal([ours], await FoundAsync(s.LeadStaff, word));
        Assert.Equal([theirs], await FoundAsync(s.OtherStaff, word));
        Assert.Equal(2, (await FoundAsync(s.Dispatcher, word)).Count);
        Assert.Empty(await FoundAsync(s.LeadStaff, await s.NumberAsync(theirs)));
    }

    [Fact]
    public async Task A_phone_number_finds_the_reporters_cases_for_the_hotline_and_nothing_for_a_unit_clerk()
    {
        var s = await CaseScenario.CreateAsync(app);
        var phone = Phone();
        var first = await CreateAsync(s, "路灯不亮", "小区门口路灯坏了。", "县城长青路", phone);
        var second = await CreateAsync(s, "垃圾未清运", "垃圾桶满了。", "县城长青路", phone, "sanitation");
        await s.Dispatcher.PostOkAsync($"/api/v1/cases/{first}/dispatch", new { leadUnitId = s.LeadUnit });

        Assert.Equal(new[] { first, second }.Order(), (await FoundAsync(s.Operator, phone)).Order());
        Assert.Equal(2, (await FoundAsync(s.Dispatcher, $"{phone[..3]}-{phone[3..7]}-{phone[7..]}")).Count);
        Assert.Equal(2, (await FoundAsync(s.Operator, "+86 " + phone)).Count);
        var clerk = await s.LeadStaff.GetOkAsync("/api/v1/cases?q=" + phone);
        Assert.Equal(0, clerk.GetProperty("total").GetInt32()); // their own case too: the phone is not theirs to search by
        Assert.Empty(clerk.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Merge_candidates_are_similar_open_cases_at_the_same_place_within_the_window_best_first()
    {
        await using var own = await AppFactory.StartAsync(); // moves the clock
        var before = await CaseScenario.CreateAsync(own);
        const string Address = "县城文昌苑小区3栋";
        const string Text = "文昌苑小区3栋楼下井盖缺失，只用树枝挡着，晚上很容易掉进去，请尽快修复。";
        var old = await CreateAsync(before, "井盖缺失", Text, Address);
        own.Clock.Advance(TimeSpan.FromDays(40));
        var admin = await own.AdminAsync(); // the sessions of 40 days ago have expired
        var root = await admin.RootUnitIdAsync();
        var s = new CaseScenario
        {
            App = own, Admin = admin, LeadUnit = before.LeadUnit, OtherUnit = before.OtherUnit,
            Operator = await admin.UserAsync(own, root, "operator"), Dispatcher = await admin.UserAsync(own, root, "dispatcher"),
            LeadStaff = await admin.UserAsync(own, before.LeadUnit, "unit"), OtherStaff = await admin.UserAsync(own, before.OtherUnit, "unit"),
        };

        var main = await CreateAsync(s, "井盖缺失", Text, Address);
        var repeat = await CreateAsync(s, "小区井盖丢了", "文昌苑小区3栋楼下的井盖缺失，晚上很容易掉进去，希望尽快修复。", "县城文昌苑小区");
        var copy1 = await CreateAsync(s, "井盖缺失", Text + "！", Address);
        var copy2 = await CreateAsync(s, "井盖缺失", Text + "！！", Address);
        var elsewhere = await CreateAsync(s, "井盖缺失", Text, "望川镇集镇中心街");
        var otherIssue = await CreateAsync(s, "楼道电动车充电", "有住户把电动车推进楼道里充电，担心起火。", Address, category: "safety");
        var closedHere = await CreateAsync(s, "井盖缺失", Text, Address);
        await s.Dispatcher.PostOkAsync($"/api/v1/cases/{closedHere}/dispatch", new { leadUnitId = s.LeadUnit });
        await s.LeadStaff.PostOkAsync($"/api/v1/cases/{closedHere}/sign", new { });
        await s.LeadStaff.PostOkAsync($"/api/v1/cases/{closedHere}/reply", new { content = "已更换井盖。", outcome = "resolved" });
        var code = (await s.Operator.GetOkAsync($"/api/v1/cases/{closedHere}")).GetProperty("trackingCode").GetString();
        await own.Anonymous().PostOkAsync($"/public/v1/cases/{code}/rating", new { level = 5, resolved = true });
        if ((await s.Dispatcher.GetOkAsync($"/api/v1/cases/{closedHere}")).GetProperty("status").GetString() != "closed")
        {
            await s.Dispatcher.PostOkAsync($"/api/v1/cases/{closedHere}/close", new { note = "办结" });
        }
        var phone = Phone();
        var reporterMain = await CreateAsync(s, "路灯不亮", "长青路路灯坏了两周。", "县城长青路", phone);
        var reporterOther = await CreateAsync(s, "公厕无人保洁", "北站公厕很脏。", "县城北站公交站", phone, "sanitation");

        var found = (await s.Dispatcher.GetOkAsync($"/api/v1/cases/{main}/merge-candidates")).EnumerateArray().ToList();
        var ids = found.Select(f => f.GetProperty("id").GetString()).ToList();
        var grouped = found.SelectMany(f => f.GetProperty("repeatIds").EnumerateArray().Select(r => r.GetString())).ToList();
        Assert.True(found.Count == 2, string.Join("\n", found.Select(f => f.ToString())) + $"\nrepeat {repeat} copies {copy1} {copy2}"); // the copies as one, and the repeat
        Assert.Contains(repeat, ids);
        Assert.Equal(new[] { copy1, copy2 }.Order(), ids.Where(i => i != repeat).Concat(grouped).Order());
        Assert.All((string?[])[old, elsewhere, otherIssue, closedHere], x => Assert.DoesNotContain(x, ids.Concat(grouped)));
        var best = found[0];
        Assert.Contains(best.GetProperty("id").GetString(), (string[])[copy1, copy2]);
        Assert.Single(best.GetProperty("repeatIds").EnumerateArray());
        Assert.Contains("同一地址", best.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.True(best.GetProperty("score").GetDouble() > found[1].GetProperty("score").GetDouble());

        var byReporter = (await s.Dispatcher.GetOkAsync($"/api/v1/cases/{reporterMain}/merge-candidates")).EnumerateArray().Single();
        Assert.Equal(reporterOther, byReporter.GetProperty("id").GetString());
        Assert.Contains("同一诉求人", byReporter.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));

        var page = WebUtility.HtmlDecode(await s.Dispatcher.GetStringAsync($"/cases/{main}"));
        Assert.Contains("另有 1 件几乎相同的诉求", page);
        Assert.Contains("并入 " + await s.NumberAsync(repeat), page);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.LeadStaff.GetAsync($"/api/v1/cases/{main}/merge-candidates")).StatusCode);
    }

    [Fact]
    public async Task The_index_survives_a_restart_catches_up_with_cases_added_meanwhile_and_is_rebuilt_when_broken()
    {
        var s = await CaseScenario.CreateAsync(app);
        var folder = Directory.CreateTempSubdirectory("zf-index-").FullName;
        try
        {
            var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["data"] = folder }).Build();
            CaseIndex Start() => new(app.Services.GetRequiredService<IServiceScopeFactory>(), config, NullLogger<CaseIndex>.Instance);
            var word = Word();
            var before = await CreateAsync(s, "占道经营", $"{word}夜市占道。", "县城东门菜市场");
            using (var first = Start())
            {
                Assert.Single((await first.CurrentAsync(default)).Search(word, null, 10));
            }
            int count;
            using (var reopened = CaseTextIndex.Open(Path.Combine(folder, CaseIndex.FolderName)))
            {
                count = reopened.Count;
                Assert.NotNull(reopened.Through); // kept in the commit data
                Assert.Equal([before], reopened.Search(word, null, 10));
            }
            var meanwhile = await CreateAsync(s, "占道经营", $"{word}夜市又来了。", "县城东门菜市场");
            using (var second = Start())
            {
                var index = await second.CurrentAsync(default);
                Assert.Equal(count + 1, index.Count);
                Assert.Equal([before, meanwhile], index.Search(word, null, 10).Order());
            }
            foreach (var file in Directory.GetFiles(Path.Combine(folder, CaseIndex.FolderName), "segments*"))
            {
                File.WriteAllText(file, "broken");
            }
            using (var third = Start())
            {
                Assert.Equal([before, meanwhile], (await third.CurrentAsync(default)).Search(word, null, 10).Order());
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
