using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengfeng.Features.Audit;

namespace Zhengfeng.Features.Accounts;

public enum SessionKind
{
    /// <summary>A browser holding the login cookie.</summary>
    Web,

    /// <summary>An API client holding an access token and a refresh token.</summary>
    Api,
}

/// <summary>Why a session ended before it expired.</summary>
public enum SessionEndReason
{
    Logout,
    PasswordChanged,
    RolesChanged,
    Disabled,
    EndedByUser,
    EndedByAdmin,
    RefreshReused,
    TotpChanged,
}

/// <summary>
/// One sign-in (登录设备): the cookie and the JWT carry its id, and every request checks that it is still open, so
/// ending it (logout, password change, role change, disabling) ends the cookie, the access token and the refresh
/// token at once. The refresh token is kept only as a hash and changes on every use.
/// </summary>
public sealed class UserSession
{
    public required string Id { get; init; }
    public required string UserId { get; init; }
    public SessionKind Kind { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset LastSeenAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public string Address { get; init; } = "";
    public string UserAgent { get; init; } = "";
    [Sensitive] public string? RefreshHash { get; private set; }
    /// <summary>The refresh token before the last rotation: presenting it again means it was copied, so the session ends.</summary>
    [Sensitive] public string? PreviousRefreshHash { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public SessionEndReason? EndReason { get; private set; }
    public string? EndedBy { get; private set; }

    public static UserSession Open(string userId, SessionKind kind, DateTimeOffset now, TimeSpan lifetime, string address, string? userAgent, string? refreshHash)
        => new()
        {
            Id = Data.Ids.New(),
            UserId = userId,
            Kind = kind,
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now + lifetime,
            Address = Clip(address, 64),
            UserAgent = Clip(userAgent ?? "", 300),
            RefreshHash = refreshHash,
        };

    public bool IsOpenAt(DateTimeOffset now) => EndedAt is null && ExpiresAt > now;

    /// <summary>Ends the session; ending an ended session changes nothing.</summary>
    public bool End(DateTimeOffset now, SessionEndReason reason, string? by)
    {
        if (EndedAt is not null)
        {
            return false;
        }
        EndedAt = now;
        EndReason = reason;
        EndedBy = by;
        RefreshHash = null;
        return true;
    }

    /// <summary>A refresh: the new token's hash replaces the old one, and the session lives on from now.</summary>
    public void Rotate(string newHash, DateTimeOffset now, TimeSpan lifetime)
    {
        PreviousRefreshHash = RefreshHash;
        RefreshHash = newHash;
        LastSeenAt = now;
        ExpiresAt = now + lifetime;
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];

    public static string ReasonLabel(SessionEndReason? reason) => reason switch
    {
        SessionEndReason.Logout => "已退出登录",
        SessionEndReason.PasswordChanged => "密码已修改",
        SessionEndReason.RolesChanged => "角色已变更",
        SessionEndReason.Disabled => "账号已停用",
        SessionEndReason.EndedByUser => "本人结束",
        SessionEndReason.EndedByAdmin => "管理员结束",
        SessionEndReason.RefreshReused => "刷新令牌被重复使用",
        SessionEndReason.TotpChanged => "动态验证码已变更",
        _ => "",
    };
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.ToTable("UserSessions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.UserId).HasMaxLength(32);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.EndReason).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Address).HasMaxLength(64);
        b.Property(x => x.UserAgent).HasMaxLength(300);
        b.Property(x => x.RefreshHash).HasMaxLength(64);
        b.Property(x => x.PreviousRefreshHash).HasMaxLength(64);
        b.Property(x => x.EndedBy).HasMaxLength(32);
        b.HasIndex(x => new { x.UserId, x.EndedAt });
        b.HasIndex(x => x.RefreshHash).IsUnique();
        b.HasIndex(x => x.PreviousRefreshHash);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
