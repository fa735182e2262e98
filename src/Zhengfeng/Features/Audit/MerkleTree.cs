using System.Numerics;
using System.Security.Cryptography;

namespace Zhengfeng.Features.Audit;

/// <summary>
/// The Merkle tree of RFC 9162 §2.1 with SHA-256: leaf hash = SHA-256(0x00 || leaf), node hash = SHA-256(0x01 || left || right),
/// the empty tree's root = SHA-256 of nothing. Proofs are lists of subtree hashes; which subtrees they need is computed here as
/// leaf ranges [Start, End) so that a caller can hash each range from wherever the leaves are kept (memory, the database).
/// </summary>
public static class MerkleTree
{
    public const int HashSize = 32;

    public static byte[] EmptyRoot() => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    public static byte[] LeafHash(ReadOnlySpan<byte> leaf)
    {
        var buffer = new byte[leaf.Length + 1];
        leaf.CopyTo(buffer.AsSpan(1));
        return SHA256.HashData(buffer);
    }

    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> buffer = stackalloc byte[1 + 2 * HashSize];
        buffer[0] = 1;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + HashSize)..]);
        return SHA256.HashData(buffer);
    }

    /// <summary>The root of leaf hashes kept in memory (tests and small callers).</summary>
    public static byte[] Root(IEnumerable<byte[]> leafHashes)
    {
        var frontier = new MerkleFrontier();
        foreach (var leaf in leafHashes)
        {
            frontier.Append(leaf);
        }
        return frontier.Root();
    }

    /// <summary>A leaf range of the tree: the leaves with 0-based index in [Start, End).</summary>
    public readonly record struct Range(long Start, long End);

    /// <summary>RFC 9162 §2.1.3.1 PATH(m, D[n]): the subtrees whose hashes prove leaf <paramref name="index"/> in a tree of <paramref name="size"/> leaves.</summary>
    public static IReadOnlyList<Range> InclusionRanges(long index, long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, size);
        var ranges = new List<Range>();
        Path(index, 0, size, ranges);
        return ranges;

        static void Path(long m, long start, long n, List<Range> into)
        {
            if (n <= 1)
            {
                return;
            }
            var k = Split(n);
            if (m < k)
            {
                Path(m, start, k, into);
                into.Add(new(start + k, start + n));
            }
            else
            {
                Path(m - k, start + k, n - k, into);
                into.Add(new(start, start + k));
            }
        }
    }

    /// <summary>RFC 9162 §2.1.4.1 PROOF(m, D[n]): the subtrees whose hashes prove the tree of size <paramref name="m"/> is a prefix of the one of size <paramref name="n"/>.</summary>
    public static IReadOnlyList<Range> ConsistencyRanges(long m, long n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(m, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(m, n);
        var ranges = new List<Range>();
        SubProof(m, 0, n, true, ranges);
        return ranges;

        static void SubProof(long m, long start, long n, bool whole, List<Range> into)
        {
            if (m == n)
            {
                if (!whole)
                {
                    into.Add(new(start, start + n));
                }
                return;
            }
            var k = Split(n);
            if (m <= k)
            {
                SubProof(m, start, k, whole, into);
                into.Add(new(start + k, start + n));
            }
            else
            {
                SubProof(m - k, start + k, n - k, false, into);
                into.Add(new(start, start + k));
            }
        }
    }

    /// <summary>The proof's hashes, each range hashed by <paramref name="rangeRoot"/>.</summary>
    public static async Task<List<byte[]>> ProofAsync(IReadOnlyList<Range> ranges, Func<Range, Task<byte[]>> rangeRoot)
    {
        var proof = new List<byte[]>(ranges.Count);
        foreach (var range in ranges)
        {
            proof.Add(await rangeRoot(range));
        }
        return proof;
    }

    /// <summary>RFC 9162 §2.1.3.2: does <paramref name="proof"/> place <paramref name="leafHash"/> at <paramref name="index"/> under <paramref name="root"/>?</summary>
    public static bool VerifyInclusion(long index, long size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
    {
        if (index < 0 || index >= size)
        {
            return false;
        }
        var (fn, sn) = (index, size - 1);
        var r = leafHash.ToArray();
        foreach (var p in proof)
        {
            if (sn == 0 || p.Length != HashSize)
            {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn)
            {
                r = NodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    (fn, sn) = (fn >> 1, sn >> 1);
                }
            }
            else
            {
                r = NodeHash(r, p);
            }
            (fn, sn) = (fn >> 1, sn >> 1);
        }
        return sn == 0 && r.AsSpan().SequenceEqual(root);
    }

    /// <summary>RFC 9162 §2.1.4.2: does <paramref name="proof"/> show the tree of size <paramref name="first"/> and root <paramref name="firstRoot"/> is a prefix of the other?</summary>
    public static bool VerifyConsistency(long first, long second, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> firstRoot, ReadOnlySpan<byte> secondRoot)
    {
        if (first < 1 || first > second)
        {
            return false;
        }
        if (first == second)
        {
            return proof.Count == 0 && firstRoot.SequenceEqual(secondRoot);
        }
        if (proof.Count == 0 || proof.Any(p => p.Length != HashSize))
        {
            return false;
        }
        var path = BitOperations.IsPow2(first) ? [firstRoot.ToArray(), .. proof] : proof.ToList();
        var (fn, sn) = (first - 1, second - 1);
        while ((fn & 1) == 1)
        {
            (fn, sn) = (fn >> 1, sn >> 1);
        }
        var (fr, sr) = (path[0], path[0]);
        foreach (var c in path.Skip(1))
        {
            if (sn == 0)
            {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn)
            {
                (fr, sr) = (NodeHash(c, fr), NodeHash(c, sr));
                while ((fn & 1) == 0 && fn != 0)
                {
                    (fn, sn) = (fn >> 1, sn >> 1);
                }
            }
            else
            {
                sr = NodeHash(sr, c);
            }
            (fn, sn) = (fn >> 1, sn >> 1);
        }
        return sn == 0 && fr.AsSpan().SequenceEqual(firstRoot) && sr.AsSpan().SequenceEqual(secondRoot);
    }

    /// <summary>The largest power of two smaller than <paramref name="n"/> (n ≥ 2): where RFC 9162 splits a tree.</summary>
    internal static long Split(long n) => (long)BitOperations.RoundUpToPowerOf2((ulong)n) >> 1;
}

