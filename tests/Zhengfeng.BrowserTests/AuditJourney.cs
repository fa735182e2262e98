using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Zhengfeng.Tests;
using static Microsoft.Playwright.Assertions;

namespace Zhengfeng.BrowserTests;

/// <summary>The admin reads the audit log, filters it, verifies the hash chain, and sees where it breaks after tampering.</summary>
public sealed class AuditJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Admin_reads_the_log_verifies_the_chain_and_finds_a_tampered_entry()
    {
        var admin = await app.AdminAsync();
        var unit = await admin.CreateUnitAsync(app, name: "县审计测试局");
        await admin.PostOkAsync("/api/v1/cadres", new { name = "审计测试干部", unitId = unit }, HttpStatusCode.Created);

        var page = await app.NewPageAsync();
        await BrowserApp.LoginAsync(page, "admin", AppFactory.AdminPassword);
        await BrowserApp.NavigateAsync(page, "审计日志");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "审计日志", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "新增单位" }).First).ToContainTextAsync("系统管理员");

        await page.GetByLabel("对象类型").SelectOptionAsync(new SelectOptionValue { Label = "干部" });
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        var rows = page.GetByRole(AriaRole.Rowgroup).Last.GetByRole(AriaRole.Row);
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync("新增干部");

        await page.GetByRole(AriaRole.Button, new() { Name = "校验哈希链" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("哈希链校验通过");
        await Expect(page.GetByLabel("对象类型")).ToHaveValueAsync("Cadre");

        long tampered = 0;
        await app.WithDbAsync(async db =>
        {
            tampered = await db.AuditEntries.Where(e => e.EntityType == "Cadre").Select(e => e.Seq).SingleAsync();
            await db.AuditEntries.Where(e => e.Seq == tampered).ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorName, "他人"));
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "校验哈希链" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync($"第 {tampered} 条记录的内容与其哈希不符");
    }
}
