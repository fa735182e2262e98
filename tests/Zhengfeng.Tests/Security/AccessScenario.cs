using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Zhengfeng.Tests.Assignments;
using Zhengfeng.Tests.Cases;
using Zhengfeng.Web;

namespace Zhengfeng.Tests.Security;

/// <summary>Where a caller sits relative to the unit that owns the records.</summary>
public enum Scope
{
    /// <summary>In the records' unit.</summary>
    Own,

    /// <summary>In a sibling unit under the same county.</summary>
    Foreign,

    /// <summary>In a section below the records' unit: the records belong to the caller's parent unit.</summary>
    Parent,
}

/// <summary>
/// The records of one department (城市管理局, from <see cref="CaseScenario"/>) and the people around it: for every role an
/// account in that department, one in a sibling department (交通运输局) and one in a section below it (a child unit). Every
/// record that has a unit belongs to the department; <see cref="Ids"/> maps a path parameter to a record of it.
/// </summary>
public sealed class AccessScenario
{
    public required CaseScenario Cases { get; init; }
    public required string Child { get; init; }
    public required IReadOnlyDictionary<(string Role, Scope Scope), HttpClient> Callers { get; init; }
    public required HttpClient Anonymous { get; init; }

    /// <summary>Record ids by the path segment that names their collection (<c>cases</c>, <c>clues</c>…) or by parameter name.</summary>
    public Dictionary<string, string> Ids { get; } = [];

    /// <summary>Records the scenario could not make, with the reason (their parameters are filled with an id that does not exist).</summary>
    public List<string> NotMade { get; } = [];

    public string Unit => Cases.LeadUnit;

    public static async Task<AccessScenario> CreateAsync(AppFactory app)
    {
        var cases = await CaseScenario.CreateAsync(app);
        var child = await cases.Admin.CreateUnitAsync(app, "section", cases.LeadUnit, "城市管理局市容科");
        var seats = new Dictionary<Scope, string> { [Scope.Own] = cases.LeadUnit, [Scope.Foreign] = cases.OtherUnit, [Scope.Parent] = child };
        var callers = new Dictionary<(string, Scope), HttpClient>();
        foreach (var role in Roles.All)
        {
            foreach (var (scope, unit) in seats)
            {
                callers[(role, scope)] = await cases.Admin.UserAsync(app, unit, role);
            }
        }
        var s = new AccessScenario { Cases = cases, Child = child, Callers = callers, Anonymous = app.Anonymous() };
        await s.MakeRecordsAsync(app);
        return s;
    }

    public HttpClient Caller(string role, Scope scope) => Callers[(role, scope)];

