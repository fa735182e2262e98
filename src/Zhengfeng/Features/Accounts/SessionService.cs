using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Accounts;

public sealed record IssuedTokens(string Token, DateTimeOffset ExpiresAt, string RefreshToken, DateTimeOffset RefreshExpiresAt, string SessionId);

/// <summary>
/// Server-side sessions: opened at sign-in, checked on every request (through a short cache that an ending removes at
/// once in this instance), ended by logout, by the owner or an admin, and for all of an account's sessions at once when
/// its password, roles or status change.
/// </summary>
public sealed class SessionService(AppDb db, TimeProvider clock, IMemoryCache cache, TokenKeys keys, IOptions<SecurityOptions> options)
{
    public const string SessionClaim = "sid";
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    private SecurityOptions Options => options.Value;

    /// <summary>Opens a browser session for a user who just proved who they are; saved with the login.</summary>
    public async Task<UserSession> OpenWebAsync(UserAccount user, HttpContext http, CancellationToken ct)
    {
        var session = Open(user, SessionKind.Web, TimeSpan.FromHours(Options.WebIdleHours), http, null);
        await db.SaveChangesAsync(ct);
        return session;
    }

    /// <summary>Opens an API session: a short access token and a refresh token bound to the session.</summary>
    public async Task<IssuedTokens> OpenApiAsync(UserAccount user, HttpContext http, CancellationToken ct)
    {
        var refresh = NewRefreshToken();
        var session = Open(user, SessionKind.Api, RefreshLifetime, http, Hash(refresh));
        await db.SaveChangesAsync(ct);
        return Tokens(user, session, refresh);
    }

