using Microsoft.AspNetCore.Http.HttpResults;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Accounts;

public static class AccountsApi
{
    public sealed record TokenRequest(string? Username, string? Password, string? Totp);
    public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt, string RefreshToken, DateTimeOffset RefreshExpiresAt, string SessionId);
    public sealed record RefreshRequest(string? RefreshToken);
    public sealed record PasswordRequest(string Password);
    public sealed record ChangePasswordRequest(string? CurrentPassword, string? Password);
    public sealed record CodeRequest(string? Code);

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration("Security").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LoginThrottle>();
        services.AddScoped<SessionService>();
        services.AddScoped<TotpService>();
        return services.AddScoped<AccountService>();
    }

    public static void MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/token", Token).AllowAnonymous().RequireRateLimiting(RateLimits.Login).WithTags("登录");
        app.MapPost("/api/v1/auth/refresh", Refresh).AllowAnonymous().RequireRateLimiting(RateLimits.Login).WithTags("登录");
        var auth = app.MapGroup("/api/v1/auth").RequireAuthorization(Policies.SignedIn).WithTags("登录");
        auth.MapGet("/me", Me);
        auth.MapPost("/logout", Logout);
        auth.MapPost("/password", ChangePassword);
        auth.MapGet("/sessions", MySessions);
        auth.MapPost("/sessions/{sessionId}/end", EndMySession);
        auth.MapPost("/totp", BeginTotp);
        auth.MapPost("/totp/confirm", ConfirmTotp);

        var users = app.MapGroup("/api/v1/users").RequireAuthorization(Policies.Admin).WithTags("账号");
        users.MapGet("/", List);
        users.MapPost("/", Create);
        users.MapPost("/{id}/disable", (string id, AccountService accounts, CurrentUser me, CancellationToken ct) => SetActive(id, false, accounts, me, ct));
        users.MapPost("/{id}/enable", (string id, AccountService accounts, CurrentUser me, CancellationToken ct) => SetActive(id, true, accounts, me, ct));
        users.MapPost("/{id}/password", ResetPassword);
        users.MapPost("/{id}/roles", SetRoles);
        users.MapGet("/{id}/sessions", UserSessions);
        users.MapPost("/{id}/sessions/end", EndUserSessions);
        users.MapPost("/{id}/sessions/{sessionId}/end", EndUserSession);
        users.MapPost("/{id}/totp/reset", ResetTotp);
        users.MapPost("/{id}/unit-head", async (string id, UnitHeadRequest r, AccountService accounts, CancellationToken ct)
            => TypedResults.Ok(UserView.From(await accounts.SetUnitHeadAsync(id, r.IsUnitHead, ct))));

        // 本单位承办人: a unit head keeps the personal accounts of the unit's people
        var staff = app.MapGroup("/api/v1/unit-staff").RequireAuthorization(Policies.UnitWork).WithTags("账号");
        staff.MapGet("/", async (AccountService accounts, CurrentUser me, CancellationToken ct)
            => TypedResults.Ok((await accounts.StaffOfAsync((await accounts.UnitHeadAsync(me.Id, ct)).UnitId, ct)).Select(UserView.From)));
        staff.MapPost("/", async (CreateStaffRequest r, AccountService accounts, CurrentUser me, CancellationToken ct)
            => TypedResults.Created("/api/v1/unit-staff", UserView.From(await accounts.CreateStaffAsync(await accounts.UnitHeadAsync(me.Id, ct), r, ct))));
        staff.MapPost("/{id}/disable", async (string id, AccountService accounts, CurrentUser me, CancellationToken ct)
            => TypedResults.Ok(UserView.From(await accounts.SetStaffActiveAsync(await accounts.UnitHeadAsync(me.Id, ct), id, false, ct))));
        staff.MapPost("/{id}/enable", async (string id, AccountService accounts, CurrentUser me, CancellationToken ct)
            => TypedResults.Ok(UserView.From(await accounts.SetStaffActiveAsync(await accounts.UnitHeadAsync(me.Id, ct), id, true, ct))));
    }

    private static async Task<Ok<TokenResponse>> Token(
        TokenRequest request, AccountService accounts, TotpService totp, SessionService sessions, HttpContext http, CancellationToken ct)
    {
        var address = ClientAddress(http);
        var user = await accounts.SignInAsync(request.Username, request.Password, address, ct);
        if (user.HasTotp)
        {
            if (string.IsNullOrWhiteSpace(request.Totp))
            {
                throw new RuleException("auth.totp_required", "请填写动态验证码（totp：身份验证器应用显示的6位数字）", StatusCodes.Status401Unauthorized);
            }
            if (accounts.IsPairLocked(user.Username, address) || !totp.Verify(user, request.Totp))
            {
                await accounts.FailSecondFactorAsync(user, address, ct);
                throw new RuleException("auth.totp_invalid", "动态验证码错误或已使用，请稍后输入新的验证码", StatusCodes.Status401Unauthorized);
            }
        }
        else if (totp.IsRequired(user))
        {
            throw new RuleException("auth.totp_enrolment_required", "您的角色须使用动态验证码登录，请先在网页登录，到“我的账号”绑定身份验证器", StatusCodes.Status403Forbidden);
        }
        return TypedResults.Ok(From(await sessions.OpenApiAsync(user, http, ct)));
    }

    private static async Task<Ok<TokenResponse>> Refresh(RefreshRequest request, SessionService sessions, CancellationToken ct)
        => TypedResults.Ok(From(await sessions.RefreshAsync(request.RefreshToken, ct)));

    private static TokenResponse From(IssuedTokens t) => new(t.Token, t.ExpiresAt, t.RefreshToken, t.RefreshExpiresAt, t.SessionId);

    private static async Task<NoContent> Logout(SessionService sessions, CurrentUser me, CancellationToken ct)
    {
        await sessions.EndAsync(me.SessionId, SessionEndReason.Logout, "session.logout", me.Id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> ChangePassword(ChangePasswordRequest request, AccountService accounts, CurrentUser me, CancellationToken ct)
    {
        await accounts.ChangeOwnPasswordAsync(me.Id, request.CurrentPassword, request.Password, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<SessionView>>> MySessions(SessionService sessions, CurrentUser me, CancellationToken ct)
        => TypedResults.Ok((await sessions.OpenSessionsAsync(me.Id, ct)).Select(s => SessionView.From(s, me.SessionId)).ToList());

    private static async Task<NoContent> EndMySession(string sessionId, SessionService sessions, CurrentUser me, CancellationToken ct)
    {
        if (!(await sessions.OpenSessionsAsync(me.Id, ct)).Any(s => s.Id == sessionId))
        {
            throw new NotFoundException("登录会话");
        }
        await sessions.EndAsync(sessionId, SessionEndReason.EndedByUser, "session.end", me.Id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<TotpEnrolment>> BeginTotp(TotpService totp, CurrentUser me, CancellationToken ct)
        => TypedResults.Ok(await totp.BeginAsync(me.Id, ct));

    private static async Task<NoContent> ConfirmTotp(CodeRequest request, TotpService totp, CurrentUser me, CancellationToken ct)
    {
        await totp.ConfirmAsync(me.Id, request.Code, ct);
        return TypedResults.NoContent();
    }

    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static Ok<object> Me(CurrentUser user)
        => TypedResults.Ok<object>(new { id = user.Id, username = user.Name, displayName = user.DisplayName, unitId = user.UnitId, roles = user.Roles });

    private static async Task<Ok<Org.Page<UserView>>> List(string? q, int? page, int? pageSize, AccountService accounts, CancellationToken ct)
    {
        var result = await accounts.SearchAsync(q, page ?? 1, pageSize ?? 50, ct);
        return TypedResults.Ok(new Org.Page<UserView>(result.Items.Select(UserView.From).ToList(), result.Total, result.PageNumber, result.PageSize));
    }

    private static async Task<Created<UserView>> Create(CreateUserRequest request, AccountService accounts, CancellationToken ct)
    {
        var user = await accounts.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/users/{user.Id}", UserView.From(user));
    }

    private static async Task<Ok<UserView>> SetActive(string id, bool active, AccountService accounts, CurrentUser me, CancellationToken ct)
        => TypedResults.Ok(UserView.From(await accounts.SetActiveAsync(id, active, me.Id, ct)));

    private static async Task<NoContent> ResetPassword(string id, PasswordRequest request, AccountService accounts, CurrentUser me, CancellationToken ct)
    {
        await accounts.ResetPasswordAsync(id, request.Password ?? "", me.Id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<UserView>> SetRoles(string id, RolesRequest request, AccountService accounts, CurrentUser me, CancellationToken ct)
        => TypedResults.Ok(UserView.From(await accounts.SetRolesAsync(id, request.Roles, me.Id, ct)));

    private static async Task<Ok<List<SessionView>>> UserSessions(string id, AccountService accounts, SessionService sessions, CancellationToken ct)
    {
        var user = await accounts.GetAsync(id, ct);
        return TypedResults.Ok((await sessions.OpenSessionsAsync(user.Id, ct)).Select(s => SessionView.From(s, null)).ToList());
    }

    private static async Task<NoContent> EndUserSessions(string id, SessionService sessions, AppDb db, CurrentUser me, CancellationToken ct)
    {
        var ended = await sessions.EndAllAsync(id, SessionEndReason.EndedByAdmin, me.Id, ct);
        db.PendingAction = "session.end-all";
        await db.SaveChangesAsync(ct);
        sessions.Forget(ended);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> EndUserSession(string id, string sessionId, SessionService sessions, CurrentUser me, CancellationToken ct)
    {
        if (!(await sessions.OpenSessionsAsync(id, ct)).Any(s => s.Id == sessionId))
        {
            throw new NotFoundException("登录会话");
        }
        await sessions.EndAsync(sessionId, SessionEndReason.EndedByAdmin, "session.end", me.Id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> ResetTotp(string id, TotpService totp, CurrentUser me, CancellationToken ct)
    {
        await totp.ResetAsync(id, me.Id, ct);
        return TypedResults.NoContent();
    }
}

/// <summary>One signed-in device as its owner or an admin sees it.</summary>
public sealed record SessionView(string Id, string Kind, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, DateTimeOffset ExpiresAt, string Address, string UserAgent, bool Current)
{
    public static SessionView From(UserSession s, string? currentId)
        => new(s.Id, s.Kind == SessionKind.Web ? "web" : "api", s.CreatedAt, s.LastSeenAt, s.ExpiresAt, s.Address, s.UserAgent, s.Id == currentId);
}
