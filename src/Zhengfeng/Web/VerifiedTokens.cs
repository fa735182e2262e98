using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;

namespace Zhengfeng.Web;

/// <summary>
/// Bearer tokens this instance has already verified (signature, issuer, audience, lifetime), with the identity they
/// carry, until they expire. A client sends the same token with every request for its whole lifetime, and checking the
/// signature and reading the claims again cost about a tenth of a case's creation. The session a token names is still
/// checked on every request, so an ended session stops the token at once as before.
/// </summary>
public sealed class VerifiedTokens(IMemoryCache cache)
{
    private static readonly TimeSpan LongestKept = TimeSpan.FromHours(1);

    private sealed record Verified(ClaimsPrincipal Principal, DateTimeOffset ExpiresAt);

    /// <summary>The identity of a token verified earlier and not expired at <paramref name="now"/>.</summary>
    public ClaimsPrincipal? Find(string? token, DateTimeOffset now)
        => !string.IsNullOrEmpty(token) && cache.TryGetValue(Key(token), out Verified? known) && known!.ExpiresAt > now ? known.Principal : null;

    public void Keep(string token, ClaimsPrincipal principal, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        var left = expiresAt - now;
        if (left > TimeSpan.Zero)
        {
            cache.Set(Key(token), new Verified(principal, expiresAt), left < LongestKept ? left : LongestKept);
        }
    }

    private static string Key(string token) => "bearer:" + token;
}
