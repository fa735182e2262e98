using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Cases;

/// <summary>No login: follow and rate a case by its tracking code. Nothing here names a person.</summary>
public static class PublicApi
{
    internal static readonly HashSet<CaseEventKind> PublicSteps =
    [
        CaseEventKind.Register, CaseEventKind.Dispatch, CaseEventKind.Sign, CaseEventKind.ApproveReturn, CaseEventKind.Reply,
        CaseEventKind.DirectAnswer, CaseEventKind.RateGood, CaseEventKind.RateBad, CaseEventKind.Rework, CaseEventKind.Close,
        CaseEventKind.ExtensionApprove, CaseEventKind.Merge, CaseEventKind.ReturnVisit,
    ];

    public static void MapPublicCases(this IEndpointRouteBuilder app)
    {
        var pub = app.MapGroup("/public/v1/cases").AllowAnonymous().RequireRateLimiting(RateLimits.Tracking).WithTags("公众查询");
        pub.MapGet("/{trackingCode}", Get);
        pub.MapPost("/{trackingCode}/rating", Rate);
    }

    private static async Task<Ok<PublicCaseView>> Get(string trackingCode, PublicCases cases, CancellationToken ct)
        => TypedResults.Ok(await cases.ViewAsync(trackingCode, ct));

    private static async Task<Ok<PublicCaseView>> Rate(string trackingCode, RatingRequest request, CaseWorkflow flow, PublicCases cases, CancellationToken ct)
    {
        await flow.RateAsync(trackingCode, request, ct);
        return TypedResults.Ok(await cases.ViewAsync(trackingCode, ct));
    }

    public sealed class PublicCases(AppDb db, CaseWorkflow flow)
    {
        public async Task<PublicCaseView> ViewAsync(string trackingCode, CancellationToken ct)
        {
            var c = await flow.FindByTrackingCodeAsync(trackingCode, ct);
            var shown = c;
            if (c.MergedIntoId is not null)
            {
                // The reporters of merged requests all get the main case's answer.
                shown = await db.Set<Case>().AsNoTracking().FirstAsync(x => x.Id == c.MergedIntoId, ct);
            }
            var steps = await db.Set<CaseEvent>().AsNoTracking().Where(e => e.CaseId == c.Id).OrderBy(e => e.Seq).ToListAsync(ct);
            var category = await db.Set<Category>().AsNoTracking().Where(x => x.Code == c.CategoryCode).Select(x => x.Name).FirstAsync(ct);
            var rated = await db.Set<Rating>().AnyAsync(r => r.CaseId == c.Id && r.Round == c.Round, ct);
            // An upheld appeal is published with its reason (申诉复核结果公开).
            var excluded = await db.Set<Rating>().AsNoTracking().Where(r => r.CaseId == c.Id && r.Excluded)
                .Select(r => r.AppealDecisionNote).ToListAsync(ct);
            return new PublicCaseView(
                c.TrackingCode, Case.KindLabel(c.Kind), category, c.Title, CaseTransitions.Wire(c.Status), CaseTransitions.Label(c.Status),
                c.RegisteredAt, c.DispatchedAt, shown.HandleDueAt, shown.RepliedAt, shown.ClosedAt,
                shown.ReplyContent, Case.OutcomeLabel(shown.Outcome), c.RatingLevel, c.Status == CaseStatus.Replied && !rated,
                steps.Where(e => PublicSteps.Contains(e.Action)).Select(e => new PublicStep(e.At, StepLabel(e.Action))).ToList(),
                excluded.Select(note => $"一条评价经申诉复核认定为恶意评价，不计入满意率。理由：{note}").ToList());
        }

        internal static string StepLabel(CaseEventKind action) => action switch
        {
            CaseEventKind.Register => "已受理",
            CaseEventKind.Dispatch => "已派至承办单位",
            CaseEventKind.Sign => "承办单位已签收，正在办理",
            CaseEventKind.ApproveReturn => "已改派至其他单位",
            CaseEventKind.Reply => "承办单位已答复",
            CaseEventKind.DirectAnswer => "已直接答复",
            CaseEventKind.RateGood => "已评价，办结",
            CaseEventKind.RateBad => "已评价，转重新办理",
            CaseEventKind.Rework => "重新办理中，将回访",
            CaseEventKind.Close => "已办结",
            CaseEventKind.ExtensionApprove => "经批准延期办理",
            CaseEventKind.Merge => "已与同类诉求合并办理",
            CaseEventKind.ReturnVisit => "已回访",
            _ => CaseEvents.Label(action),
        };
    }
}
