using System.ComponentModel.DataAnnotations;

namespace Zhengfeng.Features.Accounts;

/// <summary>The <c>Security</c> section: session, token, lockout and second-factor settings.</summary>
public sealed class SecurityOptions
{
    /// <summary>Lifetime of an API access token; the client renews it with its refresh token.</summary>
    [Range(1, 720)] public int AccessTokenMinutes { get; set; } = 15;

    /// <summary>An API session ends when its refresh token was not used for this long.</summary>
    [Range(1, 720)] public int RefreshTokenHours { get; set; } = 12;

    /// <summary>A browser session ends after this long without a request.</summary>
    [Range(1, 72)] public int WebIdleHours { get; set; } = 8;

    /// <summary>
    /// How long an instance trusts what it read about a session. Within one instance an ended session is refused at once
    /// (the cache entry is removed); another instance notices within this many seconds.
    /// </summary>
    [Range(0, 60)] public int SessionCacheSeconds { get; set; } = 5;

    /// <summary>Roles that must sign in with a TOTP code (admin, inspector, leader may enrol; listing them here makes it mandatory).</summary>
    public string[] RequireTotpFor { get; set; } = [];

    /// <summary>Failed sign-ins of one account from one address before that pair is locked.</summary>
    [Range(1, 100)] public int MaxFailuresPerAddress { get; set; } = 5;

    [Range(1, 1440)] public int LockMinutes { get; set; } = 15;

    /// <summary>Failed sign-ins of one account from all addresses in an hour after which only its usual addresses may sign in.</summary>
    [Range(1, 10000)] public int AccountBackoffFailures { get; set; } = 20;

    /// <summary>An address is usual for an account when a session was opened from it within this many days.</summary>
    [Range(1, 365)] public int UsualAddressDays { get; set; } = 30;

    [Range(8, 64)] public int MinPasswordLength { get; set; } = 8;
}
