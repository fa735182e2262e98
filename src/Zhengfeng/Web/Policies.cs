using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Zhengfeng.Web;

/// <summary>The roles of the contract. A user may hold several.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Operator = "operator";
    public const string Dispatcher = "dispatcher";
    public const string Unit = "unit";
    public const string Supervisor = "supervisor";
    public const string Inspector = "inspector";
    public const string Leader = "leader";
    /// <summary>暗访员: an outside or third-party visitor (特邀监督员, 第三方机构) who sees only the 暗访 plans naming them.</summary>
    public const string Visitor = "visitor";

    public static readonly IReadOnlyList<string> All = [Admin, Operator, Dispatcher, Unit, Supervisor, Inspector, Leader, Visitor];

    /// <summary>The government's own staff: every role but the outside visitor, who is let into nothing but 暗访.</summary>
    public static readonly IReadOnlyList<string> Staff = [.. All.Except([Visitor])];

    public static string Label(string role) => role switch
    {
        Admin => "管理员",
        Operator => "受理员",
        Dispatcher => "派单员",
        Unit => "承办单位",
        Supervisor => "督查员",
        Inspector => "纪检",
        Leader => "领导",
        Visitor => "暗访员",
        _ => role,
    };

    /// <summary>Roles that see across their whole area (省、市 or 县（区）): the others see only their own unit and its sub-units.</summary>
    public static readonly IReadOnlySet<string> AreaWide = new HashSet<string> { Admin, Operator, Dispatcher, Supervisor, Inspector, Leader };
}

/// <summary>One policy per duty; resource rules (e.g. "only the lead unit may reply") live in the workflows.</summary>
public static class Policies
{
    public const string Admin = "admin";
    public const string Intake = "intake";
    public const string Dispatch = "dispatch";
    public const string UnitWork = "unit-work";
    public const string Supervise = "supervise";
    public const string Inspect = "inspect";
    /// <summary>作风举报: the discipline office alone, not even the admin (CONTRACT "Reports to the discipline office").</summary>
    public const string Reports = "reports";
    /// <summary>纪检 reads every 说情、打招呼 record and the counts by person.</summary>
    public const string Interventions = "interventions";
    /// <summary>窗口服务: a unit's staff for their own unit, supervision, discipline and leaders for every unit.</summary>
    public const string Services = "services";
    /// <summary>窗口服务总览: the county-wide figures of every unit.</summary>
    public const string ServiceOversight = "service-oversight";
    public const string Lead = "lead";
    public const string Staff = "staff";
    public const string DecideExtension = "decide-extension";
    public const string DecideExemption = "decide-exemption";
    public const string ReadIntegrity = "read-integrity";
    public const string ReadEvaluations = "read-evaluations";
    public const string DraftTypical = "draft-typical";
    public const string ReviewTypical = "review-typical";
    /// <summary>考勤: units for their own people, supervision, discipline and leaders for the county.</summary>
    public const string Attendance = "attendance";
    /// <summary>考勤导入: a unit its own terminal records, supervision any unit's.</summary>
    public const string ImportAttendance = "import-attendance";
    /// <summary>答复质量提示: the flagged replies of every unit, for supervision, discipline and leaders.</summary>
    public const string ReplyChecks = "reply-checks";
    /// <summary>Any signed-in account, outside visitors included: the home page, 我的账号, signing out.</summary>
    public const string SignedIn = "signed-in";
    /// <summary>暗访: the plans and record sheets, for 督查 (owners), 纪检 (readers) and the visitors named in a plan.</summary>
    public const string Inspections = "inspections";
    /// <summary>暗访 planning: drafting, issuing and closing plans and turning findings into clues.</summary>
    public const string PlanInspections = "plan-inspections";
    /// <summary>同一地点同类问题: county-wide clusters of cases, for supervision, dispatch and leaders (no unit sees another's cases).</summary>
    public const string Hotspots = "hotspots";

    /// <summary>Signed in as one of the government's own roles: the default for every page and endpoint that names no policy.</summary>
    public static AuthorizationPolicy StaffOnly { get; } = new AuthorizationPolicyBuilder().RequireRole(Roles.Staff).Build();

