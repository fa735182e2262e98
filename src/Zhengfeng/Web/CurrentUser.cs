using System.Security.Claims;
using Zhengfeng.Data;
using Zhengfeng.Features.Org;

namespace Zhengfeng.Web;

/// <summary>
/// The signed-in user of this request, and the one place where unit scope is decided: county-wide roles see
/// every unit; everyone else sees their own unit and the units below it.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http, UnitTree tree, AppDb db)
{
    public const string UnitClaim = "unit";

    private ClaimsPrincipal Principal => http.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;
    public string Id => Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new ForbiddenException("请先登录");
    public string Name => Principal.FindFirstValue(ClaimTypes.Name) ?? "";
    public string DisplayName => Principal.FindFirstValue(ClaimTypes.GivenName) ?? Name;
    public string UnitId => Principal.FindFirstValue(UnitClaim) ?? "";
    public string SessionId => Principal.FindFirstValue(Features.Accounts.SessionService.SessionClaim) ?? throw new ForbiddenException("请先登录");
    public IReadOnlyList<string> Roles => Principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();

    public bool IsIn(params string[] roles) => roles.Any(Principal.IsInRole);

    /// <summary>
    /// The 查询码 is the reporter's key to the public page and the rating: the hotline and supervision see it, a unit never
    /// does (it could rate its own work).
    /// </summary>
    public bool MaySeeTrackingCode => IsIn(Web.Roles.Operator, Web.Roles.Dispatcher, Web.Roles.Supervisor, Web.Roles.Inspector, Web.Roles.Leader, Web.Roles.Admin);

    /// <summary>One of the government's own roles (not only an outside 暗访员).</summary>
    public bool IsStaff => Roles.Any(Web.Roles.Staff.Contains);

    public bool IsCountyWide => Roles.Any(Web.Roles.CountyWide.Contains);

    /// <summary>Who may file 容错免责 or read a cadre's record: supervision, discipline, leaders, admin, and units for their own people (not the hotline).</summary>
    public bool MayActOnCadres => IsIn(Web.Roles.Inspector, Web.Roles.Supervisor, Web.Roles.Leader, Web.Roles.Admin) || !IsCountyWide;

    private HashSet<string>? _scope;

    /// <summary>Units this user may see; null means all of them.</summary>
    public async Task<HashSet<string>?> VisibleUnitsAsync(CancellationToken ct)
    {
        if (IsCountyWide)
        {
            return null;
        }
        return _scope ??= UnitTree.Subtree(await tree.GetAsync(db, ct), UnitId);
    }

    public async Task<bool> CanSeeUnitAsync(string unitId, CancellationToken ct)
        => (await VisibleUnitsAsync(ct))?.Contains(unitId) ?? true;

    public async Task EnsureCanSeeUnitAsync(string unitId, CancellationToken ct)
    {
        if (!await CanSeeUnitAsync(unitId, ct))
        {
            throw new ForbiddenException("无权查看其他单位的数据");
        }
    }
}
