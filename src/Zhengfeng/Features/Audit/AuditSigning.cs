using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Utilities;
using Zhengfeng.Data;

namespace Zhengfeng.Features.Audit;

/// <summary>Ed25519 by default; SM2 with SM3 (GB/T 32918, GM/T 0003) as the 国密 option (<c>Audit:Signature=sm2</c>).</summary>
public enum AuditSignatureAlgorithm { Ed25519, Sm2 }

/// <summary>
/// A public key that checks checkpoint signatures, named like the checkpoint's origin. Written as a signed-note verifier key:
/// <c>name+keyid+base64(type || public key)</c>, where type 0x01 is Ed25519 (as in C2SP signed-note) and 0x53 ('S', outside
/// the C2SP registry) is SM2 with SM3 and the default user ID; the key id is the first 4 bytes of SHA-256(name || 0x0A || type || public key).
/// </summary>
public sealed record AuditVerifierKey(string Name, AuditSignatureAlgorithm Algorithm, byte[] PublicKey)
{
    private const byte Ed25519Type = 0x01;
    private const byte Sm2Type = 0x53;

    public byte Type => Algorithm == AuditSignatureAlgorithm.Ed25519 ? Ed25519Type : Sm2Type;

    public byte[] KeyId => SHA256.HashData([.. Encoding.UTF8.GetBytes(Name), 0x0A, Type, .. PublicKey])[..4];

    public string KeyIdHex => Convert.ToHexStringLower(KeyId);

    /// <summary>The algorithm's name on the wire and on the page.</summary>
    public string AlgorithmName => AuditSigning.Name(Algorithm);

    public string Encode() => $"{Name}+{KeyIdHex}+{Convert.ToBase64String([Type, .. PublicKey])}";

