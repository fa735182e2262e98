using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Zhengfeng.Features.Accounts;

/// <summary>
/// Counts failed sign-ins per (account name, address), per account name and per address, whether or not the account
/// exists. A pair that failed too often is locked, so a guesser cannot lock the owner out from elsewhere; an account
/// that fails from many addresses is only open to the addresses its owner usually signs in from. Kept in this
/// instance's memory: behind several instances each counts on its own.
/// </summary>
public sealed class LoginThrottle(IMemoryCache cache, TimeProvider clock, IOptions<SecurityOptions> options)
{
    public const int MaxFailuresPerAddress = 30;
    private static readonly TimeSpan AddressWindow = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan AccountWindow = TimeSpan.FromHours(1);
    private readonly Lock _gate = new();

    private SecurityOptions Options => options.Value;

    /// <summary>Too many failures from this address for any accounts: refused without looking at the name.</summary>
    public bool IsAddressThrottled(string address)
        => Read("addr:" + address) is { } c && c.Count >= MaxFailuresPerAddress && clock.GetUtcNow() - c.Since < AddressWindow;

    public bool IsPairLocked(string name, string address)
        => Read(PairKey(name, address)) is { LockedUntil: { } until } && until > clock.GetUtcNow();

    /// <summary>The account failed from many addresses lately: only its usual addresses may sign in.</summary>
    public bool IsAccountBackingOff(string name)
        => Read("acct:" + name) is { } c && c.Count >= Options.AccountBackoffFailures && clock.GetUtcNow() - c.Since < AccountWindow;

    public void Failed(string name, string address)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            Bump("addr:" + address, now, AddressWindow, null);
            Bump("acct:" + name, now, AccountWindow, null);
            Bump(PairKey(name, address), now, TimeSpan.FromMinutes(Options.LockMinutes), Options.MaxFailuresPerAddress);
        }
    }

    public void Succeeded(string name, string address) => cache.Remove(PairKey(name, address));

    private void Bump(string key, DateTimeOffset now, TimeSpan window, int? lockAfter)
    {
        var old = Read(key);
        var counter = old is null || (now - old.Since >= window && old.LockedUntil is null) || old.LockedUntil <= now
            ? new Counter(1, now, null)
            : old with { Count = old.Count + 1 };
        if (lockAfter is { } max && counter.Count >= max)
        {
            counter = counter with { LockedUntil = now + window };
        }
        // The entry is only memory to reclaim; the decisions use the times inside it.
        cache.Set(key, counter, TimeSpan.FromHours(2));
    }

    private Counter? Read(string key) => cache.TryGetValue(key, out Counter? c) ? c : null;

    private static string PairKey(string name, string address) => $"pair:{name}|{address}";

    private sealed record Counter(int Count, DateTimeOffset Since, DateTimeOffset? LockedUntil);
}
