using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengfeng.Data;
using Zhengfeng.Features.Audit;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Open311;

/// <summary>
/// A key an outside system presents to file Open311 requests. Only the SHA-256 of the key is stored: the
/// key itself is shown once, when issued. A revoked key stays on record.
/// </summary>
public sealed class ApiKey
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    [Sensitive] public required string KeyHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    /// <summary>A new key: a prefix that says what it is, then 192 random bits.</summary>
    public static string NewSecret() => "o311_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret.Trim())));
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.KeyHash).HasMaxLength(64);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.Ignore(x => x.IsActive);
        b.HasIndex(x => x.KeyHash).IsUnique();
    }
}

public sealed record ApiKeyRequest
{
    [Required(ErrorMessage = "请填写密钥名称（使用该密钥的系统）")]
    [StringLength(100, MinimumLength = 2, ErrorMessage = "密钥名称应为2至100字")]
    public required string Name { get; init; }
}

public sealed record IssuedApiKey(string Id, string ApiKey, string Name);

public sealed record ApiKeyView(string Id, string Name, DateTimeOffset CreatedAt, string CreatedBy, bool Active, DateTimeOffset? RevokedAt)
{
    public static ApiKeyView From(ApiKey k) => new(k.Id, k.Name, k.CreatedAt, k.CreatedBy, k.IsActive, k.RevokedAt);
}

/// <summary>The admin's side: issue, list and revoke Open311 keys.</summary>
public static class ApiKeysApi
{
    public static void MapOpen311Keys(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/v1/open311/keys").RequireAuthorization(Policies.Admin).WithTags("Open311 密钥");
        keys.MapPost("/", Issue);
        keys.MapGet("/", List);
        keys.MapDelete("/{id}", Revoke);
        keys.MapPost("/{id}/revoke", Revoke);
    }

    private static async Task<Created<IssuedApiKey>> Issue(ApiKeyRequest request, AppDb db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var secret = ApiKey.NewSecret();
        var key = new ApiKey
        {
            Id = Ids.New(),
            Name = request.Name.Trim(),
            KeyHash = ApiKey.Hash(secret),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = user.DisplayName,
        };
        db.Add(key);
        db.PendingAction = "open311.key-issue";
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/open311/keys/{key.Id}", new IssuedApiKey(key.Id, secret, key.Name));
    }

    private static async Task<Ok<List<ApiKeyView>>> List(AppDb db, CancellationToken ct)
    {
        var keys = await db.Set<ApiKey>().AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok(keys.OrderByDescending(k => k.CreatedAt).Select(ApiKeyView.From).ToList());
    }

    private static async Task<Ok<ApiKeyView>> Revoke(string id, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var key = await db.Set<ApiKey>().FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw new NotFoundException("密钥");
        key.Revoke(clock.GetUtcNow());
        db.PendingAction = "open311.key-revoke";
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ApiKeyView.From(key));
    }

    /// <summary>The active key with this secret, or null.</summary>
    public static async Task<ApiKey?> FindActiveAsync(AppDb db, string? secret, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            return null;
        }
        var hash = ApiKey.Hash(secret);
        return await db.Set<ApiKey>().AsNoTracking().FirstOrDefaultAsync(k => k.KeyHash == hash && k.RevokedAt == null, ct);
    }
}
