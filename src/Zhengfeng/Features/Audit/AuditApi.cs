using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Audit;

public static class AuditApi
{
    public sealed record AuditView(long Seq, DateTimeOffset At, string ActorId, string ActorName, string Action, string EntityType, string EntityId, string? Before, string? After, string Hash);

    public sealed record CheckpointView(string Origin, long Size, string RootHash, string RootHashBase64, DateTimeOffset At, string? Algorithm, string KeyId,
        string Signature, string Text)
    {
        public static CheckpointView From(AuditCheckpoint c, AuditVerifierKey key) => new(c.Origin, c.Size, c.RootHashHex, Convert.ToBase64String(c.RootHash), c.At,
            key.KeyId.AsSpan().SequenceEqual(c.KeyId) ? key.AlgorithmName : null, c.KeyIdHex, Convert.ToBase64String(c.Signature), c.Text);
    }

    public sealed record CheckpointListItem(string Name, long Size, string RootHash, DateTimeOffset At, string? Algorithm, string KeyId);

    public sealed record ConsistencyView(long From, long To, string FromRoot, string ToRoot, IReadOnlyList<string> Proof, IReadOnlyList<string> ProofBase64);

    public sealed record InclusionView(long Seq, long Size, string LeafHash, string Root, IReadOnlyList<string> Proof);

    public sealed record PublicKeyView(string Origin, string Algorithm, string KeyId, string PublicKey, string VerifierKey);

    public const string TextType = "text/plain; charset=utf-8";

    public static IServiceCollection AddAudit(this IServiceCollection services)
        => services.AddScoped<AuditActor>().AddSingleton<AuditCheckpoints>();

    public static void MapAudit(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/v1/audit").RequireAuthorization(Policies.Admin).WithTags("审计");
        audit.MapGet("/verify", async (AppDb db, CancellationToken ct) => TypedResults.Ok(await AuditVerifier.VerifyAsync(db, ct)));
        audit.MapGet("/", Search);
        audit.MapGet("/checkpoint", LatestCheckpoint);
        audit.MapGet("/checkpoints", Checkpoints);
        audit.MapPost("/checkpoints", async (AppDb db, AuditCheckpoints store, CancellationToken ct) =>
        {
            var checkpoint = await SignNowAsync(db, store, ct);
            return TypedResults.Created("/api/v1/audit/checkpoints/latest", CheckpointView.From(checkpoint, store.Key.Verifier));
        });
        audit.MapGet("/checkpoints/{name}", async (string name, AuditCheckpoints store, CancellationToken ct)
            => await store.ReadAsync(name, ct) is { } text ? Results.Text(text, TextType) : throw new NotFoundException("检查点"));
        audit.MapGet("/consistency", Consistency);
        audit.MapGet("/inclusion", Inclusion);
        // A public key: anyone holding a checkpoint may check it without an account.
        audit.MapGet("/public-key", (AuditCheckpoints store) => Results.Text(store.Key.Verifier.Encode() + "\n", TextType)).AllowAnonymous();
        audit.MapGet("/public-key.json", (AuditCheckpoints store) => TypedResults.Ok(PublicKey(store.Key.Verifier))).AllowAnonymous();
    }

    public static PublicKeyView PublicKey(AuditVerifierKey key)
        => new(key.Name, key.AlgorithmName, key.KeyIdHex, Convert.ToBase64String(key.PublicKey), key.Encode());

    /// <summary>An admin's checkpoint on demand; a broken log is refused with the reason.</summary>
    public static async Task<AuditCheckpoint> SignNowAsync(AppDb db, AuditCheckpoints store, CancellationToken ct)
    {
        try
        {
            return await store.CreateNowAsync(db, ct);
        }
        catch (AuditBrokenException e)
        {
            throw new RuleException("audit.broken", $"审计日志已被篡改，不能签发检查点：{e.Message}", StatusCodes.Status409Conflict);
        }
    }

    /// <summary>The latest saved checkpoint; the first one is signed here when none was saved yet.</summary>
    private static async Task<Ok<CheckpointView>> LatestCheckpoint(AppDb db, AuditCheckpoints store, CancellationToken ct)
    {
        var checkpoint = await store.LatestAsync(ct) ?? await SignNowAsync(db, store, ct);
        return TypedResults.Ok(CheckpointView.From(checkpoint, store.Key.Verifier));
    }

    private static Ok<Page<CheckpointListItem>> Checkpoints(int? page, int? pageSize, AuditCheckpoints store)
    {
        var (p, size) = Paging.Check(page ?? 1, pageSize ?? 50);
        var (items, total) = store.List(p, size);
        var key = store.Key.Verifier;
        return TypedResults.Ok(new Page<CheckpointListItem>(items.Select(i => new CheckpointListItem(i.Name, i.Checkpoint.Size, i.Checkpoint.RootHashHex, i.Checkpoint.At,
            key.KeyId.AsSpan().SequenceEqual(i.Checkpoint.KeyId) ? key.AlgorithmName : null, i.Checkpoint.KeyIdHex)).ToList(), total, p, size));
    }

