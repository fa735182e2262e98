using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zhengfeng.Data;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Accounts;

/// <summary>What every new account needs: the sign-in name, the first password and the person's name.</summary>
public abstract record NewAccountFields
{
    [Required(ErrorMessage = "请填写用户名")]
    [RegularExpression("^[A-Za-z0-9_.-]{3,50}$", ErrorMessage = "用户名只能包含字母、数字、下划线、点和连字符，长度3至50")]
    public required string Username { get; init; }

    [Required(ErrorMessage = "请填写初始密码")]
    public required string Password { get; init; }

    [Required(ErrorMessage = "请填写姓名")]
    [StringLength(50, ErrorMessage = "姓名不能超过50字")]
    public required string DisplayName { get; init; }
}

public sealed record CreateUserRequest : NewAccountFields
{
    [Required(ErrorMessage = "请选择所属单位")]
    public required string UnitId { get; init; }

    [Required(ErrorMessage = "请至少选择一个角色")]
    public required IReadOnlyList<string> Roles { get; init; }

    public string? CadreId { get; init; }

    /// <summary>单位负责人: may assign the unit's cases to its 承办人 and keep their accounts (unit accounts only).</summary>
    public bool IsUnitHead { get; init; }
}

/// <summary>A unit head adds a 承办人 to the unit: the unit and the role are the head's.</summary>
public sealed record CreateStaffRequest : NewAccountFields;

public sealed record UnitHeadRequest(bool IsUnitHead);

public sealed record RolesRequest
{
    [Required(ErrorMessage = "请至少选择一个角色")]
    public required IReadOnlyList<string> Roles { get; init; }
}

public sealed record UserView(
    string Id, string Username, string DisplayName, string UnitId, IReadOnlyList<string> Roles, bool IsActive, DateTimeOffset? LastLoginAt, bool IsUnitHead)
{
    public static UserView From(UserAccount u) => new(u.Id, u.Username, u.DisplayName, u.UnitId, u.RoleList, u.IsActive, u.LastLoginAt, u.IsUnitHead);
}

/// <summary>
/// Accounts, passwords and sign-in. Changing an account's password, roles or status ends all its sessions in the same save.
/// Sign-in answers an unknown name, a wrong password and a locked (account, address) pair alike.
/// </summary>
public sealed class AccountService(AppDb db, TimeProvider clock, UnitTree tree, SessionService sessions, LoginThrottle throttle, IOptions<SecurityOptions> options)
{
    public const string InvalidLogin = "用户名或密码错误，或尝试过于频繁，请稍后再试";
    private static readonly PasswordHasher<UserAccount> Hasher = new();
    // Verified when the name is unknown, so that answering takes as long as for a known name.
    private static readonly string DummyHash = Hasher.HashPassword(null!, "zhengfeng-no-such-account-1");

    public static string HashPassword(string password) => Hasher.HashPassword(null!, password);

    public string? CheckPassword(string? password, string? username) => PasswordPolicy.Check(password, username, options.Value.MinPasswordLength);

