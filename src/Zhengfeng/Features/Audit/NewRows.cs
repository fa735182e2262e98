using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Zhengfeng.Features.Audit;

/// <summary>
/// A save made only of new rows (intake is one), written on SQLite by the group-commit writer with one prepared INSERT per
/// table instead of EF Core's command batches: sorting the commands, generating their SQL and preparing it again for every
/// save cost more than writing the rows. Each value is bound through its column's EF Core type mapping, so the rows are
/// stored exactly as EF Core would store them. A save that changes or removes any row, or adds a row of a type with owned
/// parts, shared tables or values made by the database other than an integer key, goes through EF Core as before.
/// </summary>
internal static class NewRows
{
    /// <summary>How rows of one entity type are inserted: the statement and, per parameter, the property and its mapping.</summary>
    internal sealed class Plan(string sql, IProperty[] properties, RelationalTypeMapping[] mappings, bool keyFromDatabase, int rank, bool selfReferencing)
    {
        public string Sql { get; } = sql;
        /// <summary>Rows of a lower rank are inserted first: a row's foreign keys point at types of lower rank only (or its own).</summary>
        public int Rank { get; } = rank;
        /// <summary>The type has a foreign key to itself (a unit's parent): two of its rows in one save go through EF Core, which orders them.</summary>
        public bool SelfReferencing { get; } = selfReferencing;
        public IProperty[] Properties { get; } = properties;
        public RelationalTypeMapping[] Mappings { get; } = mappings;
        /// <summary>The key is the table's own row number: the row is left untracked after the save, as nothing reads its key.</summary>
        public bool KeyFromDatabase { get; } = keyFromDatabase;
    }

    /// <summary>One new row: its plan, its values (as the model holds them) and its change-tracker entry.</summary>
    internal sealed record Row(Plan Plan, object?[] Values, EntityEntry Entry);

    private static readonly ConcurrentDictionary<IEntityType, Plan?> Plans = new();

    /// <summary>The rows to insert, or null when the save is anything but new rows of plain types.</summary>
    /// <param name="touched">Every entry the save writes (added, changed or removed), of any type.</param>
    public static List<Row>? Collect(IEnumerable<EntityEntry> touched)
    {
        var rows = new List<Row>();
        foreach (var entry in touched)
        {
            if (entry.State == EntityState.Detached)
            {
                continue;
            }
            if (entry.State != EntityState.Added || Plans.GetOrAdd(entry.Metadata, Build) is not { } plan)
            {
                return null;
            }
            var values = new object?[plan.Properties.Length];
            var current = entry.CurrentValues;
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = current[plan.Properties[i]];
            }
            rows.Add(new Row(plan, values, entry));
        }
        if (rows.Where(r => r.Plan.SelfReferencing).GroupBy(r => r.Plan).Any(g => g.Count() > 1))
        {
            return null;
        }
        return [.. rows.OrderBy(r => r.Plan.Rank)]; // stable: principals first, otherwise in the order they were added
    }

    private static Plan? Build(IEntityType type)
    {
        if (type.IsOwned() || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) || type.GetComplexProperties().Any()
            || type.GetTableName() is not { } table || type.GetTableMappings().Single().Table.EntityTypeMappings.Count() != 1
            || Rank(type) is not { } rank)
        {
            return null;
        }
        var store = StoreObjectIdentifier.Table(table, type.GetSchema());
        var keyFromDatabase = false;
        var properties = new List<IProperty>();
        foreach (var property in type.GetProperties())
        {
            if (property.ValueGenerated == ValueGenerated.Never)
            {
                properties.Add(property);
            }
            else if (property.IsPrimaryKey() && type.FindPrimaryKey()!.Properties.Count == 1 && property.ClrType == typeof(long))
            {
                keyFromDatabase = true; // SQLite's row number, as EF Core leaves it to the database
            }
            else
            {
                return null;
            }
        }
        var columns = properties.Select(p => Quote(p.GetColumnName(store)!));
        var sql = $"INSERT INTO {Quote(table)} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", properties.Select((_, i) => "$p" + i))})";
        return new Plan(sql, [.. properties], [.. properties.Select(p => p.GetRelationalTypeMapping())], keyFromDatabase, rank,
            type.GetForeignKeys().Any(fk => fk.PrincipalEntityType == type));
    }

    /// <summary>
    /// How many other types the type's foreign keys reach, directly or through others: a type always reaches more than any type
    /// it points at, unless the two are in a cycle (a unit's head is a cadre of the unit), which gives null.
    /// </summary>
    private static int? Rank(IEntityType type)
    {
        var reached = new HashSet<IEntityType>();
        var next = new Queue<IEntityType>([type]);
        while (next.TryDequeue(out var from))
        {
            foreach (var principal in from.GetForeignKeys().Select(fk => fk.PrincipalEntityType).Where(p => p != from))
            {
                if (principal == type)
                {
                    return null;
                }
                if (reached.Add(principal))
                {
                    next.Enqueue(principal);
                }
            }
        }
        return reached.Count;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>After the commit: rows whose key the database made are let go; the others are tracked as saved.</summary>
    public static void Accept(IReadOnlyList<Row> rows)
    {
        foreach (var row in rows)
        {
            if (row.Plan.KeyFromDatabase)
            {
                row.Entry.State = EntityState.Detached;
            }
        }
    }
}
