using Microsoft.AspNetCore.Http.HttpResults;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Accounts;

public static class AccountsApi
{
    public sealed record TokenRequest(string? Username, string? Password);
    public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt);
    public sealed record PasswordRequest(string Password);

    public static IServiceCollection AddAccounts(this IServiceCollection services)
        => services.AddScoped<AccountService>();

    public static void MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/token", Token).AllowAnonymous().RequireRateLimiting(RateLimits.Login).WithTags("登录");
        app.MapGet("/api/v1/auth/me", Me).RequireAuthorization().WithTags("登录");

        var users = app.MapGroup("/api/v1/users").RequireAuthorization(Policies.Admin).WithTags("账号");
        users.MapGet("/", List);
        users.MapPost("/", Create);
        users.MapPost("/{id}/disable", (string id, AccountService accounts, CancellationToken ct) => SetActive(id, false, accounts, ct));
        users.MapPost("/{id}/enable", (string id, AccountService accounts, CancellationToken ct) => SetActive(id, true, accounts, ct));
        users.MapPost("/{id}/password", ResetPassword);
    }

    private static async Task<Ok<TokenResponse>> Token(TokenRequest request, AccountService accounts, TokenKeys keys, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var user = await accounts.SignInAsync(request.Username, request.Password, ClientAddress(http), ct);
        var (token, expiresAt) = keys.Issue(user, clock.GetUtcNow());
        return TypedResults.Ok(new TokenResponse(token, expiresAt));
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

    private static async Task<Ok<UserView>> SetActive(string id, bool active, AccountService accounts, CancellationToken ct)
        => TypedResults.Ok(UserView.From(await accounts.SetActiveAsync(id, active, ct)));

    private static async Task<NoContent> ResetPassword(string id, PasswordRequest request, AccountService accounts, CancellationToken ct)
    {
        await accounts.ResetPasswordAsync(id, request.Password ?? "", ct);
        return TypedResults.NoContent();
    }
}