    public static void Add(AuthorizationOptions o)
    {
        o.DefaultPolicy = StaffOnly;
        o.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        o.AddPolicy(Inspections, p => p.RequireRole(Roles.Supervisor, Roles.Inspector, Roles.Visitor));
        o.AddPolicy(PlanInspections, p => p.RequireRole(Roles.Supervisor));
        o.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        o.AddPolicy(Intake, p => p.RequireRole(Roles.Operator, Roles.Dispatcher, Roles.Admin));
        o.AddPolicy(Dispatch, p => p.RequireRole(Roles.Dispatcher, Roles.Admin));
        o.AddPolicy(UnitWork, p => p.RequireRole(Roles.Unit));
        o.AddPolicy(Supervise, p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        o.AddPolicy(Inspect, p => p.RequireRole(Roles.Inspector, Roles.Supervisor, Roles.Admin));
        o.AddPolicy(Reports, p => p.RequireRole(Roles.Inspector));
        o.AddPolicy(Interventions, p => p.RequireRole(Roles.Inspector));
        o.AddPolicy(Services, p => p.RequireRole(Roles.Unit, Roles.Supervisor, Roles.Inspector, Roles.Leader, Roles.Admin));
        o.AddPolicy(ServiceOversight, p => p.RequireRole(Roles.Supervisor, Roles.Inspector, Roles.Leader, Roles.Admin));
        o.AddPolicy(Lead, p => p.RequireRole(Roles.Leader, Roles.Admin));
        o.AddPolicy(Hotspots, p => p.RequireRole(Roles.Supervisor, Roles.Dispatcher, Roles.Leader, Roles.Admin));
        o.AddPolicy(Staff, p => p.RequireRole(Roles.Staff));
        o.AddPolicy(DecideExtension, p => p.RequireRole(Roles.Dispatcher, Roles.Leader, Roles.Admin));
        o.AddPolicy(DecideExemption, p => p.RequireRole(Roles.Leader, Roles.Inspector, Roles.Admin));
        o.AddPolicy(ReadIntegrity, p => p.RequireRole(Roles.Inspector, Roles.Supervisor, Roles.Leader, Roles.Admin));
        // 纪检 and 督查 act on evaluation results (referral, praise), so they read them too.
        o.AddPolicy(ReadEvaluations, p => p.RequireRole(Roles.Inspector, Roles.Supervisor, Roles.Leader, Roles.Admin));
        o.AddPolicy(DraftTypical, p => p.RequireRole(Roles.Supervisor, Roles.Inspector, Roles.Admin, Roles.Unit));
        o.AddPolicy(ReviewTypical, p => p.RequireRole(Roles.Leader, Roles.Admin));
        o.AddPolicy(Attendance, p => p.RequireRole(Roles.Unit, Roles.Supervisor, Roles.Inspector, Roles.Leader, Roles.Admin));
        o.AddPolicy(ImportAttendance, p => p.RequireRole(Roles.Unit, Roles.Supervisor, Roles.Admin));
        o.AddPolicy(ReplyChecks, p => p.RequireRole(Roles.Supervisor, Roles.Inspector, Roles.Leader, Roles.Admin));
    }
}

public static class PageAuthorization
{
    /// <summary>The pages an outside visitor (暗访员) may open besides 暗访 itself: landing, own account, signing out, the refusal.</summary>
    private static readonly HashSet<string> OpenToVisitors = ["/Home/Index", "/Accounts/Me", "/Accounts/Logout", "/Accounts/Denied"];

    /// <summary>
    /// Every page needs a signed-in account; staff roles for all but the few an outside visitor uses (public pages opt out with
    /// [AllowAnonymous], a page's own policy applies on top).
    /// </summary>
    public static void AuthorizeStaffAndVisitorPages(this PageConventionCollection pages)
        => pages.AddFolderApplicationModelConvention("/", m => m.EndpointMetadata.Add(
            OpenToVisitors.Contains(m.ViewEnginePath) || m.ViewEnginePath.StartsWith("/Inspections/", StringComparison.Ordinal)
                ? new AuthorizeAttribute(Policies.SignedIn)
                : new AuthorizeAttribute()));
}
