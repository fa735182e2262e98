using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhengfeng.Data;

namespace Zhengfeng.Tests.Audit;

/// <summary>
/// On PostgreSQL the audit log is numbered in batches after each change commits, so one instance's long transaction never
/// holds up another's save, and concurrent saves still make one gapless chain. (SQLite has one writer anyway.)
/// </summary>
public sealed class AuditSequencingTests
{
    [Fact]
    public async Task A_transaction_left_open_does_not_hold_up_other_saves_and_its_entries_join_the_chain_when_it_commits()
    {
        await using var app = await AppFactory.StartAsync();
        if (!app.IsPostgres)
        {
            return;
        }
        var admin = await app.AdminAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var slow = scope.ServiceProvider.GetRequiredService<AppDb>();
        await using var tx = await slow.Database.BeginTransactionAsync();
        slow.Settings.Add(new AppSetting { Key = "sequencing-test", Value = "1" });
        slow.PendingAction = "test.slow-transaction";
        await slow.SaveChangesAsync();

        // Another request saves while that transaction is still open. With one lock around every save it waited for the commit.
        var create = admin.CreateUnitAsync(app, name: "长事务期间新增的单位");
        Assert.Same(create, await Task.WhenAny(create, Task.Delay(TimeSpan.FromSeconds(15))));
        var unit = await create;
        using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await using (var probe = app.Services.CreateAsyncScope())
        {
            var db = probe.ServiceProvider.GetRequiredService<AppDb>();
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityId == unit, quick.Token)); // numbered before the API answered
            Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == "test.slow-transaction", quick.Token));
        }

        await tx.CommitAsync();
        await using (var probe = app.Services.CreateAsyncScope())
        {
            var db = probe.ServiceProvider.GetRequiredService<AppDb>();
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "test.slow-transaction"));
            Assert.Equal(0, await db.StagedAuditEntries.CountAsync());
        }
        var verify = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.True(verify.GetProperty("ok").GetBoolean(), verify.ToString());
    }

    [Fact]
    public async Task Saves_made_at_once_are_numbered_in_one_gapless_chain()
    {
        await using var app = await AppFactory.StartAsync();
        var admin = await app.AdminAsync();
        long before = 0;
        await app.WithDbAsync(async db => before = await db.AuditEntries.CountAsync());

        var units = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => admin.CreateUnitAsync(app, name: $"并发新增单位{i:D2}")));

        await app.WithDbAsync(async db =>
        {
            Assert.Equal(0, await db.StagedAuditEntries.CountAsync());
            var logged = await db.AuditEntries.Where(e => units.Contains(e.EntityId)).Select(e => e.EntityId).Distinct().CountAsync();
            Assert.Equal(units.Length, logged);
            var count = await db.AuditEntries.CountAsync();
            Assert.Equal(count, await db.AuditEntries.MaxAsync(e => e.Seq)); // numbers 1..n, none missing or twice
            Assert.True(count >= before + units.Length);
        });
        var verify = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.True(verify.GetProperty("ok").GetBoolean(), verify.ToString());
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/v1/audit/checkpoints", null)).StatusCode);
    }
}
