using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhengfeng.Data;
using Zhengfeng.Features.Org;

namespace Zhengfeng.Tests.Audit;

/// <summary>
/// Many saves at once (on SQLite they are written together in one transaction): each is in the chain once,
/// and one that breaks a constraint fails alone, leaving no entry behind.
/// </summary>
public sealed class ConcurrentSaveTests
{
    [Fact]
    public async Task Saves_at_once_all_land_in_an_unbroken_chain_and_a_failing_one_fails_alone()
    {
        await using var app = await AppFactory.StartAsync();
        var admin = await app.AdminAsync();
        var root = await admin.RootUnitIdAsync();
        var taken = app.Unique("dup");
        await admin.PostOkAsync("/api/v1/units", new { name = "已有单位", code = taken, parentId = root, kind = "department" }, System.Net.HttpStatusCode.Created);

        var codes = Enumerable.Range(0, 40).Select(i => i == 17 ? taken : app.Unique("c")).ToList();
        var saves = codes.Select(code => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            db.Add(new Unit { Id = Ids.New(), Code = code, Name = "并发单位" + code, Kind = UnitKind.Department, ParentId = root });
            db.PendingAction = "unit.create";
            await db.SaveChangesAsync();
        })).ToList();
        var outcome = await Task.WhenAll(saves.Select(async t =>
        {
            try
            {
                await t;
                return null;
            }
            catch (DbUpdateException e)
            {
                return e;
            }
        }));

        Assert.Single(outcome, e => e is not null);
        Assert.NotNull(outcome[17]);
        var created = codes.Where((_, i) => i != 17).ToList();
        await app.WithDbAsync(async db =>
        {
            Assert.Equal(created.Count, await db.Units.CountAsync(u => created.Contains(u.Code)));
            Assert.Equal(1, await db.Units.CountAsync(u => u.Code == taken));
            var entries = await db.AuditEntries.Where(a => a.Action == "unit.create" && a.After!.Contains("并发单位")).Select(a => a.After!).ToListAsync();
            Assert.Equal(created.Count, entries.Count);
            Assert.DoesNotContain(entries, a => a.Contains("并发单位" + taken, StringComparison.Ordinal));
        });
        var verify = await admin.GetOkAsync("/api/v1/audit/verify");
        Assert.True(verify.GetProperty("ok").GetBoolean(), verify.ToString());
    }
}
