using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengfeng.Features.Audit;
using Zhengfeng.Features.Org;

namespace Zhengfeng.Features.Accounts;

public sealed class UserAccount
{
    public required string Id { get; init; }
    public required string Username { get; init; }
    public required string DisplayName { get; set; }
    [Sensitive] public string PasswordHash { get; set; } = "";
    public required string UnitId { get; set; }
    /// <summary>Comma-separated role names (portable across providers: no array columns).</summary>
    public string Roles { get; set; } = "";
    public string? CadreId { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>单位负责人: a unit account that may assign the unit's cases to its 承办人 and keep their accounts.</summary>
    public bool IsUnitHead { get; set; }
    /// <summary>The TOTP secret (base32), encrypted with the same key as reporters' identities.</summary>
    [Sensitive] public string? TotpSecret { get; set; }
    /// <summary>A secret shown for enrolment and not yet confirmed with a code.</summary>
    [Sensitive] public string? TotpPendingSecret { get; set; }
    public DateTimeOffset? TotpEnabledAt { get; set; }
    /// <summary>The last accepted TOTP time step: a code is accepted once.</summary>
    public long TotpLastStep { get; set; }
    public DateTimeOffset? LastLoginAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    public IReadOnlyList<string> RoleList => Roles.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public bool HasTotp => TotpSecret is not null;
}

internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> b)
    {
        b.ToTable("Users");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Username).HasMaxLength(50);
        b.Property(x => x.DisplayName).HasMaxLength(50);
        b.Property(x => x.Roles).HasMaxLength(200);
        b.HasIndex(x => x.Username).IsUnique();
        b.HasIndex(x => x.UnitId);
        b.Property(x => x.TotpSecret).HasMaxLength(200);
        b.Property(x => x.TotpPendingSecret).HasMaxLength(200);
        b.Ignore(x => x.RoleList);
        b.Ignore(x => x.HasTotp);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Cadre>().WithMany().HasForeignKey(x => x.CadreId).OnDelete(DeleteBehavior.SetNull);
    }
}
