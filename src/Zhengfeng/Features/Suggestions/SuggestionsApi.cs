using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Suggestions;

public static class SuggestionsApi
{
    public static IServiceCollection AddSuggestions(this IServiceCollection services) => services.AddSingleton<DispatchSuggester>();

    public static void MapSuggestions(this IEndpointRouteBuilder app)
    {
        var suggestions = app.MapGroup("/api/v1/suggestions").RequireAuthorization().WithTags("派单推荐");
        suggestions.MapPost("/dispatch", Dispatch).RequireAuthorization(Policies.Intake);
        suggestions.MapPost("/retrain", Retrain).RequireAuthorization(Policies.Admin);
        suggestions.MapGet("/model", (DispatchSuggester suggester) => TypedResults.Ok(ModelStatus.Of(suggester))).RequireAuthorization(Policies.Admin);
    }

    private static Ok<SuggestionView> Dispatch(SuggestRequest request, DispatchSuggester suggester)
    {
        if (string.IsNullOrWhiteSpace(request.Content))
        {
            throw new RuleException("suggestion.no_content", "请填写诉求内容", StatusCodes.Status400BadRequest);
        }
        return TypedResults.Ok(SuggestionView.From(suggester.Suggest(request.Title, request.Content)));
    }

    private static async Task<Ok<RetrainView>> Retrain(DispatchSuggester suggester, CancellationToken ct)
    {
        var trainedOn = await suggester.RetrainAsync(ct);
        return TypedResults.Ok(new RetrainView(trainedOn, suggester.Accuracy.Category, suggester.Accuracy.Unit, suggester.Accuracy.Cases));
    }
}

public sealed record SuggestRequest
{
    [StringLength(200, ErrorMessage = "标题不能超过200字")]
    public string? Title { get; init; }

    [Required(ErrorMessage = "请填写诉求内容")]
    [StringLength(20000, ErrorMessage = "诉求内容不能超过20000字")]
    public string Content { get; init; } = "";
}

public sealed record ScoredCategory(string Code, double Score);

public sealed record ScoredUnit(string UnitId, double Score);

public sealed record SimilarCase(string CaseId, double Score);

/// <summary>Best first; every list is empty (not an error) while there is no history to learn from.</summary>
public sealed record SuggestionView(
    IReadOnlyList<ScoredCategory> Categories, IReadOnlyList<string> CategoryReasons,
    IReadOnlyList<ScoredUnit> Units, IReadOnlyList<string> UnitReasons,
    IReadOnlyList<SimilarCase> Similar)
{
    public static SuggestionView From(DispatchSuggestion s) => new(
        [.. s.Categories.Select(c => new ScoredCategory(c.Label, Math.Round(c.Score, 4)))], s.CategoryReasons,
        [.. s.Units.Select(u => new ScoredUnit(u.Label, Math.Round(u.Score, 4)))], s.UnitReasons,
        [.. s.Similar.Select(c => new SimilarCase(c.Label, c.Score))]);
}

/// <summary>The model in use: when it was trained, on how many cases, and its top-1 accuracy on the newest cases held out.</summary>
public sealed record ModelStatus(DateTimeOffset? TrainedAt, int TrainedOn, double? RecentCategoryAccuracy, double? RecentUnitAccuracy, int RecentCases)
{
    public static ModelStatus Of(DispatchSuggester s) => new(s.TrainedAt, s.Current.TrainedOn, s.Accuracy.Category, s.Accuracy.Unit, s.Accuracy.Cases);
}

/// <param name="RecentCategoryAccuracy">Top-1 accuracy on the newest tenth of the cases, for a model trained on the rest (null: too few cases).</param>
public sealed record RetrainView(int TrainedOn, double? RecentCategoryAccuracy, double? RecentUnitAccuracy, int RecentCases);
