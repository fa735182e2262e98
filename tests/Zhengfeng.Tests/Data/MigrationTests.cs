using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhengfeng.Data;

namespace Zhengfeng.Tests.Data;

public sealed class MigrationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_model_has_no_changes_missing_from_the_migrations_of_this_provider()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        Assert.Equal(app.IsPostgres, db.IsPostgres);
        Assert.False(db.Database.HasPendingModelChanges(), "run dotnet ef migrations add for both providers");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task The_shipped_calendar_and_categories_are_loaded_on_an_empty_database()
    {
        var admin = await app.AdminAsync();
        var years = await admin.GetOkAsync("/api/v1/calendar/years");
        Assert.Contains(years.EnumerateArray(), y => y.GetProperty("year").GetInt32() == 2026);
        var categories = await app.Anonymous().GetOkAsync("/api/v1/categories");
        Assert.Contains(categories.EnumerateArray(), c => c.GetProperty("code").GetString() == "roads" && c.GetProperty("handleWorkdays").GetInt32() == 5);
    }
}
