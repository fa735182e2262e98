using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Accounts;

public sealed record CreateUserRequest
{
    [Required(ErrorMessage = "请填写用户名")]
    [RegularExpression("^[A-Za-z0-9_.-]{3,50}$", ErrorMessage = "用户名只能包含字母、数字、下划线、点和连字符，长度3至50")]
    public required string Username { get; init; }

    [Required(ErrorMessage = "请填写密码")]
    public required string Password { get; init; }

    [Required(ErrorMessage = "请填写姓名")]
    [StringLength(50, ErrorMessage = "姓名不能超过50字")]
    public required string DisplayName { get; init; }

    [Required(ErrorMessage = "请选择所属单位")]
    public required string UnitId { get; init; }

    [Required(ErrorMessage = "请至少选择一个角色")]
    public required IReadOnlyList<string> Roles { get; init; }

    public string? CadreId { get; init; }
}

public sealed record UserView(string Id, string Username, string DisplayName, string UnitId, IReadOnlyList<string> Roles, bool IsActive, DateTimeOffset? LastLoginAt)
{
    public static UserView From(UserAccount u) => new(u.Id, u.Username, u.DisplayName, u.UnitId, u.RoleList, u.IsActive, u.LastLoginAt);
}

/// <summary>Accounts, passwords and sign-in with throttling (per account and per client address).</summary>
public sealed class AccountService(AppDb db, TimeProvider clock, UnitTree tree)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockTime = TimeSpan.FromMinutes(5);
    private const int MaxFailuresPerAddress = 30;
    private static readonly TimeSpan AddressWindow = TimeSpan.FromMinutes(10);
    private static readonly ConcurrentDictionary<string, (int Count, DateTimeOffset Since)> AddressFailures = new();
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    public static string HashPassword(string password) => Hasher.HashPassword(null!, password);

    public static string? CheckPasswordStrength(string password)
        => password.Length < 8 || !password.Any(char.IsLetter) || !password.Any(char.IsDigit)
            ? "密码至少8位，且须同时包含字母和数字"
            : null;

    public async Task<UserAccount> CreateAsync(CreateUserRequest request, CancellationToken ct)
    {
        var username = request.Username.Trim().ToLowerInvariant();
        if (CheckPasswordStrength(request.Password) is { } weak)
        {
            throw new RuleException("user.weak_password", weak, 400);
        }
        var unknown = request.Roles.Where(r => !Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0 || request.Roles.Count == 0)
        {
            throw new RuleException("user.bad_role", $"未知角色：{string.Join("、", unknown)}；可选角色为 {string.Join(", ", Roles.All)}", 400);
        }
        if (!await db.Units.AnyAsync(u => u.Id == request.UnitId, ct))
        {
            throw new RuleException("user.unknown_unit", "所属单位不存在", 400);
        }
        if (request.CadreId is not null && !await db.Cadres.AnyAsync(c => c.Id == request.CadreId, ct))
        {
            throw new RuleException("user.unknown_cadre", "关联的干部不存在", 400);
        }
        if (await db.Users.AnyAsync(u => u.Username == username, ct))
        {
            throw new RuleException("user.duplicate", $"用户名“{username}”已被使用", 409);
        }
        var user = new UserAccount
        {
            Id = Ids.New(),
            Username = username,
            DisplayName = request.DisplayName.Trim(),
            UnitId = request.UnitId,
            Roles = string.Join(",", request.Roles.Distinct()),
            CadreId = request.CadreId,
            PasswordHash = HashPassword(request.Password),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Users.Add(user);
        db.PendingAction = "user.create";
        await db.SaveChangesAsync(ct);
        return user;
    }

    /// <summary>Accounts by username or display name, ordered by username.</summary>
    public async Task<Page<UserAccount>> SearchAsync(string? q, int page, int pageSize, CancellationToken ct)
    {
        (page, pageSize) = Paging.Check(page, pageSize);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(u => u.Username.Contains(term) || u.DisplayName.Contains(term));
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(u => u.Username).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<UserAccount>(items, total, page, pageSize);
    }

    public async Task<UserAccount> SetActiveAsync(string id, bool active, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException("用户");
        user.IsActive = active;
        user.FailedLogins = 0;
        user.LockedUntil = null;
        db.PendingAction = active ? "user.enable" : "user.disable";
        await db.SaveChangesAsync(ct);
        return user;
    }

    public async Task ResetPasswordAsync(string id, string password, CancellationToken ct)
    {
        if (CheckPasswordStrength(password) is { } weak)
        {
            throw new RuleException("user.weak_password", weak, 400);
        }
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException("用户");
        user.PasswordHash = HashPassword(password);
        user.FailedLogins = 0;
        user.LockedUntil = null;
        db.PendingAction = "user.reset-password";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Checks a password. Throws 429 while the account or the address is throttled, 401 on a wrong password.</summary>
    public async Task<UserAccount> SignInAsync(string? username, string? password, string address, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (AddressFailures.TryGetValue(address, out var f) && now - f.Since < AddressWindow && f.Count >= MaxFailuresPerAddress)
        {
            throw new RuleException("auth.throttled", "登录失败次数过多，请稍后再试", 429);
        }
        var name = (username ?? "").Trim().ToLowerInvariant();
        var user = name.Length == 0 ? null : await db.Users.FirstOrDefaultAsync(u => u.Username == name, ct);
        if (user?.LockedUntil is { } until && until > now)
        {
            throw new RuleException("auth.throttled", $"该账号因多次密码错误已暂时锁定，请于 {ChinaTime.Format(until)} 后再试", 429);
        }
        var ok = user is { IsActive: true } && !string.IsNullOrEmpty(password)
            && Hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
        if (!ok)
        {
            AddressFailures.AddOrUpdate(address, _ => (1, now), (_, old) => now - old.Since < AddressWindow ? (old.Count + 1, old.Since) : (1, now));
            if (user is not null)
            {
                user.FailedLogins++;
                if (user.FailedLogins >= MaxFailures)
                {
                    user.LockedUntil = now + LockTime;
                    user.FailedLogins = 0;
                }
                db.PendingAction = "auth.login-failed";
                await db.SaveChangesAsync(ct);
            }
            throw new RuleException("auth.invalid", "用户名或密码错误", 401);
        }
        user!.FailedLogins = 0;
        user.LockedUntil = null;
        user.LastLoginAt = now;
        db.PendingAction = "auth.login";
        await db.SaveChangesAsync(ct);
        return user;
    }

    /// <summary>Contract: on an empty database create `admin` with ZHENGFENG_ADMIN_PASSWORD, or a generated password printed once.</summary>
    public async Task<string?> EnsureBootstrapAdminAsync(string? configuredPassword, CancellationToken ct)
    {
        if (await db.Users.AnyAsync(ct))
        {
            return null;
        }
        var county = await db.Units.Where(u => u.ParentId == null).OrderBy(u => u.SortOrder).FirstOrDefaultAsync(ct);
        if (county is null)
        {
            county = new Unit { Id = Ids.New(), Code = "county", Name = "本县（区）", Kind = UnitKind.County, CreatedAt = clock.GetUtcNow() };
            db.Units.Add(county);
        }
        var password = string.IsNullOrEmpty(configuredPassword) ? GeneratePassword() : configuredPassword;
        db.Users.Add(new UserAccount
        {
            Id = Ids.New(),
            Username = "admin",
            DisplayName = "系统管理员",
            UnitId = county.Id,
            Roles = Roles.Admin,
            PasswordHash = HashPassword(password),
            CreatedAt = clock.GetUtcNow(),
        });
        db.PendingAction = "user.bootstrap-admin";
        await db.SaveChangesAsync(ct);
        tree.Invalidate();
        return string.IsNullOrEmpty(configuredPassword) ? password : null;
    }

    private static string GeneratePassword()
    {
        const string letters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
        const string digits = "23456789";
        var chars = System.Security.Cryptography.RandomNumberGenerator.GetItems<char>(letters + digits, 14);
        chars[3] = System.Security.Cryptography.RandomNumberGenerator.GetItems<char>(digits, 1)[0];
        chars[7] = System.Security.Cryptography.RandomNumberGenerator.GetItems<char>(letters, 1)[0];
        return new string(chars);
    }
}
