using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhengfeng.Features.Exports;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Dashboard;

public static class DashboardApi
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
        => services.AddScoped<DashboardService>();

    public static void MapDashboard(this IEndpointRouteBuilder app)
    {
        var dashboard = app.MapGroup("/api/v1/dashboard").RequireAuthorization(Policies.Lead).WithTags("领导驾驶舱");
        dashboard.MapGet("/", async (string? from, string? to, DashboardService service, CancellationToken ct)
            => TypedResults.Ok(await service.BuildAsync(from, to, ct)));
        dashboard.MapGet("/drill", async (string metric, string? month, string? from, string? to, string? unitId, string? problemType, string? status, DashboardService service, CancellationToken ct)
            => TypedResults.Ok(await service.DrillAsync(metric, month, from, to, unitId, problemType, status, ct)));
        dashboard.MapGet("/export.xlsx", Export);
    }

    /// <summary>One row per figure, in the order the dashboard shows them.</summary>
    public sealed record Row(string Section, string Item, string? Month, double Value, string Url);

    private static async Task<FileContentHttpResult> Export(string? from, string? to, DashboardService service, TimeProvider clock, CancellationToken ct)
    {
        var view = await service.BuildAsync(from, to, ct);
        var rows = Rows(view).ToList();
        var bytes = LedgerExports.Sheet("领导驾驶舱", rows,
            new LedgerExports.Column<Row>("板块", 14, r => r.Section),
            new LedgerExports.Column<Row>("项目", 30, r => r.Item),
            new LedgerExports.Column<Row>("月份", 16, r => r.Month),
            new LedgerExports.Column<Row>("数值", 12, r => r.Value),
            new LedgerExports.Column<Row>("查看明细", 60, r => r.Url));
        return TypedResults.File(bytes, LedgerExports.XlsxType, $"领导驾驶舱-{clock.GetUtcNow().ToCst().ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.xlsx");
    }

    public static IEnumerable<Row> Rows(DashboardView view)
    {
        foreach (var m in view.Trend)
        {
            yield return new Row("月度趋势", "受理诉求", m.Month, m.Registered.Value, m.Registered.Url);
            yield return new Row("月度趋势", "超期办理", m.Month, m.Overdue.Value, m.Overdue.Url);
            yield return new Row("月度趋势", "参评件数", m.Month, m.Rated.Value, m.Rated.Url);
            yield return new Row("月度趋势", "满意件数", m.Month, m.Satisfied.Value, m.Satisfied.Url);
            yield return new Row("月度趋势", "满意率", m.Month, m.SatisfactionRate, m.Satisfied.Url);
        }
        foreach (var u in view.Units)
        {
            yield return new Row("单位排名", $"{u.Rank}. {u.UnitName} 综合得分", view.RankingMonth, u.Score, u.Dispatched.Url);
            yield return new Row("单位排名", $"{u.UnitName} 派单件数", view.RankingMonth, u.Dispatched.Value, u.Dispatched.Url);
        }
        foreach (var p in view.ProblemKinds)
        {
            yield return new Row("问题类型", $"{p.UnitName} · {p.ProblemName}", null, p.Clues.Value, p.Clues.Url);
        }
        foreach (var s in view.Rectification.ByStatus)
        {
            yield return new Row("整改进度", s.Label, null, s.Items.Value, s.Items.Url);
        }
        yield return new Row("整改进度", "逾期未完成", null, view.Rectification.Overdue.Value, view.Rectification.Overdue.Url);
        yield return new Row("整改进度", "反弹", null, view.Rectification.Relapsed.Value, view.Rectification.Relapsed.Url);
        var a = view.Accountability;
        foreach (var m in a.Trend)
        {
            yield return new Row("问责情况", "问责立项", m.Month, m.Opened.Value, m.Opened.Url);
            yield return new Row("问责情况", "作出问责决定", m.Month, m.Decided.Value, m.Decided.Url);
        }
        var range = $"{view.From}至{view.To}";
        foreach (var f in a.ByForm)
        {
            yield return new Row("问责方式", f.Label, range, f.Items.Value, f.Items.Url);
        }
        foreach (var f in a.ByCategory)
        {
            yield return new Row("四种形态", f.Label, range, f.Items.Value, f.Items.Url);
        }
        foreach (var f in a.Exemptions)
        {
            yield return new Row("容错免责", f.Label, range, f.Items.Value, f.Items.Url);
        }
        foreach (var f in a.TypicalCases)
        {
            yield return new Row("典型案例", f.Label, range, f.Items.Value, f.Items.Url);
        }
    }
}
