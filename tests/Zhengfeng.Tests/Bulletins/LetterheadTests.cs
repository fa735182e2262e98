using System.Net;
using System.Net.Http.Json;
using Zhengfeng.Tests.Campaigns;

namespace Zhengfeng.Tests.Bulletins;

/// <summary>发文设置: the letterhead comes from the county's name until the supervision office saves its own.</summary>
public sealed class LetterheadTests
{
    [Fact]
    public async Task The_default_letterhead_is_made_from_the_countys_name_and_a_saved_one_is_used_by_new_bulletins_only()
    {
        await using var app = await AppFactory.StartAsync(); // renames the county and changes the letterhead: its own app
        var p = await BulletinPeople.CreateAsync(app);
        var root = await p.Cases.Admin.RootUnitIdAsync();
        var renamed = await p.Cases.Admin.PutAsJsonAsync($"/api/v1/units/{root}", new { name = "青岚县", code = "county", kind = "county" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);

        var before = await p.Supervisor.GetOkAsync($"/api/v1/bulletins/{await p.DraftAsync()}");
        Assert.Equal("中共青岚县纪委办公室", before.GetProperty("organName").GetString());
        Assert.StartsWith("青纪办发〔2026〕", before.GetProperty("documentNumber").GetString());

        var saved = await CampaignScenario.PostFormAsync(p.Supervisor, "/settings/letterhead",
            ("Input.OrganName", "中共青岚县纪委县监委办公室"), ("Input.Prefix", "青纪办"), ("Input.PrintedBy", "中共青岚县纪委县监委办公室"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await p.Supervisor.GetOkAsync($"/api/v1/bulletins/{await p.DraftAsync()}");
        Assert.Equal("中共青岚县纪委县监委办公室", after.GetProperty("organName").GetString());
        Assert.StartsWith("青纪办〔2026〕", after.GetProperty("documentNumber").GetString());
        Assert.Equal("中共青岚县纪委办公室", (await p.Supervisor.GetOkAsync($"/api/v1/bulletins/{before.Id()}")).GetProperty("organName").GetString());

        var page = await PageAsync(p.Supervisor, "/settings/letterhead");
        Assert.Contains("中共青岚县纪委县监委办公室", page);
        Assert.Contains("修改发文设置", await PageAsync(p.Cases.Admin, "/audit"));

        var reset = await CampaignScenario.PostFormAsync(p.Supervisor, "/settings/letterhead?handler=reset");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("中共青岚县纪委办公室", (await p.Supervisor.GetOkAsync($"/api/v1/bulletins/{await p.DraftAsync()}")).GetProperty("organName").GetString());
    }

    [Theory]
    [InlineData("", "青纪办发", "请填写发文机关")]
    [InlineData("中共青岚县纪委办公室", "青纪办发〔2026〕", "年份和序号由系统在印发时生成")]
    public async Task A_bad_letterhead_is_refused_with_the_reason_and_nothing_changes(string organ, string prefix, string reason)
    {
        await using var app = await AppFactory.StartAsync();
        var p = await BulletinPeople.CreateAsync(app);
        var response = await CampaignScenario.PostFormAsync(p.Supervisor, "/settings/letterhead",
            ("Input.OrganName", organ), ("Input.Prefix", prefix), ("Input.PrintedBy", "印发机关"));
        Assert.Contains(reason, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal("中共本县纪委办公室", (await p.Supervisor.GetOkAsync($"/api/v1/bulletins/{await p.DraftAsync()}")).GetProperty("organName").GetString());
    }

    [Fact]
    public async Task A_draft_is_previewed_in_the_browser_by_the_office_and_an_issued_bulletin_by_any_staff()
    {
        await using var app = await AppFactory.StartAsync();
        var p = await BulletinPeople.CreateAsync(app);
        var draft = await p.DraftAsync("关于窗口单位作风问题的通报");
        var preview = await PageAsync(p.Supervisor, $"/bulletins/preview/{draft}");
        Assert.Contains("中共本县纪委办公室文件", preview);
        Assert.Contains("关于窗口单位作风问题的通报", preview);
        Assert.Contains("<p class=\"h1\">一、基本情况</p>", preview);
        Assert.Contains("发文字号在印发时编定", preview);

        Assert.Equal(HttpStatusCode.NotFound, (await p.Cases.LeadStaff.GetAsync($"/bulletins/preview/{draft}")).StatusCode); // a unit never sees a draft
        Assert.Equal(HttpStatusCode.Forbidden, (await p.Cases.LeadStaff.GetAsync("/settings/letterhead")).StatusCode);

        await p.Supervisor.PostOkAsync($"/api/v1/bulletins/{draft}/issue", new { });
        var issued = await PageAsync(p.Cases.LeadStaff, $"/bulletins/preview/{draft}");
        Assert.Contains("本纪办发〔2026〕1号", issued);
        Assert.DoesNotContain("发文字号在印发时编定", issued);
    }

    private static async Task<string> PageAsync(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));
}
