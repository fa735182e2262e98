using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace Zhengfeng.Tests.Audit;

/// <summary>Each test tampers with its own database, so each makes its own app.</summary>
public sealed class AuditChainTests
{
    [Fact]
    public async Task Every_change_is_in_the_chain_with_actor_and_before_after()
    {
        await using var app = await AppFactory.StartAsync();
        var admin = await app.AdminAsync();
        var unitId = await admin.CreateUnitAsync(app, name: "审计测试局");
        await admin.PutAsJsonAsync($"/api/v1/units/{unitId}", new { name = "审计测试局（改）", code = app.Unique("c"), parentId = await admin.RootUnitIdAsync(), kind = "department" });

        var log = await admin.GetOkAsync($"/api/v1/audit?entityType=Unit&entityId={unitId}");
        var items = log.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["unit.update", "unit.create"], items.Select(i => i.GetProperty("action").GetString()));
        Assert.All(items, i => Assert.Equal("系统管理员", i.GetProperty("actorName").GetString()));
        Assert.Contains("审计测试局（改）", items[0].GetProperty("after").GetString());
        Assert.Contains("\"Name\":\"审计测试局\"", items[0].GetProperty("before").GetString()!.Replace(" ", "", StringComparison.Ordinal));

        var verify = await admin.GetOkAsync("/api/v1/audit/verify");
        Assert.True(verify.GetProperty("ok").GetBoolean());
        Assert.True(verify.GetProperty("entries").GetInt64() > 2);
    }

    [Fact]
    public async Task Passwords_never_reach_the_audit_log()
    {
        await using var app = await AppFactory.StartAsync();
        var admin = await app.AdminAsync();
        var unitId = await admin.CreateUnitAsync(app);
        await admin.UserAsync(app, unitId, "unit");
        var log = await admin.GetOkAsync("/api/v1/audit?entityType=UserAccount&pageSize=200");
        var created = log.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("action").GetString() == "user.create").ToList();
        Assert.NotEmpty(created);
        Assert.All(created, i =>
        {
            var after = System.Text.Json.JsonDocument.Parse(i.GetProperty("after").GetString()!).RootElement;
            Assert.Equal("***", after.GetProperty("PasswordHash").GetString());
        });
        Assert.DoesNotContain("AQAAAA", log.ToString()); // the prefix of an ASP.NET Core Identity v3 hash
    }

    [Fact]
    public async Task Editing_one_audit_row_in_the_database_makes_verify_fail()
    {
        await using var app = await AppFactory.StartAsync();
        var admin = await app.AdminAsync();
        await admin.CreateUnitAsync(app);
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            """UPDATE "AuditEntries" SET "ActorName" = '别人' WHERE "Seq" = 3"""));

        var verify = await admin.GetOkAsync("/api/v1/audit/verify");
        Assert.False(verify.GetProperty("ok").GetBoolean());
        Assert.Equal(3, verify.GetProperty("brokenSeq").GetInt64());
        Assert.Contains("修改", verify.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Deleting_an_audit_row_makes_verify_fail_and_the_command_line_agrees()
    {
        await using var app = await AppFactory.StartAsync();
        var admin = await app.AdminAsync();
        await admin.CreateUnitAsync(app);
        Assert.Equal(0, await RunCliAsync(app, "audit", "verify"));

        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditEntries" WHERE "Seq" = 5"""));

        var verify = await admin.GetOkAsync("/api/v1/audit/verify");
        Assert.False(verify.GetProperty("ok").GetBoolean());
        Assert.Equal(5, verify.GetProperty("brokenSeq").GetInt64());
        Assert.NotEqual(0, await RunCliAsync(app, "audit", "verify"));
    }

    [Fact]
    public async Task Only_an_admin_may_verify()
    {
        await using var app = await AppFactory.StartAsync();
        var admin = await app.AdminAsync();
        var staff = await admin.UserAsync(app, await admin.CreateUnitAsync(app), "unit", "leader");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/audit/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/audit/verify")).StatusCode);
    }

    /// <summary>Runs the real `zhengfeng` command against the fixture's database.</summary>
    private static async Task<int> RunCliAsync(AppFactory app, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "zhengfeng.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        psi.ArgumentList.Add("--db");
        psi.ArgumentList.Add(app.ConnectionString);
        psi.ArgumentList.Add("--data");
        psi.ArgumentList.Add(app.DataDir);
        using var process = Process.Start(psi)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Contains("审计日志", output);
        return process.ExitCode;
    }
}
