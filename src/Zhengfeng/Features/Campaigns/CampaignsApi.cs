using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Campaigns;

public sealed record PhaseView(int Seq, string Name, DateOnly StartsOn, DateOnly EndsOn, bool Current);

public sealed record LeaderView(int Seq, string Name, string Post, string Role);

public sealed record CampaignUnitView(string UnitId, string Name);

/// <summary>A campaign's plan and state: phases (the current one marked), leading group and participating units.</summary>
public sealed record CampaignView(string Id, string Name, string? DocumentNumber, string? Goal, DateOnly StartsOn, DateOnly EndsOn, string ReportCycle,
    string ReportCycleLabel, string Status, string StatusLabel, int? CurrentPhase, IReadOnlyList<PhaseView> Phases, IReadOnlyList<LeaderView> Leaders,
    IReadOnlyList<CampaignUnitView> Units, string CreatedByName, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, string? Summary, int Version)
{
    public static CampaignView From(Campaign c, IReadOnlyDictionary<string, string> unitNames, DateOnly today)
    {
        var current = c.PhaseOn(today);
        return new(c.Id, c.Name, c.DocumentNumber, c.Goal, c.StartsOn, c.EndsOn, WireEnum.Name(c.ReportCycle), Campaign.Label(c.ReportCycle),
            WireEnum.Name(c.Status), Campaign.Label(c.Status), current?.Seq,
            [.. c.Phases.Select(p => new PhaseView(p.Seq, p.Name, p.StartsOn, p.EndsOn, p == current))],
            [.. c.Leaders.Select(l => new LeaderView(l.Seq, l.Name, l.Post, l.Role))],
            [.. c.UnitIds.Select(u => new CampaignUnitView(u, unitNames.GetValueOrDefault(u, u)))],
            c.CreatedByName, c.CreatedAt, c.ClosedAt, c.Summary, c.Version);
    }
}

public sealed record CampaignListItem(string Id, string Name, string? DocumentNumber, DateOnly StartsOn, DateOnly EndsOn, string ReportCycle, string Status,
    string StatusLabel, string? CurrentPhase, int UnitCount)
{
    public static CampaignListItem From(Campaign c, DateOnly today) => new(c.Id, c.Name, c.DocumentNumber, c.StartsOn, c.EndsOn, WireEnum.Name(c.ReportCycle),
        WireEnum.Name(c.Status), Campaign.Label(c.Status), c.PhaseOn(today)?.Name, c.Units.Count);
}

public sealed record CampaignReportView(string Id, string CampaignId, string UnitId, string Period, string PeriodLabel, int? PhaseSeq, bool NoProblem,
    string Content, string ReportedByName, DateTimeOffset ReportedAt)
{
    public static CampaignReportView From(CampaignReport r, Campaign c) => new(r.Id, r.CampaignId, r.UnitId, r.Period, CampaignPeriods.Label(c, r.Period), r.PhaseSeq,
        r.NoProblem, r.Content, r.ReportedByName, r.ReportedAt);
}

/// <summary>专项整治: services and endpoints.</summary>
public static class CampaignsApi
{
    public static IServiceCollection AddCampaigns(this IServiceCollection services)
        => services.AddScoped<CampaignWorkflow>().AddScoped<CampaignLedger>().AddScoped<CampaignDrafts>().AddScoped<CampaignExports>();