    public static AuditVerifierKey? Parse(string text)
    {
        var parts = text.Trim().Split('+', 3); // the name and the hex id hold no '+'; the base64 key may
        if (parts.Length != 3 || parts[0].Length == 0)
        {
            return null;
        }
        try
        {
            var raw = Convert.FromBase64String(parts[2]);
            var algorithm = raw.Length == 33 && raw[0] == Ed25519Type ? AuditSignatureAlgorithm.Ed25519
                : raw.Length == 66 && raw[0] == Sm2Type ? AuditSignatureAlgorithm.Sm2
                : (AuditSignatureAlgorithm?)null;
            if (algorithm is null)
            {
                return null;
            }
            var key = new AuditVerifierKey(parts[0], algorithm.Value, raw[1..]);
            return string.Equals(key.KeyIdHex, parts[1], StringComparison.OrdinalIgnoreCase) ? key : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public bool Verify(byte[] message, byte[] signature)
    {
        try
        {
            if (Algorithm == AuditSignatureAlgorithm.Ed25519)
            {
                var ed = new Ed25519Signer();
                ed.Init(false, new Ed25519PublicKeyParameters(PublicKey));
                ed.BlockUpdate(message, 0, message.Length);
                return ed.VerifySignature(signature);
            }
            var sm2 = new SM2Signer();
            sm2.Init(false, new ECPublicKeyParameters(AuditSigning.Sm2Domain.Curve.DecodePoint(PublicKey), AuditSigning.Sm2Domain));
            sm2.BlockUpdate(message, 0, message.Length);
            return sm2.VerifySignature(signature);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            return false;
        }
    }
}

/// <summary>The private key that signs checkpoints; it never enters the database.</summary>
public sealed class AuditSigningKey
{
    private readonly Ed25519PrivateKeyParameters? _ed25519;
    private readonly ECPrivateKeyParameters? _sm2;

    public AuditSigningKey(string name, AuditSignatureAlgorithm algorithm, byte[] privateKey)
    {
        if (privateKey.Length != 32)
        {
            throw new InvalidOperationException("审计签名私钥应为 32 字节（base64 编码）");
        }
        byte[] publicKey;
        if (algorithm == AuditSignatureAlgorithm.Ed25519)
        {
            _ed25519 = new Ed25519PrivateKeyParameters(privateKey);
            publicKey = _ed25519.GeneratePublicKey().GetEncoded();
        }
        else
        {
            var d = new BigInteger(1, privateKey);
            if (d.SignValue <= 0 || d.CompareTo(AuditSigning.Sm2Domain.N.Subtract(BigInteger.One)) >= 0)
            {
                throw new InvalidOperationException("SM2 私钥超出曲线范围");
            }
            _sm2 = new ECPrivateKeyParameters(d, AuditSigning.Sm2Domain);
            publicKey = AuditSigning.Sm2Domain.G.Multiply(d).Normalize().GetEncoded(false);
        }
        Verifier = new AuditVerifierKey(name, algorithm, publicKey);
    }

    public AuditVerifierKey Verifier { get; }

    public byte[] Sign(byte[] message)
    {
        if (_ed25519 is not null)
        {
            var ed = new Ed25519Signer();
            ed.Init(true, _ed25519);
            ed.BlockUpdate(message, 0, message.Length);
            return ed.GenerateSignature();
        }
        var sm2 = new SM2Signer(); // SM3 digest and the default user ID 1234567812345678 (GM/T 0009)
        sm2.Init(true, new ParametersWithRandom(_sm2!, new SecureRandom()));
        sm2.BlockUpdate(message, 0, message.Length);
        return sm2.GenerateSignature();
    }
}

/// <summary>
/// Where the signing key comes from: <c>AUDIT_KEY</c> (environment variable ZHENGFENG_AUDIT_KEY, a base64 private key, to share
/// one key between instances) or a key file in the <see cref="KeyFolder"/>, <c>audit-signing.key</c> for Ed25519 and
/// <c>audit-signing-sm2.key</c> for SM2, created with mode 0600 on the first start. Outside the database, so whoever can
/// rewrite the database cannot sign a checkpoint for the rewritten log.
/// </summary>
public static class AuditSigning
{
    public const string KeyVariable = "AUDIT_KEY";

    internal static readonly ECDomainParameters Sm2Domain = new(GMNamedCurves.GetByName("sm2p256v1"));

    public static string Name(AuditSignatureAlgorithm algorithm) => algorithm == AuditSignatureAlgorithm.Ed25519 ? "ed25519" : "sm2-sm3";

    public static AuditSignatureAlgorithm Algorithm(IConfiguration config)
        => config["Audit:Signature"]?.Trim().ToLowerInvariant() switch
        {
            null or "" or "ed25519" => AuditSignatureAlgorithm.Ed25519,
            "sm2" or "sm2-sm3" => AuditSignatureAlgorithm.Sm2,
            var other => throw new InvalidOperationException($"Audit:Signature 只能是 ed25519 或 sm2，而不是 {other}"),
        };

    /// <summary>"zhengfeng/" and the instance's name (<c>Audit:Instance</c>), or "default"; no spaces or '+' (they separate a verifier key's parts).</summary>
    public static string Origin(IConfiguration config)
    {
        var instance = config["Audit:Instance"]?.Trim();
        var name = string.IsNullOrEmpty(instance) ? "default" : new string(instance.Select(c => char.IsWhiteSpace(c) || c == '+' ? '-' : c).ToArray());
        return "zhengfeng/" + name;
    }

    public static string KeyFile(string keysFolder, AuditSignatureAlgorithm algorithm)
        => Path.Combine(keysFolder, algorithm == AuditSignatureAlgorithm.Ed25519 ? "audit-signing.key" : "audit-signing-sm2.key");

    /// <summary>The server's key: from the environment, else the key file, which is made on the first start.</summary>
    public static AuditSigningKey LoadOrCreate(IConfiguration config)
    {
        var algorithm = Algorithm(config);
        var origin = Origin(config);
        var configured = config[KeyVariable] is { Length: > 0 } given
            ? given
            : KeyFolder.ReadOrCreate(KeyFile(KeyFolder.Ensure(config), algorithm), () => Convert.ToBase64String(NewPrivateKey(algorithm)));
        return new AuditSigningKey(origin, algorithm, Convert.FromBase64String(configured.Trim()));
    }

    /// <summary>The server's signing key if it exists (environment or key file in <paramref name="keysFolder"/>); makes nothing.</summary>
    public static AuditSigningKey? Existing(IConfiguration config, string keysFolder)
    {
        var algorithm = Algorithm(config);
        var file = KeyFile(keysFolder, algorithm);
        var text = config[KeyVariable] is { Length: > 0 } given ? given : File.Exists(file) ? File.ReadAllText(file) : null;
        return text is null ? null : new AuditSigningKey(Origin(config), algorithm, Convert.FromBase64String(text.Trim()));
    }

    /// <summary>
    /// The public keys that the environment and the existing key files in <paramref name="keysFolder"/> give, for the offline
    /// check: reads only, creates nothing.
    /// </summary>
    public static IReadOnlyList<AuditVerifierKey> ExistingVerifiers(IConfiguration config, string? keysFolder)
    {
        var origin = Origin(config);
        var keys = new List<AuditVerifierKey>();
        foreach (var algorithm in Enum.GetValues<AuditSignatureAlgorithm>())
        {
            if (config[KeyVariable] is { Length: > 0 } configured)
            {
                TryAdd(keys, origin, algorithm, configured);
            }
            if (keysFolder is not null && File.Exists(KeyFile(keysFolder, algorithm)))
            {
                TryAdd(keys, origin, algorithm, File.ReadAllText(KeyFile(keysFolder, algorithm)));
            }
        }
        return keys;

        static void TryAdd(List<AuditVerifierKey> keys, string origin, AuditSignatureAlgorithm algorithm, string base64)
        {
            try
            {
                keys.Add(new AuditSigningKey(origin, algorithm, Convert.FromBase64String(base64.Trim())).Verifier);
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException)
            {
                // Not a key of this algorithm: the other candidates may still verify the checkpoint.
            }
        }
    }

    private static byte[] NewPrivateKey(AuditSignatureAlgorithm algorithm)
    {
        if (algorithm == AuditSignatureAlgorithm.Ed25519)
        {
            return RandomNumberGenerator.GetBytes(32);
        }
        var random = new SecureRandom();
        while (true)
        {
            var d = new BigInteger(256, random);
            if (d.SignValue > 0 && d.CompareTo(Sm2Domain.N.Subtract(BigInteger.One)) < 0)
            {
                return BigIntegers.AsUnsignedByteArray(32, d);
            }
        }
    }
}
