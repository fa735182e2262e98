using Microsoft.AspNetCore.Http.HttpResults;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Reports;

public sealed record ReportView(string Id, string Number, string Channel, string ChannelLabel, string Content, string? AccusedUnitId, string? AccusedName,
    bool Anonymous, string Status, string StatusLabel, DateTimeOffset ReceivedAt, DateTimeOffset? AcknowledgeDueAt, DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? CheckDueAt, string? Finding, string? Conclusion, DateTimeOffset? ConcludedAt, DateTimeOffset? FeedbackDueAt, DateTimeOffset? FeedbackAt,
    string? ForwardedTo, string? ClueId, bool Overdue)
{
    public static ReportView From(ConductReport r, DateTimeOffset now) => new(r.Id, r.Number, WireEnum.Name(r.Channel), ConductReport.Label(r.Channel),
        r.Content, r.AccusedUnitId, r.AccusedName, r.Anonymous, WireEnum.Name(r.Status), ConductReport.Label(r.Status), r.ReceivedAt, r.AcknowledgeDueAt,
        r.AcknowledgedAt, r.CheckDueAt, r.Finding is { } f ? WireEnum.Name(f) : null, r.Conclusion, r.ConcludedAt, r.FeedbackDueAt, r.FeedbackAt,
        r.ForwardedTo, r.ClueId, r.IsOverdue(now));
}

public sealed record ReportMessageView(string Kind, string KindLabel, string Text, DateTimeOffset At)
{
    public static ReportMessageView From(ReportMessage m) => new(WireEnum.Name(m.Kind), ReportMessage.Label(m.Kind), m.Text, m.At);
}

/// <param name="LaterCases">举报人保护: the cases the named reporter brought after the report.</param>
public sealed record ReportDetailView(ReportView Report, IReadOnlyList<ReportMessageView> Messages, IReadOnlyList<ReporterCase> LaterCases);

public sealed record ReportList(IReadOnlyList<ReportView> Items, int Total);

public sealed record SubmittedReport(string FollowUpCode, DateTimeOffset ReceivedAt, string Status);

public sealed record PublicReply(DateTimeOffset At, string Text);

/// <summary>What the code's holder reads: the state, the office's replies and their own additions; no internal note, no name.</summary>
public sealed record PublicReportView(string Status, string StatusLabel, DateTimeOffset ReceivedAt, bool Anonymous, IReadOnlyList<PublicReply> Replies,
    IReadOnlyList<PublicReply> Materials);

public sealed record RevealRequest(string? Purpose);

public sealed record RevealedReporter(string? Name, string? Phone);

public sealed record TransferredReport(string ClueId);

/// <summary>The options of a unit select on the report pages (<c>_UnitOptions.cshtml</c>).</summary>
public sealed record UnitOptions(IReadOnlyList<Cases.DispatchChoices.Choice> Units, string? Selected);

/// <summary>A report taken by phone, letter or visit, with the code to give the reporter (shown once).</summary>
public sealed record EnteredReport(ReportView Report, string FollowUpCode);

public static class ReportsApi
{
    public static IServiceCollection AddReports(this IServiceCollection services) => services.AddScoped<ReportWorkflow>();