/// <summary>
/// The right edge of a Merkle tree (its compact range): the roots of the perfect subtrees that make up the first
/// <see cref="Size"/> leaves, largest first, one per set bit of the size. Appending a leaf and computing the root need
/// O(log n) memory, so the log's root is computed in one pass and a saved frontier is extended instead of rehashing.
/// </summary>
public sealed class MerkleFrontier
{
    private readonly List<byte[]> _subtrees;

    public MerkleFrontier()
    {
        _subtrees = [];
    }

    private MerkleFrontier(long size, List<byte[]> subtrees)
    {
        Size = size;
        _subtrees = subtrees;
    }

    public long Size { get; private set; }

    public IReadOnlyList<byte[]> Subtrees => _subtrees;

    public void Append(byte[] leafHash)
    {
        _subtrees.Add(leafHash);
        // The new leaf completes one perfect subtree for every trailing one bit of the old size.
        for (var merges = BitOperations.TrailingZeroCount(~Size); merges > 0; merges--)
        {
            var right = _subtrees[^1];
            var left = _subtrees[^2];
            _subtrees.RemoveRange(_subtrees.Count - 2, 2);
            _subtrees.Add(MerkleTree.NodeHash(left, right));
        }
        Size++;
    }

    public byte[] Root()
    {
        if (_subtrees.Count == 0)
        {
            return MerkleTree.EmptyRoot();
        }
        var root = _subtrees[^1];
        for (var i = _subtrees.Count - 2; i >= 0; i--)
        {
            root = MerkleTree.NodeHash(_subtrees[i], root);
        }
        return root;
    }

    public MerkleFrontier Copy() => new(Size, [.. _subtrees]);

    /// <summary>"size" on the first line, then one subtree root in hex a line.</summary>
    public string ToText() => string.Join('\n', [Size.ToString(System.Globalization.CultureInfo.InvariantCulture), .. _subtrees.Select(Convert.ToHexStringLower)]) + "\n";

    public static MerkleFrontier? Parse(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0 || !long.TryParse(lines[0], System.Globalization.CultureInfo.InvariantCulture, out var size) || size < 0)
        {
            return null;
        }
        var subtrees = new List<byte[]>();
        foreach (var line in lines.Skip(1))
        {
            if (line.Length != 2 * MerkleTree.HashSize || !line.All(char.IsAsciiHexDigit))
            {
                return null;
            }
            subtrees.Add(Convert.FromHexString(line));
        }
        return subtrees.Count == BitOperations.PopCount((ulong)size) ? new MerkleFrontier(size, subtrees) : null;
    }
}
