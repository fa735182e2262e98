using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Audit;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Figures;
using Zhengfeng.Tests.Cases;

namespace Zhengfeng.Tests.Audit;

/// <summary>Saves of new rows only, which the SQLite writer inserts with its own prepared statements instead of EF Core's batches.</summary>
public sealed class NewRowsTests
{
    [Fact]
    public async Task New_rows_are_written_principals_first_and_read_back_exactly_as_they_were_saved()
    {
        await using var app = await AppFactory.StartAsync();
        var s = await CaseScenario.CreateAsync(app);
        var now = app.Clock.GetUtcNow();
        var id = Ids.New();
        await app.WithDbAsync(async db =>
        {
            var c = NewCase(id, "T" + id[..10], now);
            db.Add(c.Timeline.Single()); // the timeline's event is tracked before the case it belongs to
            db.Add(c);
            var rows = NewRows.Collect(db.ChangeTracker.Entries());
            Assert.NotNull(rows);
            Assert.Equal(["Case", "CaseEvent"], rows.Select(r => r.Entry.Metadata.ClrType.Name));
            db.PendingAction = "case.register";
            await db.SaveChangesAsync(); // the case first: the event's foreign key would refuse it otherwise
            Assert.All(db.ChangeTracker.Entries().Where(e => e.Entity is not FigureDelta), e => Assert.Equal(EntityState.Unchanged, e.State));
        });

        await app.WithDbAsync(async db =>
        {
            var c = await db.Set<Case>().AsNoTracking().Include(x => x.Timeline).SingleAsync(x => x.Id == id);
            Assert.Equal((CaseKind.Suggestion, "路灯不亮", 30.25, true, now), (c.Kind, c.Title, c.Lat!.Value, c.Urgent, c.RegisteredAt));
            Assert.Null(c.Address);
            Assert.Equal(CaseEventKind.Register, c.Timeline.Single().Action);
            // Stored with the model's conversions: the kind as its name, the instant as milliseconds.
            var stored = await db.Database.SqlQuery<string>($"SELECT \"Kind\" || '|' || \"RegisteredAt\" AS \"Value\" FROM \"Case\" WHERE \"Id\" = {id}")
                .SingleAsync();
            Assert.Equal($"Suggestion|{now.ToUnixTimeMilliseconds()}", stored);
        });
        // The new case is counted and logged like any other.
        var month = now.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM");
        await app.WithDbAsync(async db => Assert.Equal(1, (await RunningFigures.ReadAsync(db, [month], default)).Total(FigureMetric.Registered, month)));
        var log = await s.Admin.GetOkAsync($"/api/v1/audit?entityId={id}");
        Assert.Contains(log.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "case.register");
    }

    [Fact]
    public async Task A_new_row_a_unique_index_refuses_fails_its_save_alone_as_a_save_conflict()
    {
        await using var app = await AppFactory.StartAsync();
        var s = await CaseScenario.CreateAsync(app);
        var first = await s.CreateCaseAsync();
        var now = app.Clock.GetUtcNow();
        var duplicate = Ids.New();
        await app.WithDbAsync(async db =>
        {
            var code = (await db.Set<Case>().AsNoTracking().SingleAsync(x => x.Id == first.Id())).TrackingCode;
            db.Add(NewCase(duplicate, code, now)); // the same tracking code: the unique index refuses it
            db.PendingAction = "case.register";
            var e = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.True(SaveConflict.Is(e));
        });

        await app.WithDbAsync(async db =>
        {
            Assert.False(await db.Set<Case>().AnyAsync(x => x.Id == duplicate));
            Assert.False(await db.Set<CaseEvent>().AnyAsync(x => x.CaseId == duplicate));
            Assert.False(await db.AuditEntries.AnyAsync(x => x.EntityId == duplicate));
            var month = now.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM");
            Assert.Equal(1, (await RunningFigures.ReadAsync(db, [month], default)).Total(FigureMetric.Registered, month));
        });
        await s.CreateCaseAsync(); // the next save goes through
        var verify = await s.Admin.GetOkAsync("/api/v1/audit/verify");
        Assert.True(verify.GetProperty("ok").GetBoolean(), verify.ToString());
    }

    [Fact]
    public async Task A_save_that_changes_a_row_is_left_to_EF_Core()
    {
        await using var app = await AppFactory.StartAsync();
        var s = await CaseScenario.CreateAsync(app);
        var created = await s.CreateCaseAsync();
        await app.WithDbAsync(async db =>
        {
            var c = await db.Set<Case>().SingleAsync(x => x.Id == created.Id());
            db.Entry(c).Property(x => x.Title).CurrentValue = "人行道井盖缺失（已核实）";
            db.Add(NewCase(Ids.New(), "T" + Ids.New()[..10], app.Clock.GetUtcNow()));
            Assert.Null(NewRows.Collect(db.ChangeTracker.Entries()));
            db.PendingAction = "case.update";
            await db.SaveChangesAsync();
        });
        var view = await s.Operator.GetOkAsync($"/api/v1/cases/{created.Id()}");
        Assert.Equal("人行道井盖缺失（已核实）", view.GetProperty("title").GetString());
    }

    private static Case NewCase(string id, string trackingCode, DateTimeOffset now)
    {
        var c = new Case
        {
            Id = id, TrackingCode = trackingCode, Kind = CaseKind.Suggestion, CategoryCode = "roads", Title = "路灯不亮", Content = "幸福路路灯连续三晚不亮。",
            Channel = "hotline", Lat = 30.25, Urgent = true, Anonymous = true, RegisteredAt = now,
        };
        c.Register(new Actor("test", "测试", null), now, "12345热线受理，建议");
        return c;
    }
}
