using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhengfeng.Data;
using Zhengfeng.Features.Audit;

namespace Zhengfeng.Tests.Data;

public sealed class MigrationTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>
    /// Each provider's context built offline: comparing the model with a migration set needs no server, so both
    /// providers are checked on every run, the plain SQLite one included.
    /// </summary>
    private static AppDb OfflineContext(string provider) => provider switch
    {
        "sqlite" => new SqliteAppDb(new DbContextOptionsBuilder<SqliteAppDb>().UseSqlite("Data Source=unused.db").Options),
        "postgres" => new PostgresAppDb(new DbContextOptionsBuilder<PostgresAppDb>().UseNpgsql("Host=unused").Options),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void The_model_has_no_changes_missing_from_the_migrations_of_either_provider(string provider)
    {
        using var db = OfflineContext(provider);
        Assert.Equal(provider == "postgres", db.IsPostgres);
        Assert.NotEmpty(db.Database.GetMigrations()); // the provider's own migration set, found by its context type
        Assert.False(db.Database.HasPendingModelChanges(), $"the {provider} migrations miss a model change: run dotnet ef migrations add for both providers");
    }

    [Fact]
    public async Task The_database_of_this_run_is_migrated_to_the_last_migration_of_its_provider()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        Assert.Equal(app.IsPostgres, db.IsPostgres);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations().Last(), (await db.Database.GetAppliedMigrationsAsync()).Last());
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
