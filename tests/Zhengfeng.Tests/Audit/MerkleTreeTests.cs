using System.Security.Cryptography;
using System.Text;
using Zhengfeng.Features.Audit;

namespace Zhengfeng.Tests.Audit;

/// <summary>RFC 9162 §2.1: hand-computed small trees, the examples of §2.1.5, and every proof of every tree up to 40 leaves.</summary>
public sealed class MerkleTreeTests
{
    private static byte[] Leaf(int i) => MerkleTree.LeafHash(Encoding.UTF8.GetBytes($"entry {i}"));

    private static List<byte[]> Leaves(int n) => [.. Enumerable.Range(0, n).Select(Leaf)];

    private static byte[] H(params byte[][] parts) => SHA256.HashData(parts.SelectMany(p => p).ToArray());

    /// <summary>MTH(D[n]) written straight from the RFC's recursive definition, to check the streaming code against.</summary>
    private static byte[] Reference(IReadOnlyList<byte[]> leaves, int start, int n)
    {
        if (n == 1)
        {
            return leaves[start];
        }
        var k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }
        return H([1], Reference(leaves, start, k), Reference(leaves, start + k, n - k));
    }

    private static byte[] RangeRoot(IReadOnlyList<byte[]> leaves, MerkleTree.Range r) => MerkleTree.Root(leaves.Skip((int)r.Start).Take((int)(r.End - r.Start)));

    private static List<byte[]> Proof(IReadOnlyList<MerkleTree.Range> ranges, IReadOnlyList<byte[]> leaves) => [.. ranges.Select(r => RangeRoot(leaves, r))];

    private static List<MerkleTree.Range> R(params (long Start, long End)[] ranges) => [.. ranges.Select(r => new MerkleTree.Range(r.Start, r.End))];

    private static byte[] Flip(byte[] hash)
    {
        var copy = hash.ToArray();
        copy[0] ^= 1;
        return copy;
    }

    [Fact]
    public void Hashes_are_domain_separated_as_the_RFC_says()
    {
        var data = Encoding.UTF8.GetBytes("审计");
        Assert.Equal(H([0], data), MerkleTree.LeafHash(data));
        Assert.Equal(H([1], Leaf(0), Leaf(1)), MerkleTree.NodeHash(Leaf(0), Leaf(1)));
        Assert.Equal(Convert.FromHexString("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"), MerkleTree.Root([]));
    }

    [Fact]
    public void Small_trees_have_the_hand_computed_roots()
    {
        var (a, b, c, d, e) = (Leaf(0), Leaf(1), Leaf(2), Leaf(3), Leaf(4));
        Assert.Equal(a, MerkleTree.Root([a]));
        Assert.Equal(H([1], a, b), MerkleTree.Root([a, b]));
        Assert.Equal(H([1], H([1], a, b), c), MerkleTree.Root([a, b, c]));
        Assert.Equal(H([1], H([1], a, b), H([1], c, d)), MerkleTree.Root([a, b, c, d]));
        Assert.Equal(H([1], H([1], H([1], a, b), H([1], c, d)), e), MerkleTree.Root([a, b, c, d, e]));
    }

    [Fact]
    public void The_streaming_root_equals_the_recursive_definition_up_to_100_leaves()
    {
        var leaves = Leaves(100);
        for (var n = 1; n <= 100; n++)
        {
            Assert.Equal(Reference(leaves, 0, n), MerkleTree.Root(leaves.Take(n)));
        }
    }

    [Fact]
    public void Proofs_name_the_subtrees_of_the_RFC_examples()
    {
        // §2.1.5: seven leaves d0..d6; a, b, c, d, e, f are leaf hashes, g = (a,b), h = (c,d), i = (e,f), j = d6, k = (g,h), l = (i,j).
        Assert.Equal(R((1, 2), (2, 4), (4, 7)), MerkleTree.InclusionRanges(0, 7));    // [b, h, l]
        Assert.Equal(R((2, 3), (0, 2), (4, 7)), MerkleTree.InclusionRanges(3, 7));    // [c, g, l]
        Assert.Equal(R((5, 6), (6, 7), (0, 4)), MerkleTree.InclusionRanges(4, 7));    // [f, j, k]
        Assert.Equal(R((4, 6), (0, 4)), MerkleTree.InclusionRanges(6, 7));               // [i, k]
        Assert.Equal(R((2, 3), (3, 4), (0, 2), (4, 7)), MerkleTree.ConsistencyRanges(3, 7));   // [c, d, g, l]
        Assert.Equal(R((4, 7)), MerkleTree.ConsistencyRanges(4, 7));                                  // [l]
        Assert.Equal(R((4, 6), (6, 7), (0, 4)), MerkleTree.ConsistencyRanges(6, 7));             // [i, j, k]
        Assert.Empty(MerkleTree.ConsistencyRanges(7, 7));
    }

    [Fact]
    public void Every_inclusion_proof_up_to_40_leaves_verifies_and_any_change_fails()
    {
        var leaves = Leaves(40);
        for (var n = 1; n <= 40; n++)
        {
            var root = MerkleTree.Root(leaves.Take(n));
            for (var m = 0; m < n; m++)
            {
                var proof = Proof(MerkleTree.InclusionRanges(m, n), leaves);
                Assert.True(MerkleTree.VerifyInclusion(m, n, leaves[m], proof, root), $"leaf {m} of {n}");
                Assert.False(MerkleTree.VerifyInclusion(m, n, Flip(leaves[m]), proof, root));
                Assert.False(MerkleTree.VerifyInclusion(m, n, leaves[m], proof, Flip(root)));
                for (var i = 0; i < proof.Count; i++)
                {
                    Assert.False(MerkleTree.VerifyInclusion(m, n, leaves[m], [.. proof.Select((p, j) => j == i ? Flip(p) : p)], root));
                }
                if (n > 1)
                {
                    Assert.False(MerkleTree.VerifyInclusion((m + 1) % n, n, leaves[m], proof, root));
                }
            }
        }
    }

    [Fact]
    public void Every_consistency_proof_up_to_40_leaves_verifies_and_any_change_fails()
    {
        var leaves = Leaves(40);
        for (var n = 1; n <= 40; n++)
        {
            var second = MerkleTree.Root(leaves.Take(n));
            for (var m = 1; m <= n; m++)
            {
                var first = MerkleTree.Root(leaves.Take(m));
                var proof = Proof(MerkleTree.ConsistencyRanges(m, n), leaves);
                Assert.True(MerkleTree.VerifyConsistency(m, n, proof, first, second), $"{m} to {n}");
                Assert.False(MerkleTree.VerifyConsistency(m, n, proof, Flip(first), second));
                Assert.False(MerkleTree.VerifyConsistency(m, n, proof, first, Flip(second)));
                for (var i = 0; i < proof.Count; i++)
                {
                    Assert.False(MerkleTree.VerifyConsistency(m, n, [.. proof.Select((p, j) => j == i ? Flip(p) : p)], first, second));
                }
                // The first tree with one leaf altered is no prefix of the second.
                var altered = leaves.Take(m).Select((l, i) => i == m / 2 ? Flip(l) : l).ToList();
                Assert.False(MerkleTree.VerifyConsistency(m, n, proof, MerkleTree.Root(altered), second));
                if (m < n)
                {
                    var rewritten = leaves.Take(n).Select((l, i) => i == m - 1 ? Flip(l) : l).ToList();
                    Assert.False(MerkleTree.VerifyConsistency(m, n, Proof(MerkleTree.ConsistencyRanges(m, n), rewritten), first, MerkleTree.Root(rewritten)));
                }
            }
        }
    }

    [Fact]
    public void A_saved_frontier_continues_to_the_same_root()
    {
        var leaves = Leaves(37);
        var frontier = new MerkleFrontier();
        foreach (var leaf in leaves.Take(21))
        {
            frontier.Append(leaf);
        }
        Assert.Equal(3, frontier.Subtrees.Count); // 21 = 16 + 4 + 1
        var restored = MerkleFrontier.Parse(frontier.ToText())!;
        Assert.Equal(frontier.Root(), restored.Root());
        foreach (var leaf in leaves.Skip(21))
        {
            restored.Append(leaf);
        }
        Assert.Equal(MerkleTree.Root(leaves), restored.Root());
        Assert.Null(MerkleFrontier.Parse("21\n" + Convert.ToHexStringLower(leaves[0]) + "\n"));
    }
}