    /// <summary>Trades a refresh token for a new access token and a new refresh token; the old one stops working.</summary>
    public async Task<IssuedTokens> RefreshAsync(string? refreshToken, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var hash = Hash(refreshToken ?? "");
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.RefreshHash == hash, ct);
        if (session is null)
        {
            // A rotated token presented again was copied: end the session it belonged to.
            var stolen = await db.Sessions.FirstOrDefaultAsync(s => s.PreviousRefreshHash == hash && s.EndedAt == null, ct);
            if (stolen is not null)
            {
                stolen.End(now, SessionEndReason.RefreshReused, null);
                db.PendingAction = "session.refresh-reused";
                await db.SaveChangesAsync(ct);
                Forget([stolen.Id]);
            }
            throw InvalidRefresh();
        }
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == session.UserId, ct);
        if (!session.IsOpenAt(now) || user is not { IsActive: true })
        {
            throw InvalidRefresh();
        }
        var refresh = NewRefreshToken();
        session.Rotate(Hash(refresh), now, RefreshLifetime);
        db.PendingAction = "session.refresh";
        await db.SaveChangesAsync(ct);
        Forget([session.Id]);
        return Tokens(user, session, refresh);
    }

    /// <summary>Whether the session named in a cookie or token is still open for that user; refreshes its last-seen time now and then.</summary>
    public async Task<bool> IsOpenAsync(string? sessionId, string? userId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(sessionId) || string.IsNullOrEmpty(userId))
        {
            return false;
        }
        var now = clock.GetUtcNow();
        var state = await StateAsync(sessionId, ct);
        if (state is null || state.UserId != userId || state.Ended || state.ExpiresAt <= now)
        {
            return false;
        }
        if (now - state.LastSeenAt >= TouchEvery)
        {
            // A heartbeat, not a change of state: written without the audit log, at most once a minute per session.
            state.LastSeenAt = now;
            if (state.Kind == SessionKind.Web)
            {
                state.ExpiresAt = now + TimeSpan.FromHours(Options.WebIdleHours);
            }
            var expires = state.ExpiresAt;
            await db.Sessions.Where(s => s.Id == sessionId && s.EndedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now).SetProperty(s => s.ExpiresAt, expires), ct);
        }
        return true;
    }

    /// <summary>Ends one session (the caller checks whose it is) and saves.</summary>
    public async Task EndAsync(string sessionId, SessionEndReason reason, string action, string? by, CancellationToken ct)
    {
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId, ct) ?? throw new NotFoundException("登录会话");
        if (session.End(clock.GetUtcNow(), reason, by))
        {
            db.PendingAction = action;
            await db.SaveChangesAsync(ct);
        }
        Forget([session.Id]);
    }

    /// <summary>
    /// Marks every open session of the account as ended, to be saved with the change that caused it; call
    /// <see cref="Forget"/> with the result after the save.
    /// </summary>
    public async Task<IReadOnlyList<string>> EndAllAsync(string userId, SessionEndReason reason, string? by, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var open = await db.Sessions.Where(s => s.UserId == userId && s.EndedAt == null).ToListAsync(ct);
        foreach (var session in open)
        {
            session.End(now, reason, by);
        }
        return open.Select(s => s.Id).ToList();
    }

    /// <summary>Drops what this instance remembers about the sessions, so the next request reads that they ended.</summary>
    public void Forget(IEnumerable<string> sessionIds)
    {
        foreach (var id in sessionIds)
        {
            cache.Remove(CacheKey(id));
        }
    }

    /// <summary>The account's open sessions, most recently used first.</summary>
    public async Task<List<UserSession>> OpenSessionsAsync(string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.UserId == userId && s.EndedAt == null && s.ExpiresAt > now).ToListAsync(ct);
        return sessions.OrderByDescending(s => s.LastSeenAt).ToList();
    }

    /// <summary>Addresses from which the account opened a session recently: where its owner usually signs in.</summary>
    public async Task<bool> IsUsualAddressAsync(string userId, string address, CancellationToken ct)
    {
        var since = clock.GetUtcNow() - TimeSpan.FromDays(Options.UsualAddressDays);
        return await db.Sessions.AsNoTracking().AnyAsync(s => s.UserId == userId && s.Address == address && s.CreatedAt >= since, ct);
    }

    private TimeSpan RefreshLifetime => TimeSpan.FromHours(Options.RefreshTokenHours);

    private UserSession Open(UserAccount user, SessionKind kind, TimeSpan lifetime, HttpContext http, string? refreshHash)
    {
        var now = clock.GetUtcNow();
        var session = UserSession.Open(user.Id, kind, now, lifetime, AccountsApi.ClientAddress(http), http.Request.Headers.UserAgent.ToString(), refreshHash);
        db.Sessions.Add(session);
        user.LastLoginAt = now;
        db.PendingAction = "auth.login";
        return session;
    }

    private IssuedTokens Tokens(UserAccount user, UserSession session, string refresh)
    {
        var (token, expiresAt) = keys.Issue(user, session.Id, clock.GetUtcNow(), TimeSpan.FromMinutes(Options.AccessTokenMinutes));
        return new IssuedTokens(token, expiresAt, refresh, session.ExpiresAt, session.Id);
    }

    private async Task<SessionState?> StateAsync(string sessionId, CancellationToken ct)
    {
        if (cache.TryGetValue(CacheKey(sessionId), out SessionState? known))
        {
            return known;
        }
        var state = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new SessionState(s.UserId, s.Kind, s.EndedAt != null) { ExpiresAt = s.ExpiresAt, LastSeenAt = s.LastSeenAt })
            .FirstOrDefaultAsync(ct);
        if (state is not null && Options.SessionCacheSeconds > 0)
        {
            cache.Set(CacheKey(sessionId), state, TimeSpan.FromSeconds(Options.SessionCacheSeconds));
        }
        return state;
    }

    private static string CacheKey(string sessionId) => "session:" + sessionId;

    private static string NewRefreshToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static RuleException InvalidRefresh() => new("auth.refresh_invalid", "刷新令牌无效或已过期，请重新登录", StatusCodes.Status401Unauthorized);

    private sealed class SessionState(string userId, SessionKind kind, bool ended)
    {
        public string UserId { get; } = userId;
        public SessionKind Kind { get; } = kind;
        public bool Ended { get; } = ended;
        public DateTimeOffset ExpiresAt { get; set; }
        public DateTimeOffset LastSeenAt { get; set; }
    }
}
