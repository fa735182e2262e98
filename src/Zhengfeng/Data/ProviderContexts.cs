using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Zhengfeng.Features.Audit;

namespace Zhengfeng.Data;

/// <summary>Owns the SQLite migrations; the code only ever asks for <see cref="AppDb"/>.</summary>
public sealed class SqliteAppDb(DbContextOptions<SqliteAppDb> options, AuditActor actor, TimeProvider clock) : AppDb(options, actor, clock);

/// <summary>Owns the PostgreSQL migrations.</summary>
public sealed class PostgresAppDb(DbContextOptions<PostgresAppDb> options, AuditActor actor, TimeProvider clock) : AppDb(options, actor, clock);

internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteAppDb>
{
    public SqliteAppDb CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<SqliteAppDb>().UseSqlite("Data Source=design.db").Options, AuditActor.System, TimeProvider.System);
}

internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresAppDb>
{
    public PostgresAppDb CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<PostgresAppDb>().UseNpgsql("Host=localhost;Database=design").Options, AuditActor.System, TimeProvider.System);
}
