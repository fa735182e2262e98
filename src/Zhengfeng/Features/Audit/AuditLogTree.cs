using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;

namespace Zhengfeng.Features.Audit;

/// <summary>
/// The Merkle tree over the audit log. Leaf i (0-based) is the entry with Seq i + 1, and its leaf bytes are the entry's
/// canonical text (<see cref="AuditTrail.CanonicalBytes"/>, the text its chain hash covers), so the tree is recomputed from
/// the entries' fields, never from the stored Hash column. Leaves are read in Seq order, one range at a time, in O(log n) memory.
/// </summary>
public static class AuditLogTree
{
    public static byte[] LeafHash(AuditEntry e) => MerkleTree.LeafHash(AuditTrail.CanonicalBytes(e));

    /// <summary>The number of entries, which is the tree's size when Seq has no gaps (the chain check makes sure of that).</summary>
    public static async Task<long> SizeAsync(AppDb db, CancellationToken ct)
        => await db.AuditEntries.AsNoTracking().MaxAsync(e => (long?)e.Seq, ct) ?? 0;

    /// <summary>
    /// Appends to <paramref name="frontier"/> the entries after it, up to <paramref name="upTo"/> leaves (all when null), and returns
    /// the last entry's hash (<paramref name="head"/> when none was added). Throws <see cref="AuditBrokenException"/> when a Seq is
    /// missing, an entry does not match its hash, or does not link to the entry before it (the first one to <paramref name="head"/>,
    /// when given): a broken log is never put into a checkpoint.
    /// </summary>
    public static async Task<string?> ExtendAsync(AppDb db, MerkleFrontier frontier, long? upTo, string? head, CancellationToken ct)
    {
        var from = frontier.Size;
        var query = db.AuditEntries.AsNoTracking().Where(e => e.Seq > from);
        if (upTo is { } last)
        {
            query = query.Where(e => e.Seq <= last);
        }
        var prev = head;
        await foreach (var e in query.OrderBy(e => e.Seq).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (e.Seq != frontier.Size + 1)
            {
                throw new AuditBrokenException(frontier.Size + 1, $"第 {frontier.Size + 1} 条审计记录缺失");
            }
            if ((prev is not null && e.PrevHash != prev) || AuditTrail.ComputeHash(e) != e.Hash)
            {
                throw new AuditBrokenException(e.Seq, $"第 {e.Seq} 条审计记录与哈希链不符：此前的记录被改写");
            }
            prev = e.Hash;
            frontier.Append(LeafHash(e));
        }
        return prev;
    }

    /// <summary>The root of the leaves in <paramref name="range"/>.</summary>
    public static async Task<byte[]> RangeRootAsync(AppDb db, MerkleTree.Range range, CancellationToken ct)
    {
        var frontier = new MerkleFrontier();
        var (first, last) = (range.Start + 1, range.End);
        await foreach (var e in db.AuditEntries.AsNoTracking().Where(e => e.Seq >= first && e.Seq <= last).OrderBy(e => e.Seq)
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            if (e.Seq != first + frontier.Size)
            {
                throw new AuditBrokenException(first + frontier.Size, $"第 {first + frontier.Size} 条审计记录缺失");
            }
            frontier.Append(LeafHash(e));
        }
        if (frontier.Size != range.End - range.Start)
        {
            throw new AuditBrokenException(first + frontier.Size, $"第 {first + frontier.Size} 条审计记录缺失");
        }
        return frontier.Root();
    }

    public static Task<List<byte[]>> ConsistencyProofAsync(AppDb db, long from, long to, CancellationToken ct)
        => MerkleTree.ProofAsync(MerkleTree.ConsistencyRanges(from, to), r => RangeRootAsync(db, r, ct));

    /// <summary>The inclusion proof of the entry <paramref name="seq"/> in the tree of the first <paramref name="size"/> entries.</summary>
    public static Task<List<byte[]>> InclusionProofAsync(AppDb db, long seq, long size, CancellationToken ct)
        => MerkleTree.ProofAsync(MerkleTree.InclusionRanges(seq - 1, size), r => RangeRootAsync(db, r, ct));
}

/// <summary>An entry is missing or altered: the tree cannot be computed (or signed) past it.</summary>
public sealed class AuditBrokenException(long seq, string message) : Exception(message)
{
    public long Seq { get; } = seq;
}
