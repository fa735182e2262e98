using System.Globalization;
using System.Text;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Audit;

/// <summary>
/// A signed statement of the audit log's tree size and Merkle root, as a signed note in the manner of C2SP tlog-checkpoint:
/// <code>
/// zhengfeng/default
/// 1234
/// base64 root hash
/// time 2026-11-02T09:00:00+08:00
///
/// — zhengfeng/default base64(key id || signature)
/// </code>
/// The signature covers the text up to and including the newline before the blank line.
/// </summary>
public sealed record AuditCheckpoint(string Origin, long Size, byte[] RootHash, DateTimeOffset At, string KeyName, byte[] KeyId, byte[] Signature)
{
    private const string SignaturePrefix = "\u2014 ";

    public string RootHashHex => Convert.ToHexStringLower(RootHash);

    public string KeyIdHex => Convert.ToHexStringLower(KeyId);

    public string Body => string.Create(CultureInfo.InvariantCulture,
        $"{Origin}\n{Size}\n{Convert.ToBase64String(RootHash)}\ntime {At.ToCst():yyyy-MM-dd'T'HH:mm:sszzz}\n");

    public string Text => $"{Body}\n{SignaturePrefix}{KeyName} {Convert.ToBase64String([.. KeyId, .. Signature])}\n";

    public static AuditCheckpoint Sign(AuditSigningKey key, long size, byte[] root, DateTimeOffset at)
    {
        var unsigned = new AuditCheckpoint(key.Verifier.Name, size, root, DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds()), key.Verifier.Name, key.Verifier.KeyId, []);
        return unsigned with { Signature = key.Sign(Encoding.UTF8.GetBytes(unsigned.Body)) };
    }

    /// <summary>True when <paramref name="key"/> is the key that signed this checkpoint and its signature holds.</summary>
    public bool IsSignedBy(AuditVerifierKey key)
        => key.Name == KeyName && key.KeyId.AsSpan().SequenceEqual(KeyId) && key.Verify(Encoding.UTF8.GetBytes(Body), Signature);

    /// <summary>Reads a checkpoint file; null when it is not one (the first signature line is the log's own).</summary>
    public static AuditCheckpoint? Parse(string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = normalized.IndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
        {
            return null;
        }
        var body = normalized[..(split + 1)].Split('\n');
        var signatures = normalized[(split + 2)..].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (body.Length < 5 || signatures.Length == 0 || !signatures[0].StartsWith(SignaturePrefix, StringComparison.Ordinal)
            || !long.TryParse(body[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            || !body[3].StartsWith("time ", StringComparison.Ordinal)
            || !DateTimeOffset.TryParseExact(body[3][5..], "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return null;
        }
        var signatureLine = signatures[0][SignaturePrefix.Length..].Split(' ');
        try
        {
            var root = Convert.FromBase64String(body[2]);
            var signed = Convert.FromBase64String(signatureLine[^1]);
            if (root.Length != MerkleTree.HashSize || signed.Length <= 4 || signatureLine.Length != 2)
            {
                return null;
            }
            var checkpoint = new AuditCheckpoint(body[0], size, root, at, signatureLine[0], signed[..4], signed[4..]);
            return checkpoint.Body == normalized[..(split + 1)] ? checkpoint : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
