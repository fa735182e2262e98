using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhengfeng.Features.Exports;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Assists;

/// <summary>What leaves the server about a 协办 duty: its part, deadline, answer, and what it is part of.</summary>
public sealed record AssistView(
    string Id, string OwnerType, string OwnerTypeLabel, string OwnerId, string OwnerTitle, string? OwnerNumber, string OwnerUrl, int Round,
    string LeadUnitId, string LeadUnitName, string UnitId, string UnitName, string Part, DateTimeOffset DueAt, string? DueWhy,
    string Status, string StatusLabel, string? Input, string? RefusalReason, string? AnsweredByName, DateTimeOffset? AnsweredAt,
    bool Late, bool Overdue, bool Failure, string? FailureReason, DateTimeOffset CreatedAt)
{
    /// <summary>The lead unit, deadline and status of the case or assignment, for the duty page.</summary>
    [JsonIgnore] public AssistOwnerInfo? Owner { get; init; }

    public static AssistView From(AssistDuty d, DateTimeOffset now, IReadOnlyDictionary<string, string> names, AssistOwnerInfo owner)
    {
        var failure = d.IsFailure(now);
        return new(d.Id, WireEnum.Name(d.OwnerType), AssistDuty.Label(d.OwnerType), d.OwnerId, owner.Title, owner.Number, owner.Url, d.Round,
            d.LeadUnitId, names.GetValueOrDefault(d.LeadUnitId, d.LeadUnitId), d.UnitId, names.GetValueOrDefault(d.UnitId, d.UnitId), d.Part, d.DueAt, d.DueWhy,
            WireEnum.Name(d.Status), AssistDuty.Label(d.Status), d.Input, d.RefusalReason, d.AnsweredByName, d.AnsweredAt,
            d.Late, d.Status == AssistStatus.Pending && now > d.DueAt, failure, failure ? d.FailureReason(now) : null, d.CreatedAt)
        {
            Owner = owner,
        };
    }
}

/// <summary>协办: services and endpoints.</summary>
public static class AssistsApi
{
    public static IServiceCollection AddAssists(this IServiceCollection services)
    {
        services.AddOptions<AssistRules>().BindConfiguration("Assist").ValidateDataAnnotations().ValidateOnStart();
        return services.AddScoped<AssistWorkflow>();
    }

    public static void MapAssists(this IEndpointRouteBuilder app)
    {
        var assists = app.MapGroup("/api/v1/assists").RequireAuthorization().WithTags("协办");
        assists.MapGet("/", List);
        assists.MapGet("/export.xlsx", Export);
        assists.MapGet("/{id}", async (string id, AssistWorkflow flow, CancellationToken ct) => TypedResults.Ok(await flow.ViewAsync(await flow.LoadAsync(id, ct), ct)));
        assists.MapPost("/{id}/input", async (string id, AssistInputRequest r, AssistWorkflow flow, CancellationToken ct)
            => TypedResults.Ok(await flow.ViewAsync(await flow.GiveAsync(id, r, ct), ct)));
        assists.MapPost("/{id}/refusal", async (string id, AssistRefusalRequest r, AssistWorkflow flow, CancellationToken ct)
            => TypedResults.Ok(await flow.ViewAsync(await flow.RefuseAsync(id, r, ct), ct)));
    }

    /// <summary>The filters of the list and the export as they arrive: status, unitId, ownerType, ownerId, failure=true, side (unit staff: assist or lead).</summary>
    public static AssistFilter Filter(string? status, string? unitId, string? ownerType, string? ownerId, bool? failure, string? side)
        => new(WireEnum.ParseOptional<AssistStatus>(status, "status"), unitId.TrimToNull(), WireEnum.ParseOptional<AssistOwner>(ownerType, "ownerType"), failure == true,
            WireEnum.ParseOptional<AssistSide>(side, "side"), ownerId.TrimToNull());

    private static async Task<Ok<Page<AssistView>>> List(string? status, string? unitId, string? ownerType, string? ownerId, bool? failure, string? side,
        int? page, int? pageSize, AssistWorkflow flow, CancellationToken ct)
        => TypedResults.Ok(await flow.SearchAsync(Filter(status, unitId, ownerType, ownerId, failure, side), page ?? 1, pageSize ?? 20, ct));

    private static async Task<FileContentHttpResult> Export(string? status, string? unitId, string? ownerType, string? ownerId, bool? failure, string? side,
        AssistWorkflow flow, TimeProvider clock, CancellationToken ct)
    {
        var rows = await flow.ExportAsync(Filter(status, unitId, ownerType, ownerId, failure, side), ct);
        var bytes = LedgerExports.Sheet("协办台账", rows,
            new LedgerExports.Column<AssistView>("协办单位", 20, v => v.UnitName),
            new LedgerExports.Column<AssistView>("主办（牵头）单位", 20, v => v.LeadUnitName),
            new LedgerExports.Column<AssistView>("事项类型", 10, v => v.OwnerTypeLabel),
            new LedgerExports.Column<AssistView>("编号", 18, v => v.OwnerNumber),
            new LedgerExports.Column<AssistView>("事项", 30, v => v.OwnerTitle),
            new LedgerExports.Column<AssistView>("办理轮次", 8, v => v.Round),
            new LedgerExports.Column<AssistView>("配合事项", 30, v => v.Part),
            new LedgerExports.Column<AssistView>("协办期限", 17, v => v.DueAt),
            new LedgerExports.Column<AssistView>("状态", 14, v => v.StatusLabel),
            new LedgerExports.Column<AssistView>("协办意见", 40, v => v.Input),
            new LedgerExports.Column<AssistView>("拒绝理由", 30, v => v.RefusalReason),
            new LedgerExports.Column<AssistView>("答复人", 12, v => v.AnsweredByName),
            new LedgerExports.Column<AssistView>("答复时间", 17, v => v.AnsweredAt),
            new LedgerExports.Column<AssistView>("逾期答复", 10, v => v.Late),
            new LedgerExports.Column<AssistView>("协办不力", 40, v => v.FailureReason));
        return TypedResults.File(bytes, LedgerExports.XlsxType, $"协办台账-{clock.GetUtcNow().ToCst():yyyyMMdd}.xlsx");
    }
}
