using System.Security.Claims;
using Zhengfeng.Data;
using Zhengfeng.Features.Org;

namespace Zhengfeng.Web;

/// <summary>
/// The signed-in user of this request, and the one place where unit scope is decided: the area-wide roles (the hotline,
/// supervision, discipline, leaders, admin) see their whole area, the nearest 省、市 or 县（区）at or above their unit, and at the
/// top of the organisation every unit; everyone else sees their own unit and the units below it.
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

    public bool IsAreaWide => Roles.Any(Web.Roles.AreaWide.Contains);

    /// <summary>Who may file 容错免责 or read a cadre's record: supervision, discipline, leaders, admin, and units for their own people (not the hotline).</summary>
    public bool MayActOnCadres => IsIn(Web.Roles.Inspector, Web.Roles.Supervisor, Web.Roles.Leader, Web.Roles.Admin) || !IsAreaWide;

    private sealed record Scope(HashSet<string>? Units, string? Area, HashSet<string>? AreaUnits);

    private Scope? _scope;

    /// <summary>Units this user may see; null means all of them (an area-wide role at the top of the organisation).</summary>
    public async Task<HashSet<string>?> VisibleUnitsAsync(CancellationToken ct) => (await ScopeAsync(ct)).Units;

    /// <summary>The area this user's unit belongs to (the nearest 省、市 or 县（区）at or above it); null when there is none.</summary>
    public async Task<string?> AreaIdAsync(CancellationToken ct) => (await ScopeAsync(ct)).Area;

    /// <summary>
    /// The units of this user's area, whatever the role: what a ranking ranks them among (a district's units against each
    /// other). Null at the top of the organisation.
    /// </summary>
    public async Task<HashSet<string>?> AreaUnitsAsync(CancellationToken ct) => (await ScopeAsync(ct)).AreaUnits;

    /// <summary>
    /// What an area-wide role below the top may pick and act on: its area's units. Null for the top of the organisation,
    /// for unit staff (their pickers are not narrowed here) and for the public.
    /// </summary>
    public async Task<HashSet<string>?> AreaScopeAsync(CancellationToken ct) => IsAuthenticated && IsAreaWide ? await AreaUnitsAsync(ct) : null;

    private async Task<Scope> ScopeAsync(CancellationToken ct)
    {
        if (_scope is null)
        {
            var nodes = await tree.GetAsync(db, ct);
            var area = UnitTree.AreaOf(nodes, UnitId);
            var areaUnits = area is null || nodes[area].ParentId is null ? null : UnitTree.Subtree(nodes, area);
            _scope = new Scope(IsAreaWide ? areaUnits : UnitTree.Subtree(nodes, UnitId), area, areaUnits);
        }
        return _scope;
    }

    public async Task<bool> CanSeeUnitAsync(string unitId, CancellationToken ct)
        => (await VisibleUnitsAsync(ct))?.Contains(unitId) ?? true;

    /// <summary>
    /// Refuses a unit outside an area-wide role's area as the target of its action (a district dispatches, supervises and
    /// assigns work within the district; the city anywhere below it).
    /// </summary>
    public async Task EnsureInAreaAsync(string unitId, string what, CancellationToken ct)
    {
        if (await AreaScopeAsync(ct) is { } area && !area.Contains(unitId))
        {
            throw new ForbiddenException($"{what}不在本辖区内");
        }
    }

    public async Task EnsureCanSeeUnitAsync(string unitId, CancellationToken ct)
    {
        if (!await CanSeeUnitAsync(unitId, ct))
        {
            throw new ForbiddenException("无权查看其他单位的数据");
        }
    }
}