    public static void MapReports(this IEndpointRouteBuilder app)
    {
        var pub = app.MapGroup("/public/v1/reports").AllowAnonymous().WithTags("作风举报（公众）");
        pub.MapPost("/", Submit).RequireRateLimiting(RateLimits.Submit);
        pub.MapGet("/{followUpCode}", Follow).RequireRateLimiting(RateLimits.Tracking);
        pub.MapPost("/{followUpCode}/materials", AddMaterial).RequireRateLimiting(RateLimits.Submit);

        var staff = app.MapGroup("/api/v1/reports").RequireAuthorization(Policies.Reports).WithTags("作风举报");
        staff.MapGet("/", Search);
        staff.MapPost("/", Enter);
        staff.MapGet("/{id}", Get);
        staff.MapPost("/{id}/accept", (string id, ReportWorkflow flow, TimeProvider clock, CancellationToken ct) => Step(flow.AcceptAsync(id, ct), clock));
        staff.MapPost("/{id}/reject", (string id, ReportTextRequest r, ReportWorkflow flow, TimeProvider clock, CancellationToken ct)
            => Step(flow.RejectAsync(id, r, ct), clock));
        staff.MapPost("/{id}/forward", (string id, ForwardReportRequest r, ReportWorkflow flow, TimeProvider clock, CancellationToken ct)
            => Step(flow.ForwardAsync(id, r, ct), clock));
        staff.MapPost("/{id}/check", (string id, ReportWorkflow flow, TimeProvider clock, CancellationToken ct) => Step(flow.StartCheckAsync(id, ct), clock));
        staff.MapPost("/{id}/conclusion", (string id, ConcludeReportRequest r, ReportWorkflow flow, TimeProvider clock, CancellationToken ct)
            => Step(flow.ConcludeAsync(id, r, ct), clock));
        staff.MapPost("/{id}/replies", (string id, ReportTextRequest r, ReportWorkflow flow, TimeProvider clock, CancellationToken ct)
            => Step(flow.ReplyAsync(id, r, ct), clock));
        staff.MapPost("/{id}/notes", (string id, ReportTextRequest r, ReportWorkflow flow, TimeProvider clock, CancellationToken ct)
            => Step(flow.NoteAsync(id, r, ct), clock));
        staff.MapPost("/{id}/transfer", async (string id, TransferReportRequest r, ReportWorkflow flow, CancellationToken ct)
            => TypedResults.Ok(new TransferredReport((await flow.TransferAsync(id, r, ct)).Id)));
        staff.MapPost("/{id}/reveal", async (string id, RevealRequest r, ReportWorkflow flow, CancellationToken ct) =>
        {
            var (name, phone) = await flow.RevealAsync(id, r.Purpose, ct);
            return TypedResults.Ok(new RevealedReporter(name, phone));
        });
    }

    private static async Task<Created<SubmittedReport>> Submit(SubmitReportRequest r, ReportWorkflow flow, CancellationToken ct)
    {
        var (report, code) = await flow.SubmitAsync(r, ct);
        return TypedResults.Created($"/public/v1/reports/{code}", new SubmittedReport(code, report.ReceivedAt, WireEnum.Name(report.Status)));
    }

    private static async Task<Ok<PublicReportView>> Follow(string followUpCode, ReportWorkflow flow, CancellationToken ct)
        => TypedResults.Ok(await PublicViewAsync(flow, followUpCode, ct));

    private static async Task<Ok<PublicReportView>> AddMaterial(string followUpCode, ReportTextRequest r, ReportWorkflow flow, CancellationToken ct)
    {
        await flow.AddMaterialAsync(followUpCode, r, ct);
        return TypedResults.Ok(await PublicViewAsync(flow, followUpCode, ct));
    }

    public static async Task<PublicReportView> PublicViewAsync(ReportWorkflow flow, string? code, CancellationToken ct)
    {
        var (report, messages) = await flow.FollowAsync(code, ct);
        return new PublicReportView(WireEnum.Name(report.Status), ConductReport.PublicLabel(report.Status), report.ReceivedAt, report.Anonymous,
            messages.Where(m => m.Kind == ReportMessageKind.Reply).Select(m => new PublicReply(m.At, m.Text)).ToList(),
            messages.Where(m => m.Kind == ReportMessageKind.Material).Select(m => new PublicReply(m.At, m.Text)).ToList());
    }

    private static async Task<Ok<ReportList>> Search(string? status, bool? named, bool? overdue, string? q, int? page, int? pageSize,
        ReportWorkflow flow, TimeProvider clock, CancellationToken ct)
    {
        var (p, size) = Paging.Check(page ?? 1, pageSize ?? 20);
        var (items, total) = await flow.SearchAsync(new ReportFilter(status, named, overdue ?? false, q, p, size), ct);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new ReportList(items.Select(r => ReportView.From(r, now)).ToList(), total));
    }

    private static async Task<Created<EnteredReport>> Enter(EnterReportRequest r, ReportWorkflow flow, TimeProvider clock, CancellationToken ct)
    {
        var (report, code) = await flow.EnterAsync(r, ct);
        return TypedResults.Created($"/api/v1/reports/{report.Id}", new EnteredReport(ReportView.From(report, clock.GetUtcNow()), code));
    }

    private static async Task<Ok<ReportDetailView>> Get(string id, ReportWorkflow flow, TimeProvider clock, CancellationToken ct)
    {
        var report = await flow.GetAsync(id, ct);
        var messages = await flow.MessagesAsync(id, ct);
        return TypedResults.Ok(new ReportDetailView(ReportView.From(report, clock.GetUtcNow()), messages.Select(ReportMessageView.From).ToList(),
            await flow.LaterCasesAsync(report, ct)));
    }

    private static async Task<Ok<ReportView>> Step(Task<ConductReport> step, TimeProvider clock)
        => TypedResults.Ok(ReportView.From(await step, clock.GetUtcNow()));
}
