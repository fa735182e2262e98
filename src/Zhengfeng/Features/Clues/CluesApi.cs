using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Import;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Clues;

public sealed record ClueView(string Id, string Source, string SourceLabel, string UnitId, string? PersonId, string ProblemType, string Content,
    string? Place, string? CaseId, string Status, string StatusLabel, string? Result, string? VerificationNote, DateTimeOffset RegisteredAt, DateTimeOffset? VerifiedAt)
{
    public static ClueView From(Clue c) => new(c.Id, c.Source.ToString().ToLowerInvariant(), Clue.Label(c.Source), c.UnitId, c.PersonId, c.ProblemType, c.Content,
        c.Place, c.CaseId, c.Status.ToString().ToLowerInvariant(), Clue.Label(c.Status), c.Result?.ToString().ToLowerInvariant(), c.VerificationNote, c.RegisteredAt, c.VerifiedAt);
}

public static class CluesApi
{
    public static IServiceCollection AddClues(this IServiceCollection services)
        => services.AddScoped<ClueWorkflow>().AddScoped<TourImport>();

    public static void MapClues(this IEndpointRouteBuilder app)
    {
        var clues = app.MapGroup("/api/v1/clues").RequireAuthorization().WithTags("问题线索");
        clues.MapPost("/", Create);
        clues.MapGet("/", Search);
        // Bearer-token clients send no antiforgery token; the clues page posts through its own form instead.
        clues.MapPost("/import", Import).RequireAuthorization(Policies.Inspect).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(SheetReader.MaxBytes + 64 * 1024));
        clues.MapGet("/import/template.xlsx", async (TourImport import, CancellationToken ct)
            => TypedResults.File(await import.TemplateAsync(ct), TemplateType, "巡察反馈问题导入模板.xlsx")).RequireAuthorization(Policies.Inspect);
        clues.MapGet("/{id}", async (string id, ClueWorkflow flow, CancellationToken ct) => TypedResults.Ok(ClueView.From(await flow.GetAsync(id, ct))));
        clues.MapPost("/{id}/verification", async (string id, VerifyClueRequest r, ClueWorkflow flow, CancellationToken ct)
            => TypedResults.Ok(ClueView.From(await flow.VerifyAsync(id, r, ct)))).RequireAuthorization(Policies.Inspect);
        app.MapProblemTypes();

        var watch = app.MapGroup("/api/v1/watch").RequireAuthorization(Policies.Inspect).WithTags("监督清单");
        watch.MapGet("/zero-report", ZeroReport);
    }

    private static async Task<Created<ClueView>> Create(CreateClueRequest r, ClueWorkflow flow, CancellationToken ct)
    {
        var clue = await flow.CreateAsync(r, ct);
        return TypedResults.Created($"/api/v1/clues/{clue.Id}", ClueView.From(clue));
    }

    public const string TemplateType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>巡察反馈: all rows or none; a refusal lists every wrong row and column in <c>errors</c>.</summary>
    private static async Task<Results<Ok<TourImportResult>, ProblemHttpResult>> Import(IFormFile? file, TourImport import, HttpContext http, CancellationToken ct)
    {
        if (file is null)
        {
            throw new RuleException("import.no_file", "请上传文件（表单字段 file）", 400);
        }
        try
        {
            await using var stream = file.OpenReadStream();
            return TypedResults.Ok(await import.ImportAsync(stream, ct));
        }
        catch (TourImportRejected e)
        {
            var problem = ProblemExceptionHandler.Problem(400, e.Code, e.Message, http);
            problem.Extensions["errors"] = e.Errors;
            return TypedResults.Problem(problem);
        }
    }

    private static async Task<Ok<Page<ClueView>>> Search(string? status, string? unitId, string? source, int? page, int? pageSize, ClueWorkflow flow, CancellationToken ct)
    {
        var result = await flow.SearchAsync(WireEnum.ParseOptional<ClueStatus>(status, "status"), unitId, WireEnum.ParseOptional<ClueSource>(source, "source"), page ?? 1, pageSize ?? 20, ct);
        return TypedResults.Ok(new Page<ClueView>(result.Items.Select(ClueView.From).ToList(), result.Total, result.PageNumber, result.PageSize));
    }

    private static async Task<Ok<List<ZeroReportRow>>> ZeroReport(string? period, ClueWorkflow flow, CancellationToken ct)
        => TypedResults.Ok(await flow.ZeroReportAsync(period, ct));

    /// <summary>A month (2026-11), a quarter (2026-Q4) or a year (2026), in China time.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End, string Label) Period(string period)
    {
        var p = period.Trim().ToUpperInvariant();
        if (DateOnly.TryParseExact(p + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && WireDate.InRange(month))
        {
            return (ChinaTime.At(month, TimeOnly.MinValue), ChinaTime.At(month.AddMonths(1), TimeOnly.MinValue), $"{month.Year}年{month.Month}月");
        }
        if (p.Length == 7 && p[4] == '-' && p[5] == 'Q' && int.TryParse(p[..4], CultureInfo.InvariantCulture, out var qy)
            && qy is > 2000 and < 2100 && p[6] is >= '1' and <= '4')
        {
            var first = new DateOnly(qy, (p[6] - '1') * 3 + 1, 1);
            return (ChinaTime.At(first, TimeOnly.MinValue), ChinaTime.At(first.AddMonths(3), TimeOnly.MinValue), $"{qy}年第{p[6]}季度");
        }
        if (p.Length == 4 && int.TryParse(p, CultureInfo.InvariantCulture, out var y) && y is > 2000 and < 2100)
        {
            var first = new DateOnly(y, 1, 1);
            return (ChinaTime.At(first, TimeOnly.MinValue), ChinaTime.At(first.AddYears(1), TimeOnly.MinValue), $"{y}年");
        }
        throw new RuleException("period.bad", "period 应为 2026-11（月）、2026-Q4（季度）或 2026（年）", 400);
    }
}
