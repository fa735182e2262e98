using Microsoft.AspNetCore.Http.HttpResults;
using Zhengfeng.Features.Services;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Exports;

/// <summary>窗口服务台账: service items, window visits (applicants masked) and the per-unit figures.</summary>
public static partial class LedgerExports
{
    public static void MapServiceExports(this RouteGroupBuilder services)
    {
        services.MapGet("/items.xlsx", ServiceItems);
        services.MapGet("/visits.xlsx", WindowVisits);
        services.MapGet("/overview.xlsx", ServiceOverview).RequireAuthorization(Policies.ServiceOversight);
    }

    private static async Task<FileContentHttpResult> ServiceItems(string? unitId, string? q, ServiceWorkflow flow, TimeProvider clock, CancellationToken ct)
    {
        var rows = await flow.ItemsAsync(unitId, q, ct);
        var units = await flow.UnitNamesAsync(ct);
        return File("服务事项清单", clock.GetUtcNow(), Sheet("服务事项清单", rows,
            Col<ServiceItem>("单位", 20, i => units.GetValueOrDefault(i.UnitId, i.UnitId)),
            Col<ServiceItem>("事项名称", 24, i => i.Name),
            Col<ServiceItem>("承诺时限（工作日）", 12, i => i.PromisedDays),
            Col<ServiceItem>("法定时限（工作日）", 12, i => i.LegalDays),
            Col<ServiceItem>("一次性告知材料", 50, i => string.Join("；", i.MaterialLines)),
            Col<ServiceItem>("收费标准", 16, i => i.Fees),
            Col<ServiceItem>("办理地点", 20, i => i.Place),
            Col<ServiceItem>("办理时间", 20, i => i.Hours),
            Col<ServiceItem>("设定依据", 30, i => i.LegalBasis),
            Col<ServiceItem>("已公开", 8, i => i.Published)));
    }

    private static async Task<FileContentHttpResult> WindowVisits(string? unitId, string? status, bool? overdue, bool? repeat, string? q,
        ServiceWorkflow flow, TimeProvider clock, CancellationToken ct)
    {
        var rows = await flow.AllVisitsAsync(new VisitFilter(unitId, status, overdue ?? false, repeat ?? false, q), ct);
        var units = await flow.UnitNamesAsync(ct);
        var items = await flow.ItemNamesAsync(rows, ct);
        var now = clock.GetUtcNow();
        return File("窗口办件台账", now, Sheet("窗口办件台账", rows,
            Col<WindowVisit>("编号", 20, v => v.Number),
            Col<WindowVisit>("来访时间", 17, v => v.ReceivedAt),
            Col<WindowVisit>("单位", 20, v => units.GetValueOrDefault(v.UnitId, v.UnitId)),
            Col<WindowVisit>("服务事项", 24, v => items.GetValueOrDefault(v.ServiceItemId)),
            Col<WindowVisit>("办事人", 10, v => flow.Masked(v).Name),
            Col<WindowVisit>("联系电话", 14, v => flow.Masked(v).Phone),
            Col<WindowVisit>("首问负责人", 12, v => v.FirstReceiverName),
            Col<WindowVisit>("状态", 12, v => WindowVisit.Label(v.Status)),
            Col<WindowVisit>("承诺办结期限", 17, v => v.DueAt),
            Col<WindowVisit>("办结时间", 17, v => v.CompletedAt),
            Col<WindowVisit>("当场办结", 8, v => v.OnTheSpot),
            Col<WindowVisit>("是否超时", 8, v => v.IsOverdue(now)),
            Col<WindowVisit>("重复跑腿", 8, v => v.IsRepeat),
            Col<WindowVisit>("一次性告知所缺材料", 30, v => string.Join("；", ServiceItem.Lines(v.MissingMaterials))),
            Col<WindowVisit>("转办单位", 20, v => v.TransferredToUnitId is null ? null : units.GetValueOrDefault(v.TransferredToUnitId, v.TransferredToUnitId))));
    }

    private static async Task<FileContentHttpResult> ServiceOverview(ServiceWorkflow flow, TimeProvider clock, CancellationToken ct)
    {
        var rows = await flow.FiguresAsync(ct);
        return File("窗口服务情况", clock.GetUtcNow(), Sheet("窗口服务情况", rows,
            Col<UnitServiceFigures>("单位", 24, f => f.UnitName),
            Col<UnitServiceFigures>("服务事项", 10, f => f.Items),
            Col<UnitServiceFigures>("已公开", 10, f => f.Published),
            Col<UnitServiceFigures>("办件", 10, f => f.Visits),
            Col<UnitServiceFigures>("已办结", 10, f => f.Done),
            Col<UnitServiceFigures>("按时办结", 10, f => f.DoneOnTime),
            Col<UnitServiceFigures>("超时", 10, f => f.Overdue),
            Col<UnitServiceFigures>("重复跑腿", 10, f => f.Repeats),
            Col<UnitServiceFigures>("一次性告知", 10, f => f.Told),
            Col<UnitServiceFigures>("转办", 10, f => f.Transferred)));
    }
}
