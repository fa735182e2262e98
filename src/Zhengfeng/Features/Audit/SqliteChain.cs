using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Zhengfeng.Features.Audit;

/// <summary>
/// The SQLite end of the audit chain: reads the chain's head and appends sealed entries with prepared statements, on the
/// connection and inside the transaction of the save they belong to. The entries are not tracked by EF Core: one writer
/// writes at a time on SQLite (<see cref="GroupCommit"/>), so everything it does not have to do under that turn is left
/// out of it. The same holds for a save of new rows only (<see cref="NewRows"/>), inserted here with one prepared statement
/// per table. One instance serves one transaction; savepoints let each save of a batch roll back alone.
/// </summary>
internal sealed class SqliteChain : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private DbCommand? _insert;
    private readonly Dictionary<string, DbCommand> _statements = [];
    private readonly Dictionary<NewRows.Plan, DbCommand> _inserts = [];

    public SqliteChain(DbConnection connection, DbTransaction transaction) => (_connection, _transaction) = (connection, transaction);

    /// <summary>The last entry's number and hash, read inside the transaction (other processes are kept out by SQLite's write lock).</summary>
    public async Task<AuditTrail.ChainHead> HeadAsync()
    {
        await using var read = Command("SELECT \"Seq\", \"Hash\" FROM \"AuditEntries\" ORDER BY \"Seq\" DESC LIMIT 1");
        await using var reader = await read.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new AuditTrail.ChainHead(reader.GetInt64(0), reader.GetString(1)) : new AuditTrail.ChainHead(0, AuditTrail.Genesis);
    }

    public async Task AppendAsync(IReadOnlyList<AuditEntry> entries)
    {
        _insert ??= Insert();
        foreach (var e in entries)
        {
            var p = _insert.Parameters;
            p[0].Value = e.Seq;
            p[1].Value = e.At.ToUnixTimeMilliseconds();
            p[2].Value = e.ActorId;
            p[3].Value = e.ActorName;
            p[4].Value = e.Action;
            p[5].Value = e.EntityType;
            p[6].Value = e.EntityId;
            p[7].Value = (object?)e.Before ?? DBNull.Value;
            p[8].Value = (object?)e.After ?? DBNull.Value;
            p[9].Value = e.PrevHash;
            p[10].Value = e.Hash;
            await _insert.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Inserts a save's new rows; a failure reads as EF Core's would (a <see cref="DbUpdateException"/>, e.g. for a unique index).</summary>
    public async Task InsertAsync(IReadOnlyList<NewRows.Row> rows)
    {
        try
        {
            foreach (var row in rows)
            {
                if (!_inserts.TryGetValue(row.Plan, out var insert))
                {
                    _inserts[row.Plan] = insert = Command(row.Plan.Sql);
                }
                insert.Parameters.Clear();
                for (var i = 0; i < row.Values.Length; i++)
                {
                    insert.Parameters.Add(row.Plan.Mappings[i].CreateParameter(insert, "$p" + i, row.Values[i], row.Plan.Properties[i].IsNullable));
                }
                await insert.ExecuteNonQueryAsync();
            }
        }
        catch (DbException e)
        {
            throw new DbUpdateException("An error occurred while saving the entity changes. See the inner exception for details.", e,
                [.. rows.Select(r => r.Entry)]);
        }
    }

    public Task SavepointAsync() => RunAsync("SAVEPOINT chain_write");

    public Task ReleaseAsync() => RunAsync("RELEASE chain_write");

    /// <summary>Undoes what was written since the savepoint and ends it.</summary>
    public async Task RollbackAsync()
    {
        await RunAsync("ROLLBACK TO chain_write");
        await ReleaseAsync();
    }

    private async Task RunAsync(string sql)
    {
        if (!_statements.TryGetValue(sql, out var command))
        {
            _statements[sql] = command = Command(sql);
        }
        await command.ExecuteNonQueryAsync();
    }

    private static readonly string[] Columns = ["Seq", "At", "ActorId", "ActorName", "Action", "EntityType", "EntityId", "Before", "After", "PrevHash", "Hash"];

    private DbCommand Insert()
    {
        var insert = Command($"INSERT INTO \"AuditEntries\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) "
            + $"VALUES ({string.Join(", ", Columns.Select(c => "$" + c))})");
        foreach (var column in Columns)
        {
            var p = insert.CreateParameter();
            p.ParameterName = "$" + column;
            insert.Parameters.Add(p);
        }
        return insert;
    }

    private DbCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        if (_insert is not null)
        {
            await _insert.DisposeAsync();
        }
        foreach (var command in _statements.Values.Concat(_inserts.Values))
        {
            await command.DisposeAsync();
        }
    }
}