    public static void MapCampaigns(this IEndpointRouteBuilder app)
    {
        var campaigns = app.MapGroup("/api/v1/campaigns").RequireAuthorization().WithTags("专项整治");
        campaigns.MapPost("/", Create).RequireAuthorization(Policies.Supervise);
        campaigns.MapGet("/", Search);
        campaigns.MapGet("/export.xlsx", async (string? status, string? q, CampaignExports exports, CancellationToken ct)
            => File(await exports.ListAsync(WireEnum.ParseOptional<CampaignStatus>(status, "status"), q, ct)));
        campaigns.MapGet("/{id}", async (string id, CampaignWorkflow flow, AppDb db, CancellationToken ct) => await ViewAsync(await flow.LoadAsync(id, ct), flow, db, ct));
        campaigns.MapPut("/{id}", async (string id, CampaignPlanRequest r, CampaignWorkflow flow, AppDb db, CancellationToken ct)
            => await ViewAsync(await flow.ReviseAsync(id, r, ct), flow, db, ct)).RequireAuthorization(Policies.Supervise);
        campaigns.MapPost("/{id}/closure", async (string id, CloseCampaignRequest r, CampaignWorkflow flow, AppDb db, CancellationToken ct)
            => await ViewAsync(await flow.CloseAsync(id, r, ct), flow, db, ct)).RequireAuthorization(Policies.Supervise);
        campaigns.MapPost("/{id}/reopening", async (string id, CampaignWorkflow flow, AppDb db, CancellationToken ct)
            => await ViewAsync(await flow.ReopenAsync(id, ct), flow, db, ct)).RequireAuthorization(Policies.Supervise);
        campaigns.MapGet("/{id}/progress", Progress);
        campaigns.MapGet("/{id}/ledger", Ledger);
        campaigns.MapPost("/{id}/reports", FileReport);
        campaigns.MapGet("/{id}/reports", Reports);
        campaigns.MapGet("/{id}/reports/draft", async (string id, string? period, CampaignDrafts drafts, CancellationToken ct)
            => TypedResults.Ok(await drafts.DraftAsync(id, period, ct)));
        campaigns.MapPost("/{id}/links", async (string id, LinkRecordRequest r, CampaignWorkflow flow, AppDb db, CancellationToken ct)
            => await ViewAsync(await flow.LinkAsync(id, r, ct), flow, db, ct)).RequireAuthorization(Policies.Supervise);
        campaigns.MapGet("/{id}/ledger.xlsx", async (string id, CampaignExports exports, CancellationToken ct) => File(await exports.LedgerAsync(id, ct)));
        campaigns.MapGet("/{id}/progress-bulletin.docx", async (string id, CampaignExports exports, CancellationToken ct) => File(await exports.ProgressBulletinAsync(id, ct)));
        campaigns.MapGet("/{id}/summary.docx", async (string id, CampaignExports exports, CancellationToken ct) => File(await exports.SummaryAsync(id, ct)));
    }

    private static async Task<Created<CampaignView>> Create(CampaignPlanRequest r, CampaignWorkflow flow, AppDb db, CancellationToken ct)
    {
        var c = await flow.CreateAsync(r, ct);
        return TypedResults.Created($"/api/v1/campaigns/{c.Id}", (await ViewAsync(c, flow, db, ct)).Value);
    }

    private static async Task<Ok<Page<CampaignListItem>>> Search(string? status, string? q, int? page, int? pageSize, CampaignWorkflow flow, CancellationToken ct)
    {
        var result = await flow.SearchAsync(WireEnum.ParseOptional<CampaignStatus>(status, "status"), q, page ?? 1, pageSize ?? 20, ct);
        return TypedResults.Ok(new Page<CampaignListItem>([.. result.Items.Select(c => CampaignListItem.From(c, flow.Today))], result.Total, result.PageNumber, result.PageSize));
    }

    /// <summary>The contract's progress: supervisors and leaders (and admin); everyone else 403.</summary>
    private static async Task<Ok<CampaignProgress>> Progress(string id, CampaignWorkflow flow, CampaignLedger ledger, CancellationToken ct)
    {
        var c = await flow.LoadAsync(id, ct);
        if (!flow.MayReadProgress)
        {
            throw new ForbiddenException("只有督查人员和领导可以查看专项整治进展");
        }
        return TypedResults.Ok(await ledger.ProgressAsync(c, ct));
    }

    /// <summary>The whole record as the campaign page shows it to those who oversee it.</summary>
    private static async Task<Ok<CampaignLedgerView>> Ledger(string id, CampaignWorkflow flow, CampaignLedger ledger, CancellationToken ct)
    {
        var c = await flow.LoadAsync(id, ct);
        if (!flow.MayOversee)
        {
            throw new ForbiddenException("只有督查、纪检人员和领导可以查看专项整治台账");
        }
        return TypedResults.Ok(await ledger.ForAsync(c, ct));
    }

    private static async Task<Created<CampaignReportView>> FileReport(string id, CampaignReportRequest r, CampaignWorkflow flow, CancellationToken ct)
    {
        var report = await flow.ReportAsync(id, r, ct);
        var c = await flow.LoadAsync(id, ct);
        return TypedResults.Created($"/api/v1/campaigns/{id}/reports/{report.Id}", CampaignReportView.From(report, c));
    }

    private static async Task<Ok<List<CampaignReportView>>> Reports(string id, CampaignWorkflow flow, CancellationToken ct)
    {
        var c = await flow.LoadAsync(id, ct);
        return TypedResults.Ok((await flow.ReportsAsync(c, ct)).Select(r => CampaignReportView.From(r, c)).ToList());
    }

    private static async Task<Ok<CampaignView>> ViewAsync(Campaign c, CampaignWorkflow flow, AppDb db, CancellationToken ct)
        => TypedResults.Ok(CampaignView.From(c, await UnitNamesAsync(db, c.UnitIds, ct), flow.Today));

    public static async Task<Dictionary<string, string>> UnitNamesAsync(AppDb db, IEnumerable<string> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Units.AsNoTracking().Where(u => list.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }

    private static FileContentHttpResult File(CampaignFile f) => TypedResults.File(f.Bytes, f.ContentType, f.FileName);
}
