using Microsoft.AspNetCore.Http.HttpResults;
using Zhengfeng.Features.Exports;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Services;

public sealed record ServiceItemView(string Id, string UnitId, string Name, int PromisedDays, string PromisedLabel, int LegalDays, string LegalLabel,
    IReadOnlyList<string> Materials, string? Fees, string? Place, string? Hours, string? LegalBasis, bool Published, DateTimeOffset UpdatedAt)
{
    public static ServiceItemView From(ServiceItem i) => new(i.Id, i.UnitId, i.Name, i.PromisedDays, ServiceItem.LimitLabel(i.PromisedDays), i.LegalDays,
        ServiceItem.LimitLabel(i.LegalDays), i.MaterialLines, i.Fees, i.Place, i.Hours, i.LegalBasis, i.Published, i.UpdatedAt);
}

/// <summary>What the public guide shows of an item: nothing about the visits or the people.</summary>
public sealed record PublicServiceItem(string Id, string Name, int PromisedDays, string PromisedLabel, int LegalDays, string LegalLabel,
    IReadOnlyList<string> Materials, string? Fees, string? Place, string? Hours, string? LegalBasis)
{
    public static PublicServiceItem From(ServiceItem i) => new(i.Id, i.Name, i.PromisedDays, ServiceItem.LimitLabel(i.PromisedDays), i.LegalDays,
        ServiceItem.LimitLabel(i.LegalDays), i.MaterialLines, i.Fees, i.Place, i.Hours, i.LegalBasis);
}

public sealed record PublicGuideUnit(string UnitId, string UnitName, int Items);

public sealed record PublicGuide(string UnitId, string UnitName, IReadOnlyList<PublicServiceItem> Items);

public sealed record ServiceItemList(IReadOnlyList<ServiceItemView> Items);

/// <param name="Applicant">Masked in every list: 张* 138****5678.</param>
public sealed record VisitView(string Id, string Number, string UnitId, string ServiceItemId, string? ServiceItemName, DateTimeOffset ReceivedAt,
    string ApplicantName, string ApplicantPhone, string FirstReceiverId, string FirstReceiverName, string Status, string StatusLabel, DateTimeOffset DueAt,
    IReadOnlyList<string> MissingMaterials, string? TransferredToUnitId, string? TransferNote, DateTimeOffset? CompletedAt, bool OnTheSpot,
    bool Overdue, bool Repeat, string? RepeatOfId)
{
    public static VisitView From(WindowVisit v, (string Name, string Phone) applicant, string? itemName, DateTimeOffset now) => new(v.Id, v.Number, v.UnitId,
        v.ServiceItemId, itemName, v.ReceivedAt, applicant.Name, applicant.Phone, v.FirstReceiverId, v.FirstReceiverName, WireEnum.Name(v.Status),
        WindowVisit.Label(v.Status), v.DueAt, ServiceItem.Lines(v.MissingMaterials), v.TransferredToUnitId, v.TransferNote, v.CompletedAt, v.OnTheSpot,
        v.IsOverdue(now), v.IsRepeat, v.RepeatOfId);
}

public sealed record VisitList(IReadOnlyList<VisitView> Items, int Total);

public sealed record ServiceOverview(IReadOnlyList<UnitServiceFigures> Units);

public static class ServicesApi
{
    public static IServiceCollection AddServices(this IServiceCollection services) => services.AddScoped<ServiceWorkflow>();

