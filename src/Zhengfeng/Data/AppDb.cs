using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.EntityFrameworkCore.Update;
using Zhengfeng.Features.Accounts;
using Zhengfeng.Features.Audit;
using Zhengfeng.Features.Calendar;
using Zhengfeng.Features.Org;

namespace Zhengfeng.Data;

/// <summary>
/// The one DbContext. Two empty subclasses (<see cref="SqliteAppDb"/>, <see cref="PostgresAppDb"/>) own one
/// migration set each. After a model change add both:
/// <code>
/// dotnet ef migrations add X --project src/Zhengfeng --context SqliteAppDb -o Data/Migrations/Sqlite
/// dotnet ef migrations add X --project src/Zhengfeng --context PostgresAppDb -o Data/Migrations/Postgres
/// </code>
/// Every SaveChanges passes through <see cref="AuditTrail"/>, which appends the hash-chained audit entries
/// in the same transaction as the change itself.
/// Requests lease their context from a pool (<see cref="Database.AddAppDb"/>): <see cref="Lease"/> gives it the
/// request's actor and clears what the previous request left.
/// </summary>
public class AppDb : DbContext
{
    private AuditActor _actor;
    private TimeProvider _clock;

    /// <summary>Acts as the system on the real clock until <see cref="Lease"/> hands it to a request.</summary>
    protected AppDb(DbContextOptions options) : base(options)
    {
        _actor = AuditActor.System;
        _clock = TimeProvider.System;
    }

    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Cadre> Cadres => Set<Cadre>();
    public DbSet<UserAccount> Users => Set<UserAccount>();
    public DbSet<UserSession> Sessions => Set<UserSession>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<StagedAuditEntry> StagedAuditEntries => Set<StagedAuditEntry>();
    public DbSet<HolidayDay> HolidayDays => Set<HolidayDay>();
    public DbSet<AppSetting> Settings => Set<AppSetting>();
    /// <summary>Where an earlier version kept the data-protection key ring; emptied on start-up (<see cref="Web.KeyRing"/>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    internal AuditActor Actor => _actor;
    internal TimeProvider Clock => _clock;

    /// <summary>Hands a pooled context to one request: its actor and clock, and nothing pending from the last one.</summary>
    internal AppDb Lease(AuditActor actor, TimeProvider clock)
    {
        _actor = actor;
        _clock = clock;
        PendingAction = null;
        PendingEvents.Clear();
        AuditStagedInTransaction = false;
        GroupTurn = null;
        return this;
    }

    /// <summary>The action name the next SaveChanges writes to the audit log (e.g. "case.dispatch").</summary>
    public string? PendingAction { get; set; }

    /// <summary>Entries about something that changed outside the database (e.g. a checkpoint file written), logged by the next SaveChanges.</summary>
    internal List<AuditTrail.Change> PendingEvents { get; } = [];

    /// <summary>Logs an action that changes no row (the next SaveChanges writes it, even with nothing else to save).</summary>
    public void RecordEvent(string action, string entityType, string entityId, string? after)
        => PendingEvents.Add(new AuditTrail.Change(action, entityType, entityId, null, after));

    /// <summary>A grouped save in progress on SQLite: EF Core's commands go to the single writer (<see cref="GroupCommit"/>).</summary>
    internal GroupCommit.Turn? GroupTurn { get; set; }

    /// <summary>Audit entries were staged inside the caller's own transaction: they are numbered when it commits (PostgreSQL).</summary>
    internal bool AuditStagedInTransaction { get; set; }

    /// <summary>A context on the read replica (<see cref="ReplicaReads"/>): it reads, and refuses every save.</summary>
    internal bool OnReplica { get; set; }

    public bool IsPostgres => _isPostgres ??= Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    /// <summary>Whether this context's saves can go through <see cref="GroupCommit"/> (SQLite, with its batch executor); fixed for its life.</summary>
    internal bool CanGroupSaves => _canGroupSaves ??= !IsPostgres && this.GetService<IBatchExecutor>() is GroupedBatchExecutor;

    private bool? _isPostgres;
    private bool? _canGroupSaves;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDb).Assembly);
        // The key ring's XML is longer than the default string length.
        modelBuilder.Entity<DataProtectionKey>().Property(k => k.Xml).HasColumnType("text");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset in SQL: every instant is stored as UTC milliseconds.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<InstantConverter>();
        configurationBuilder.Properties<string>().HaveMaxLength(400);
    }

    /// <summary>Every save must use SaveChangesAsync, which writes the audit log.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
        => ChangeTracker.Entries().All(e => e.State == EntityState.Unchanged)
            ? base.SaveChanges(acceptAllChangesOnSuccess)
            : throw new NotSupportedException("Use SaveChangesAsync: it writes the audit log.");

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
        => OnReplica ? throw new InvalidOperationException("A context on the read replica never saves: writes go to the primary.")
        : AuditTrail.SaveWithAuditAsync(this, accept => base.SaveChangesAsync(accept, cancellationToken), acceptAllChangesOnSuccess, cancellationToken);

    private sealed class InstantConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.ToUnixTimeMilliseconds(),
        v => DateTimeOffset.FromUnixTimeMilliseconds(v));
}

/// <summary>A named setting the app keeps for itself (e.g. the token signing key).</summary>
public sealed class AppSetting
{
    public required string Key { get; init; }
    [Sensitive] public required string Value { get; set; }
}

internal sealed class AppSettingConfiguration : IEntityTypeConfiguration<AppSetting>
{
    public void Configure(EntityTypeBuilder<AppSetting> b)
    {
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(100);
        b.Property(x => x.Value).HasMaxLength(4000);
    }
}
