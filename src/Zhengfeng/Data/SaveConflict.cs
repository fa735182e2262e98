using Microsoft.EntityFrameworkCore;

namespace Zhengfeng.Data;

/// <summary>
/// A save another writer got to first: a unique index refused it, or PostgreSQL broke a deadlock between two inserts
/// into the same unique index by failing this one. Npgsql's default execution strategy wraps the deadlock, as a
/// transient failure, in an <see cref="InvalidOperationException"/>; both mean "drop ours and look again".
/// </summary>
public static class SaveConflict
{
    public static bool Is(Exception e)
        => e is DbUpdateException || e is InvalidOperationException { InnerException: DbUpdateException };
}
