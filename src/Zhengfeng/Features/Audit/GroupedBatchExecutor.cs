using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update;
using Zhengfeng.Data;

namespace Zhengfeng.Features.Audit;

/// <summary>
/// EF Core's batch executor for SQLite contexts. During a grouped save (<see cref="AppDb.GroupTurn"/>) EF Core has built
/// the save's commands on the caller's thread; they are handed to <see cref="GroupCommit"/>'s single writer, which only
/// runs them. Every other save runs through EF Core's own executor. Commands are built before any of them runs, which holds
/// because every key the app saves is made by the app (<see cref="Ids"/>), never read back from the database.
/// </summary>
internal sealed class GroupedBatchExecutor(ICurrentDbContext current) : IBatchExecutor
{
    private IBatchExecutor? _inner;

    // EF Core's own executor, built from the context's services: its constructor is EF Core's business.
#pragma warning disable EF1001 // BatchExecutor is EF Core's internal default; it is only created and called, never changed
    private IBatchExecutor Inner => _inner ??= ActivatorUtilities.CreateInstance<Microsoft.EntityFrameworkCore.Update.Internal.BatchExecutor>(
        current.Context.GetInfrastructure());
#pragma warning restore EF1001

    public int Execute(IEnumerable<ModificationCommandBatch> commandBatches, IRelationalConnection connection)
        => Inner.Execute(commandBatches, connection);

    public Task<int> ExecuteAsync(IEnumerable<ModificationCommandBatch> commandBatches, IRelationalConnection connection, CancellationToken cancellationToken = default)
        => current.Context is AppDb { GroupTurn: { } turn } db
            ? turn.WriteAsync(db, commandBatches.ToList(), [])
            : Inner.ExecuteAsync(commandBatches, connection, cancellationToken);
}