    public async Task<UserAccount> CreateAsync(CreateUserRequest request, CancellationToken ct)
    {
        var username = request.Username.Trim().ToLowerInvariant();
        if (CheckPassword(request.Password, username) is { } weak)
        {
            throw new RuleException("user.weak_password", weak, 400);
        }
        CheckRoles(request.Roles);
        if (request.IsUnitHead && !request.Roles.Contains(Roles.Unit))
        {
            throw new RuleException("user.head_not_unit", "单位负责人须是承办单位账号", 400);
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
            IsUnitHead = request.IsUnitHead,
            PasswordHash = HashPassword(request.Password),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Users.Add(user);
        db.PendingAction = "user.create";
        await db.SaveChangesAsync(ct);
        return user;
    }

    /// <summary>Makes a unit account its unit's head (单位负责人), or no longer.</summary>
    public async Task<UserAccount> SetUnitHeadAsync(string id, bool head, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException("用户");
        if (head && !user.RoleList.Contains(Roles.Unit))
        {
            throw new RuleException("user.head_not_unit", "单位负责人须是承办单位账号", 400);
        }
        user.IsUnitHead = head;
        db.PendingAction = head ? "user.unit-head" : "user.unit-head-off";
        await db.SaveChangesAsync(ct);
        return user;
    }

    /// <summary>The accounts of a unit head's own unit, for the head's page of 承办人.</summary>
    public Task<List<UserAccount>> StaffOfAsync(string unitId, CancellationToken ct)
        => db.Users.AsNoTracking().Where(u => u.UnitId == unitId).OrderByDescending(u => u.IsUnitHead).ThenBy(u => u.DisplayName).ToListAsync(ct);

    /// <summary>A 承办人 account of the head's unit: the unit role only, never another unit or another role.</summary>
    public Task<UserAccount> CreateStaffAsync(UserAccount head, CreateStaffRequest r, CancellationToken ct)
        => CreateAsync(new CreateUserRequest
        {
            Username = r.Username, Password = r.Password, DisplayName = r.DisplayName, UnitId = head.UnitId, Roles = [Roles.Unit],
        }, ct);

    /// <summary>A unit head disables or re-enables one of the unit's 承办人 (never another head, nor an account of another unit).</summary>
    public async Task<UserAccount> SetStaffActiveAsync(UserAccount head, string id, bool active, CancellationToken ct)
    {
        var staff = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (staff is null || staff.UnitId != head.UnitId || staff.IsUnitHead || !staff.RoleList.SequenceEqual([Roles.Unit]))
        {
            throw new ForbiddenException("只能停用或启用本单位的承办人账号");
        }
        return await SetActiveAsync(id, active, head.Id, ct);
    }

    /// <summary>The signed-in unit head's account, or forbidden.</summary>
    public async Task<UserAccount> UnitHeadAsync(string userId, CancellationToken ct)
        => await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId && u.IsUnitHead && u.IsActive, ct)
            ?? throw new ForbiddenException("只有单位负责人可以管理本单位承办人");

    /// <summary>Accounts by username or display name, ordered by username.</summary>
    public async Task<Page<UserAccount>> SearchAsync(string? q, int page, int pageSize, CancellationToken ct)
    {
        (page, pageSize) = Paging.Check(page, pageSize);
        var query = Query(q);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(u => u.Username).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<UserAccount>(items, total, page, pageSize);
    }

