using System.Net;
using System.Text.Json;
using Zhengfeng.Tests.Campaigns;
using Zhengfeng.Tests.Cases;

namespace Zhengfeng.Tests.Suggestions;

/// <summary>派单推荐模型 page: the admin sees what the suggestions learnt from and how often they were right, and retrains there.</summary>
public sealed class ModelPageTests
{
    private static readonly string[] Lights = ["人民路路灯损坏多日", "建设街路灯晚上全部熄灭", "小区门口路灯不亮", "河堤路灯杆倾斜", "广场路灯线路裸露", "学校旁路灯一闪一闪"];
    private static readonly string[] Noise = ["广场舞噪音扰民到深夜", "工地夜间施工噪音太大", "酒吧音响噪音扰民", "商铺喇叭噪音不停", "装修电钻噪音中午不停", "夜市摊贩噪音很大"];

    [Fact]
    public async Task The_admin_sees_the_recent_accuracy_after_a_retrain_from_the_page()
    {
        await using var app = await AppFactory.StartAsync();
        var s = await CaseScenario.CreateAsync(app);
        var before = await s.Admin.GetOkAsync("/api/v1/suggestions/model");
        Assert.Equal(JsonValueKind.Null, before.GetProperty("trainedAt").ValueKind);
        Assert.Contains("尚未训练", await CampaignScenario.PageAsync(s.Admin, "/suggestions"), StringComparison.Ordinal);

        // Twenty-four cases, the two kinds alternating, so the newest tenth held out for the measure has one of each.
        for (var i = 0; i < 12; i++)
        {
            await SuggestionsApiTests.DispatchedAsync(s, "roads", "路灯不亮", $"{Lights[i % Lights.Length]}，第{i + 1}次反映，晚上出行不便", s.LeadUnit);
            await SuggestionsApiTests.DispatchedAsync(s, "environment", "噪音扰民", $"{Noise[i % Noise.Length]}，第{i + 1}次反映，影响休息", s.OtherUnit);
        }
        var posted = await CampaignScenario.PostFormAsync(s.Admin, "/suggestions?handler=Retrain");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var status = await s.Admin.GetOkAsync("/api/v1/suggestions/model");
        Assert.Equal(24, status.GetProperty("trainedOn").GetInt32());
        Assert.Equal(2, status.GetProperty("recentCases").GetInt32());
        Assert.Equal(1.0, status.GetProperty("recentCategoryAccuracy").GetDouble());
        Assert.Equal(1.0, status.GetProperty("recentUnitAccuracy").GetDouble());
        var page = await CampaignScenario.PageAsync(s.Admin, "/suggestions");
        Assert.Contains("学习了 24 件工单", page, StringComparison.Ordinal);
        Assert.Contains("正在使用", page, StringComparison.Ordinal);
        Assert.Contains("<dt>诉求分类首选准确率</dt><dd>100.0%</dd>", page, StringComparison.Ordinal);
        Assert.Contains("最近 2 件工单", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_admin_opens_the_model_page()
    {
        await using var app = await AppFactory.StartAsync();
        var s = await CaseScenario.CreateAsync(app);
        foreach (var client in new[] { s.Operator, s.Dispatcher, s.LeadStaff })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/suggestions")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/suggestions/model")).StatusCode);
        }
        Assert.Contains("派单推荐", await CampaignScenario.PageAsync(s.Admin, "/"), StringComparison.Ordinal);
    }
}
