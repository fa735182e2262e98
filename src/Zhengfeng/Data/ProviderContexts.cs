using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Zhengfeng.Features.Audit;

namespace Zhengfeng.Data;

/// <summary>Owns the SQLite migrations; the code only ever asks for <see cref="AppDb"/>. One constructor, as pooling asks.</summary>
public sealed class SqliteAppDb(DbContextOptions<SqliteAppDb> options) : AppDb(options);

/// <summary>Owns the PostgreSQL migrations.</summary>
public sealed class PostgresAppDb(DbContextOptions<PostgresAppDb> options) : AppDb(options);

internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteAppDb>
{
    public SqliteAppDb CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<SqliteAppDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresAppDb>
{
    public PostgresAppDb CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<PostgresAppDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