    public static void MapServices(this IEndpointRouteBuilder app)
    {
        var pub = app.MapGroup("/public/v1/services").AllowAnonymous().WithTags("办事指南（公众）").RequireRateLimiting(RateLimits.Tracking);
        pub.MapGet("/", GuideUnits);
        pub.MapGet("/{unitId}", Guide);

        var api = app.MapGroup("/api/v1/services").RequireAuthorization(Policies.Services).WithTags("窗口服务");
        api.MapGet("/items", Items);
        api.MapPost("/items", CreateItem);
        api.MapGet("/items/{itemId}", async (string itemId, ServiceWorkflow flow, CancellationToken ct) => TypedResults.Ok(ServiceItemView.From(await flow.ItemAsync(itemId, ct))));
        api.MapPut("/items/{itemId}", async (string itemId, ServiceItemRequest r, ServiceWorkflow flow, CancellationToken ct)
            => TypedResults.Ok(ServiceItemView.From(await flow.UpdateItemAsync(itemId, r, ct))));
        api.MapGet("/visits", Visits);
        api.MapPost("/visits", LogVisit);
        api.MapGet("/visits/{visitId}", async (string visitId, ServiceWorkflow flow, TimeProvider clock, CancellationToken ct)
            => TypedResults.Ok(await ViewAsync(flow, await flow.VisitAsync(visitId, ct), clock, ct)));
        api.MapPost("/visits/{visitId}/tell", async (string visitId, TellVisitRequest r, ServiceWorkflow flow, TimeProvider clock, CancellationToken ct)
            => TypedResults.Ok(await ViewAsync(flow, await flow.TellAsync(visitId, r, ct), clock, ct)));
        api.MapPost("/visits/{visitId}/transfer", async (string visitId, TransferVisitRequest r, ServiceWorkflow flow, TimeProvider clock, CancellationToken ct)
            => TypedResults.Ok(await ViewAsync(flow, await flow.TransferAsync(visitId, r, ct), clock, ct)));
        api.MapPost("/visits/{visitId}/complete", async (string visitId, ServiceWorkflow flow, TimeProvider clock, CancellationToken ct)
            => TypedResults.Ok(await ViewAsync(flow, await flow.CompleteAsync(visitId, ct), clock, ct)));
        api.MapGet("/overview", async (ServiceWorkflow flow, CancellationToken ct) => TypedResults.Ok(new ServiceOverview(await flow.FiguresAsync(ct))))
            .RequireAuthorization(Policies.ServiceOversight);
        api.MapServiceExports();
    }

    private static async Task<Ok<List<PublicGuideUnit>>> GuideUnits(string? q, ServiceWorkflow flow, CancellationToken ct)
        => TypedResults.Ok((await flow.GuideUnitsAsync(q, ct)).Select(u => new PublicGuideUnit(u.UnitId, u.UnitName, u.Items)).ToList());

    private static async Task<Ok<PublicGuide>> Guide(string unitId, ServiceWorkflow flow, CancellationToken ct)
    {
        var (name, items) = await flow.GuideAsync(unitId, ct);
        return TypedResults.Ok(new PublicGuide(unitId, name, items.Select(PublicServiceItem.From).ToList()));
    }

    private static async Task<Ok<ServiceItemList>> Items(string? unitId, string? q, ServiceWorkflow flow, CancellationToken ct)
        => TypedResults.Ok(new ServiceItemList((await flow.ItemsAsync(unitId, q, ct)).Select(ServiceItemView.From).ToList()));

    private static async Task<Created<ServiceItemView>> CreateItem(ServiceItemRequest r, ServiceWorkflow flow, CancellationToken ct)
    {
        var item = await flow.CreateItemAsync(r, ct);
        return TypedResults.Created($"/api/v1/services/items/{item.Id}", ServiceItemView.From(item));
    }

    private static async Task<Ok<VisitList>> Visits(string? unitId, string? status, bool? overdue, bool? repeat, string? q, int? page, int? pageSize,
        ServiceWorkflow flow, TimeProvider clock, CancellationToken ct)
    {
        var (p, size) = Paging.Check(page ?? 1, pageSize ?? 20);
        var (items, total) = await flow.SearchVisitsAsync(new VisitFilter(unitId, status, overdue ?? false, repeat ?? false, q, p, size), ct);
        var names = await flow.ItemNamesAsync(items, ct);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new VisitList(items.Select(v => VisitView.From(v, flow.Masked(v), names.GetValueOrDefault(v.ServiceItemId), now)).ToList(), total));
    }

    private static async Task<Created<VisitView>> LogVisit(LogVisitRequest r, ServiceWorkflow flow, TimeProvider clock, CancellationToken ct)
    {
        var visit = await flow.LogVisitAsync(r, ct);
        return TypedResults.Created($"/api/v1/services/visits/{visit.Id}", await ViewAsync(flow, visit, clock, ct));
    }

    private static async Task<VisitView> ViewAsync(ServiceWorkflow flow, WindowVisit v, TimeProvider clock, CancellationToken ct)
        => VisitView.From(v, flow.Masked(v), (await flow.ItemNamesAsync([v], ct)).GetValueOrDefault(v.ServiceItemId), clock.GetUtcNow());
}
