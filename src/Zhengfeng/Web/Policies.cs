using Microsoft.AspNetCore.Authorization;

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

    public static readonly IReadOnlyList<string> All = [Admin, Operator, Dispatcher, Unit, Supervisor, Inspector, Leader];

    public static string Label(string role) => role switch
    {
        Admin => "管理员",
        Operator => "受理员",
        Dispatcher => "派单员",
        Unit => "承办单位",
        Supervisor => "督查员",
        Inspector => "纪检",
        Leader => "领导",
        _ => role,
    };

    /// <summary>Roles that see across all units (the others see only their own unit and its sub-units).</summary>
    public static readonly IReadOnlySet<string> CountyWide = new HashSet<string> { Admin, Operator, Dispatcher, Supervisor, Inspector, Leader };
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

    public static void Add(AuthorizationOptions o)
    {
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
        o.AddPolicy(Staff, p => p.RequireAuthenticatedUser());
        o.AddPolicy(DecideExtension, p => p.RequireRole(Roles.Dispatcher, Roles.Leader, Roles.Admin));
        o.AddPolicy(DecideExemption, p => p.RequireRole(Roles.Leader, Roles.Inspector, Roles.Admin));
        o.AddPolicy(ReadIntegrity, p => p.RequireRole(Roles.Inspector, Roles.Supervisor, Roles.Leader, Roles.Admin));
        // 纪检 and 督查 act on evaluation results (referral, praise), so they read them too.
        o.AddPolicy(ReadEvaluations, p => p.RequireRole(Roles.Inspector, Roles.Supervisor, Roles.Leader, Roles.Admin));
        o.AddPolicy(DraftTypical, p => p.RequireRole(Roles.Supervisor, Roles.Inspector, Roles.Admin, Roles.Unit));
        o.AddPolicy(ReviewTypical, p => p.RequireRole(Roles.Leader, Roles.Admin));
        o.AddPolicy(Attendance, p => p.RequireRole(Roles.Unit, Roles.Supervisor, Roles.Inspector, Roles.Leader, Roles.Admin));
        o.AddPolicy(ImportAttendance, p => p.RequireRole(Roles.Unit, Roles.Supervisor, Roles.Admin));
    }
}