    /// <summary>The accounts whose username or name contains the words, unordered.</summary>
    public IQueryable<UserAccount> Query(string? q)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(u => u.Username.Contains(term) || u.DisplayName.Contains(term));
        }
        return query;
    }

    public async Task<UserAccount> GetAsync(string id, CancellationToken ct)
        => await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException("用户");

    public async Task<UserAccount> SetActiveAsync(string id, bool active, string? by, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException("用户");
        user.IsActive = active;
        var ended = active ? [] : await sessions.EndAllAsync(user.Id, SessionEndReason.Disabled, by, ct);
        db.PendingAction = active ? "user.enable" : "user.disable";
        await db.SaveChangesAsync(ct);
        sessions.Forget(ended);
        return user;
    }

    public async Task ResetPasswordAsync(string id, string password, string? by, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException("用户");
        await SetPasswordAsync(user, password, "user.reset-password", by, ct);
    }

    /// <summary>The owner changes their own password: the current one is asked again, and every session ends, this one too.</summary>
    public async Task ChangeOwnPasswordAsync(string id, string? current, string? password, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException("用户");
        if (string.IsNullOrEmpty(current) || Hasher.VerifyHashedPassword(user, user.PasswordHash, current) == PasswordVerificationResult.Failed)
        {
            throw new RuleException("user.wrong_password", "当前密码不正确", 400);
        }
        await SetPasswordAsync(user, password ?? "", "user.change-password", id, ct);
    }

    public async Task<UserAccount> SetRolesAsync(string id, IReadOnlyList<string> roles, string? by, CancellationToken ct)
    {
        CheckRoles(roles);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException("用户");
        var value = string.Join(",", roles.Distinct());
        if (value == user.Roles)
        {
            return user;
        }
        user.Roles = value;
        // The roles are in every cookie and token of the account: they must be signed in again to carry the new ones.
        var ended = await sessions.EndAllAsync(user.Id, SessionEndReason.RolesChanged, by, ct);
        db.PendingAction = "user.set-roles";
        await db.SaveChangesAsync(ct);
        sessions.Forget(ended);
        return user;
    }

    /// <summary>
    /// Checks a password. Throws 429 while the address is throttled, and 401 with one and the same message for an unknown
    /// name, a wrong password, a disabled account, a locked (account, address) pair, or an address that is not the owner's
    /// usual one while the account is under attack from many addresses.
    /// </summary>
    public async Task<UserAccount> SignInAsync(string? username, string? password, string address, CancellationToken ct)
    {
        if (throttle.IsAddressThrottled(address))
        {
            throw new RuleException("auth.throttled", "登录失败次数过多，请稍后再试", 429);
        }
        var name = (username ?? "").Trim().ToLowerInvariant();
        var user = name.Length is 0 or > 50 ? null : await db.Users.FirstOrDefaultAsync(u => u.Username == name, ct);
        var verified = Hasher.VerifyHashedPassword(user!, user?.PasswordHash ?? DummyHash, password ?? "") != PasswordVerificationResult.Failed;
        var ok = user is { IsActive: true } && !string.IsNullOrEmpty(password) && verified;
        var refused = throttle.IsPairLocked(name, address)
            || (throttle.IsAccountBackingOff(name) && !await sessions.IsUsualAddressAsync(user?.Id ?? "", address, ct));
        if (!ok || refused)
        {
            if (!ok)
            {
                throttle.Failed(name, address);
            }
            await RecordFailureAsync(user?.Id, name, address, ct);
            throw new RuleException("auth.invalid", InvalidLogin, 401);
        }
        throttle.Succeeded(name, address);
        return user!;
    }

    /// <summary>A wrong second factor counts as a failed sign-in of the pair.</summary>
    public async Task FailSecondFactorAsync(UserAccount user, string address, CancellationToken ct)
    {
        throttle.Failed(user.Username, address);
        await RecordFailureAsync(user.Id, user.Username, address, ct);
    }

    public bool IsPairLocked(string username, string address) => throttle.IsPairLocked(username, address);

    private async Task RecordFailureAsync(string? userId, string name, string address, CancellationToken ct)
    {
        // Unknown names are logged too: the same work either way, and a record of what was tried.
        var tried = System.Text.Json.JsonSerializer.Serialize(new { username = name.Length > 50 ? name[..50] : name, address });
        db.RecordEvent("auth.login-failed", "UserAccount", userId ?? "-", tried);
        await db.SaveChangesAsync(ct);
    }

    private async Task SetPasswordAsync(UserAccount user, string password, string action, string? by, CancellationToken ct)
    {
        if (CheckPassword(password, user.Username) is { } weak)
        {
            throw new RuleException("user.weak_password", weak, 400);
        }
        user.PasswordHash = HashPassword(password);
        var ended = await sessions.EndAllAsync(user.Id, SessionEndReason.PasswordChanged, by, ct);
        db.PendingAction = action;
        await db.SaveChangesAsync(ct);
        sessions.Forget(ended);
    }

    private static void CheckRoles(IReadOnlyList<string>? roles)
    {
        var unknown = (roles ?? []).Where(r => !Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0 || roles is null || roles.Count == 0)
        {
            throw new RuleException("user.bad_role", $"未知角色：{string.Join("、", unknown)}；可选角色为 {string.Join(", ", Roles.All)}", 400);
        }
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