    /// <summary>RFC 9162 §2.1.4: proof that the log of <paramref name="from"/> entries is a prefix of the log of <paramref name="to"/> (default: all).</summary>
    private static async Task<Ok<ConsistencyView>> Consistency(long from, long? to, AppDb db, CancellationToken ct)
    {
        var size = await AuditLogTree.SizeAsync(db, ct);
        var n = to ?? size;
        EnsureRange(from, n, size, "from ≤ to");
        return await OrConflict(async () =>
        {
            var proof = await AuditLogTree.ConsistencyProofAsync(db, from, n, ct);
            var fromRoot = await AuditLogTree.RangeRootAsync(db, new(0, from), ct);
            var toRoot = await AuditLogTree.RangeRootAsync(db, new(0, n), ct);
            return TypedResults.Ok(new ConsistencyView(from, n, Convert.ToHexStringLower(fromRoot), Convert.ToHexStringLower(toRoot),
                proof.Select(Convert.ToHexStringLower).ToList(), proof.Select(Convert.ToBase64String).ToList()));
        });
    }

    /// <summary>RFC 9162 §2.1.3: proof that entry <paramref name="seq"/> is in the log of <paramref name="size"/> entries (default: all).</summary>
    private static async Task<Ok<InclusionView>> Inclusion(long seq, long? size, AppDb db, CancellationToken ct)
    {
        var current = await AuditLogTree.SizeAsync(db, ct);
        var n = size ?? current;
        EnsureRange(seq, n, current, "seq ≤ size");
        return await OrConflict(async () =>
        {
            var entry = await db.AuditEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Seq == seq, ct) ?? throw new NotFoundException("审计记录");
            var proof = await AuditLogTree.InclusionProofAsync(db, seq, n, ct);
            var root = await AuditLogTree.RangeRootAsync(db, new(0, n), ct);
            return TypedResults.Ok(new InclusionView(seq, n, Convert.ToHexStringLower(AuditLogTree.LeafHash(entry)), Convert.ToHexStringLower(root),
                proof.Select(Convert.ToHexStringLower).ToList()));
        });
    }

    /// <summary>1 ≤ <paramref name="low"/> ≤ <paramref name="high"/> ≤ the log's size, or a 400 that says so.</summary>
    private static void EnsureRange(long low, long high, long size, string names)
    {
        if (low < 1 || low > high || high > size)
        {
            throw new RuleException("audit.bad_range", $"应满足 1 ≤ {names} ≤ {size}（当前审计日志条数）", StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>A proof over a log found broken on the way is a 409 with the reason, not a 500.</summary>
    private static async Task<T> OrConflict<T>(Func<Task<T>> proving)
    {
        try
        {
            return await proving();
        }
        catch (AuditBrokenException e)
        {
            throw new RuleException("audit.broken", e.Message, StatusCodes.Status409Conflict);
        }
    }

    private static async Task<Ok<Page<AuditView>>> Search(string? entityType, string? entityId, string? actorId, string? action, int? page, int? pageSize, AppDb db, CancellationToken ct)
    {
        var (items, total, p, size) = await SearchAsync(db, new(entityType, entityId, actorId, action), page ?? 1, pageSize ?? 50, ct);
        return TypedResults.Ok(new Page<AuditView>(
            items.Select(e => new AuditView(e.Seq, e.At, e.ActorId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Before, e.After, e.Hash)).ToList(),
            total, p, size));
    }

    public sealed record Filter(string? EntityType, string? EntityId, string? ActorId, string? Action);

    public static async Task<(List<AuditEntry> Items, int Total, int Page, int PageSize)> SearchAsync(AppDb db, Filter f, int page, int pageSize, CancellationToken ct)
    {
        (page, pageSize) = Paging.Check(page, pageSize);
        var q = Query(db, f);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(e => e.Seq).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (items, total, page, pageSize);
    }

    /// <summary>The entries under the filter, unordered; an action filters by prefix (<c>case.</c> is every case action).</summary>
    public static IQueryable<AuditEntry> Query(AppDb db, Filter f)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.EntityType))
        {
            q = q.Where(e => e.EntityType == f.EntityType);
        }
        if (!string.IsNullOrWhiteSpace(f.EntityId))
        {
            q = q.Where(e => e.EntityId == f.EntityId);
        }
        if (!string.IsNullOrWhiteSpace(f.ActorId))
        {
            q = q.Where(e => e.ActorId == f.ActorId);
        }
        if (!string.IsNullOrWhiteSpace(f.Action))
        {
            q = q.Where(e => e.Action.StartsWith(f.Action));
        }
        return q;
    }
}