    private async Task MakeRecordsAsync(AppFactory app)
    {
        var supervisor = Caller(Roles.Supervisor, Scope.Foreign);
        var inspector = Caller(Roles.Inspector, Scope.Foreign);
        var admin = Cases.Admin;
        Ids["units"] = Unit;
        Ids["unitId"] = Unit;
        Ids["seq"] = "1";
        Ids["month"] = "2026-11";

        await MakeAsync("cases", async () =>
        {
            var (id, code) = await Cases.DispatchedCaseAsync();
            Ids["trackingCode"] = code;
            var file = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            var upload = await Cases.Operator.PostAsync($"/api/v1/cases/{id}/attachments", new MultipartFormDataContent { { file, "file", "现场照片.png" } });
            Ids["attachments"] = (await upload.ReadJsonAsync()).Id();
            return id;
        });
        // A third department leads the task and the assisted case (their lead unit reads the assist duty; no caller sits there).
        var third = await admin.CreateUnitAsync(app, "department", await admin.RootUnitIdAsync(), "自然资源局");
        await MakeAsync("assists", async () =>
        {
            var c = await Cases.CreateCaseAsync();
            await Cases.Dispatcher.PostOkAsync($"/api/v1/cases/{c.Id()}/dispatch", new { leadUnitId = third, assistUnitIds = new[] { Unit } });
            var view = await Cases.Dispatcher.GetOkAsync($"/api/v1/cases/{c.Id()}");
            return view.GetProperty("assists").EnumerateArray().Single(d => d.GetProperty("unitId").GetString() == Unit).Id();
        });
        await MakeAsync("clues", async () => (await supervisor.PostOkAsync("/api/v1/clues",
            new { source = "tour", unitId = Unit, problemType = "abuse", content = "巡察发现违规收取占道费" }, HttpStatusCode.Created)).Id());
        await MakeAsync("rectifications", async () =>
        {
            await supervisor.PostOkAsync($"/api/v1/clues/{Ids["clues"]}/verification", new { result = "true" });
            return (await supervisor.PostOkAsync("/api/v1/rectifications",
                new { clueId = Ids["clues"], unitId = Unit, measures = "全面清退违规收费", type = "deadline", dueDate = "2026-11-30" }, HttpStatusCode.Created)).Id();
        });
        await MakeAsync("supervision-notices", async () => (await supervisor.PostOkAsync("/api/v1/supervision-notices",
            new { unitId = Unit, level = "reminder", reason = "请抓紧整改违规收费问题" }, HttpStatusCode.Created)).Id());
        await MakeAsync("tasks", async () =>
        {
            var tasks = new TaskScenario
            {
                App = app, Admin = admin, Supervisor = supervisor, Leader = Caller(Roles.Leader, Scope.Foreign), Inspector = inspector,
                Operator = Cases.Operator, LeadStaff = Caller(Roles.Unit, Scope.Own), AssistStaff = Caller(Roles.Unit, Scope.Foreign),
                OtherStaff = Caller(Roles.Unit, Scope.Foreign), LeadSupervisor = Caller(Roles.Supervisor, Scope.Own),
                Office = Cases.OtherUnit, LeadUnit = Unit, AssistUnit = third, OtherUnit = Cases.OtherUnit,
            };
            return (await tasks.AssignAsync()).Id();
        });
        await MakeAsync("campaigns", async () => (await supervisor.PostOkAsync("/api/v1/campaigns", new
        {
            name = "机关作风突出问题专项整治" + app.Unique(""), documentNumber = "县作发〔2026〕3号", goal = "集中整治推诿扯皮、吃拿卡要等突出问题",
            startsOn = "2026-09-01", endsOn = "2026-12-31", reportCycle = "monthly", unitIds = new[] { Unit },
        }, HttpStatusCode.Created)).Id());
        await MakeAsync("evaluations", async () => (await admin.PostOkAsync("/api/v1/evaluations", new
        {
            name = "2026年度政风行风评议", year = 2026, unitIds = new[] { Unit, Cases.OtherUnit },
            groups = new[] { new { group = "deputies", weight = 60 }, new { group = "public", weight = 40 } },
        }, HttpStatusCode.Created)).Id());
        await MakeAsync("cadres", async () => (await admin.PostOkAsync("/api/v1/cadres",
            new { name = "赵局长", unitId = Unit, post = "局长", rank = "section" }, HttpStatusCode.Created)).Id());
        await MakeAsync("reports", async () =>
        {
            var sent = await Anonymous.PostOkAsync("/public/v1/reports", new
            {
                content = "城管局某科长在办理占道审批时暗示送礼", accusedUnitId = Unit, reporter = new { name = "举报人", phone = "13900001111" },
            }, HttpStatusCode.Created);
            Ids["followUpCode"] = sent.GetProperty("followUpCode").GetString()!;
            return (await inspector.GetOkAsync("/api/v1/reports")).GetProperty("items")[0].Id();
        });
        await MakeAsync("itemId", async () => (await Caller(Roles.Unit, Scope.Own).PostOkAsync("/api/v1/services/items", new
        {
            name = "不动产转移登记", promisedDays = 5, legalDays = 30, materials = "申请书\n身份证明", published = true,
        }, HttpStatusCode.Created)).Id());
        await MakeAsync("visitId", async () => (await Caller(Roles.Unit, Scope.Own).PostOkAsync("/api/v1/services/visits", new
        {
            serviceItemId = Ids["itemId"], applicant = new { name = "办事人", phone = "13900002222" },
        }, HttpStatusCode.Created)).Id());
        await MakeAsync("accountability", async () => (await inspector.PostOkAsync("/api/v1/accountability",
            new { unitId = Unit, clueId = Ids["clues"], facts = "违规收费问题突出" }, HttpStatusCode.Created)).Id());
        await MakeAsync("exemptions", async () =>
        {
            var opened = await inspector.PostOkAsync("/api/v1/accountability", new { cadreId = Ids["cadres"], facts = "违规办理占道审批" }, HttpStatusCode.Created);
            await inspector.PostOkAsync($"/api/v1/accountability/{opened.Id()}/investigation", new { });
            return (await inspector.PostOkAsync("/api/v1/exemptions",
                new { cadreId = Ids["cadres"], accountabilityCaseId = opened.Id(), facts = "为加快项目落地简化审批环节" }, HttpStatusCode.Created)).Id();
        });
        await MakeAsync("bulletins", async () =>
        {
            var bulletin = await supervisor.PostOkAsync("/api/v1/bulletins",
                new { kind = "criticism", title = "关于违规收费问题的通报", recipients = "各部门", clueIds = new[] { Ids["clues"] } }, HttpStatusCode.Created);
            await supervisor.PostOkAsync($"/api/v1/bulletins/{bulletin.Id()}/issue", new { }); // drafts are the supervision office's own
            return bulletin.Id();
        });
        await MakeAsync("inspections", async () =>
        {
            var me = (await supervisor.GetOkAsync("/api/v1/auth/me")).Id();
            var plan = await supervisor.PostOkAsync("/api/v1/inspections", new
            {
                title = "窗口单位作风暗访", purpose = "检查在岗在位", startsOn = "2026-11-02", endsOn = "2026-11-20", unitIds = new[] { Unit },
                checklist = "在岗在位\n服务态度", visitorIds = new[] { me },
            }, HttpStatusCode.Created);
            await supervisor.PostOkAsync($"/api/v1/inspections/{plan.Id()}/issue", new { });
            var sheet = await supervisor.PostOkAsync($"/api/v1/inspections/{plan.Id()}/sheets", new { unitId = Unit }, HttpStatusCode.Created);
            var file = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            var photo = await supervisor.PostAsync($"/api/v1/inspections/sheets/{sheet.Id()}/photos", new MultipartFormDataContent { { file, "file", "暗访.png" } });
            Ids["photos"] = (await photo.ReadJsonAsync()).Id();
            await supervisor.PostOkAsync($"/api/v1/inspections/sheets/{sheet.Id()}/submit", new
            {
                visitedAt = "2026-11-02T09:00:00+08:00", place = "城管局办事窗口", marks = new[] { new { line = 1, result = "non_conforming", note = "窗口无人" } },
            });
            Ids["sheets"] = sheet.Id();
            return plan.Id();
        });
        await MakeAsync("honours", async () => (await supervisor.PostOkAsync("/api/v1/honours",
            new { year = 2026, nomineeType = "unit", unitId = Unit, reason = "窗口服务零投诉" }, HttpStatusCode.Created)).Id());
        await MakeAsync("terminals", async () => (await supervisor.PostOkAsync("/api/v1/attendance/terminals", new
        {
            code = "matrix-terminal", name = "权限矩阵考勤机", kind = "punch", nameColumns = new[] { "姓名" }, dateTimeColumns = new[] { "打卡时间" },
        }, HttpStatusCode.Created)).Id());
    }

    private async Task MakeAsync(string key, Func<Task<string>> make)
    {
        try
        {
            Ids[key] = await make();
        }
        catch (Exception e) when (e is Xunit.Sdk.XunitException or KeyNotFoundException or InvalidOperationException or JsonException)
        {
            NotMade.Add($"{key}: {e.Message.Split('\n')[0]}");
        }
    }
}
