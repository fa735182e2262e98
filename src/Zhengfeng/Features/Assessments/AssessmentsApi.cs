using Zhengfeng.Web;

namespace Zhengfeng.Features.Assessments;

public sealed record AssessmentView(int Year, string Grade, string GradeLabel, string? Accountability, string UnitId)
{
    public static AssessmentView From(AnnualAssessment a) => new(a.Year, WireEnum.Name(a.Grade), AnnualAssessment.Label(a.Grade),
        a.Accountability is { } m ? WireEnum.Name(m) : null, a.UnitId);
}

public sealed record GradeCapView(string? BestGrade, string? BestGradeLabel, bool Ungraded, string Reason);

public sealed record BatchRowView(string CadreId, string Name, string Post, string? Grade, string? GradeLabel, List<AssessmentView> Earlier, GradeCapView? Cap, List<string> Flags);

public sealed record AssessmentBatchView(string UnitId, string UnitName, int Year, int QuotaPercent, int ApprovedQuotaPercent, int Quota, List<BatchRowView> Rows)
{
    public static AssessmentBatchView From(AssessmentBatch b) => new(b.Unit.Id, b.Unit.Name, b.Year, b.QuotaPercent, b.ApprovedQuotaPercent,
        b.Quota(b.Rows.Count(r => r.Cap is not { Ungraded: true }), approved: false),
        b.Rows.Select(r => new BatchRowView(r.Cadre.Id, r.Cadre.Name, r.Cadre.Post, r.Current is null ? null : WireEnum.Name(r.Current.Grade),
            r.Current is null ? null : AnnualAssessment.Label(r.Current.Grade),
            r.Earlier.Select(AssessmentView.From).ToList(),
            r.Cap is null ? null : new GradeCapView(r.Cap.Best is { } best ? WireEnum.Name(best) : null, r.Cap.Best is { } g ? AnnualAssessment.Label(g) : null, r.Cap.Ungraded, r.Cap.Reason),
            r.Flags.ToList())).ToList());
}

public sealed record CadreAssessmentsView(string CadreId, List<AssessmentView> Assessments, List<string> Flags);

public static class AssessmentsApi
{
    public static IServiceCollection AddAssessments(this IServiceCollection services)
    {
        services.AddOptions<AssessmentRules>().BindConfiguration("Assessments").ValidateDataAnnotations().ValidateOnStart();
        return services.AddScoped<AssessmentWorkflow>();
    }

    public static void MapAssessments(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/assessments", async (AssessmentBatchRequest r, AssessmentWorkflow flow, CancellationToken ct) =>
        {
            var saved = await flow.RecordBatchAsync(r, ct);
            return TypedResults.Ok(saved.Select(a => new { a.CadreId, a.Year, Grade = WireEnum.Name(a.Grade), GradeLabel = AnnualAssessment.Label(a.Grade) }).ToList());
        }).RequireAuthorization(Policies.Admin).WithTags("年度考核");
        app.MapGet("/api/v1/assessments", async (string unitId, int year, AssessmentWorkflow flow, CancellationToken ct)
            => TypedResults.Ok(AssessmentBatchView.From(await flow.BatchAsync(unitId, year, ct)))).RequireAuthorization(Policies.Lead).WithTags("年度考核");
        app.MapGet("/api/v1/cadres/{id}/assessments", async (string id, AssessmentWorkflow flow, CancellationToken ct) => TypedResults.Ok(await flow.ForCadreAsync(id, ct)))
            .RequireAuthorization().WithTags("年度考核");
    }
}
