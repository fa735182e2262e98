using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Exports;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Replies;

public static class RepliesApi
{
    public static IServiceCollection AddReplies(this IServiceCollection services) => services.AddScoped<ReplyChecker>();

    public static void MapReplies(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/cases/{id}/reply-check", Check).RequireAuthorization(Policies.UnitWork).WithTags("答复质量检查");
        var checks = app.MapGroup("/api/v1/reply-checks").RequireAuthorization(Policies.ReplyChecks).WithTags("答复质量检查");
        checks.MapGet("/", async (string? code, string? unitId, string? from, string? to, int? p, int? pageSize, ReplyChecker checker, CancellationToken ct)
            => TypedResults.Ok(await checker.SearchAsync(ReplyFlagFilter.Parse(code, unitId, from, to), p ?? 1, pageSize ?? 20, ct)));
        app.MapGet("/api/v1/exports/reply-checks.xlsx", Export).RequireAuthorization(Policies.ReplyChecks).WithTags("台账导出");
    }

    /// <summary>Checks a draft reply for the lead unit that may reply on the case; the answer is advice, the reply is not held.</summary>
    private static async Task<Ok<ReplyCheckView>> Check(string id, ReplyCheckRequest r, CaseWorkflow flow, ReplyChecker checker, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(r.Content))
        {
            throw new RuleException("reply_check.no_content", "请填写答复内容后再检查", StatusCodes.Status400BadRequest);
        }
        var c = await flow.LoadAsync(id, ct);
        if (!await flow.IsLeadStaffAsync(c, ct))
        {
            throw new ForbiddenException("本单位不是此工单的主办单位，无权办理");
        }
        var flags = await checker.CheckAsync(c, r.Content, ct);
        return TypedResults.Ok(new ReplyCheckView([.. flags.Select(f => new ReplyFlagItem(f.Code, f.Label, f.Detail, f.SimilarCaseId, f.SimilarCaseNumber))]));
    }

    private static async Task<FileContentHttpResult> Export(string? code, string? unitId, string? from, string? to, ReplyChecker checker, TimeProvider clock, CancellationToken ct)
    {
        var rows = await checker.Query(ReplyFlagFilter.Parse(code, unitId, from, to)).Take(LedgerExports.MaxRows + 1).ToListAsync(ct);
        if (rows.Count > LedgerExports.MaxRows)
        {
            throw new RuleException("export.too_many_rows", $"导出结果超过{LedgerExports.MaxRows}行，请缩小筛选范围后分批导出", 422);
        }
        var views = await checker.ViewsAsync(rows, ct);
        var now = clock.GetUtcNow();
        var bytes = LedgerExports.Sheet("答复质量提示", views,
            new LedgerExports.Column<ReplyFlagView>("提示时间", 17, v => v.At),
            new LedgerExports.Column<ReplyFlagView>("工单编号", 18, v => v.CaseNumber),
            new LedgerExports.Column<ReplyFlagView>("标题", 30, v => v.CaseTitle),
            new LedgerExports.Column<ReplyFlagView>("轮次", 6, v => v.Round),
            new LedgerExports.Column<ReplyFlagView>("答复单位", 20, v => v.UnitName),
            new LedgerExports.Column<ReplyFlagView>("提示类型", 12, v => v.Label),
            new LedgerExports.Column<ReplyFlagView>("说明", 60, v => v.Detail),
            new LedgerExports.Column<ReplyFlagView>("雷同工单", 18, v => v.SimilarCaseNumber));
        return TypedResults.File(bytes, LedgerExports.XlsxType, $"答复质量提示-{now.ToCst():yyyyMMdd}.xlsx");
    }
}

public sealed record ReplyCheckRequest
{
    [StringLength(5000, ErrorMessage = "答复内容不能超过5000字")]
    public string? Content { get; init; }
}

public sealed record ReplyFlagItem(string Code, string Label, string Detail, string? SimilarCaseId, string? SimilarCaseNumber);

public sealed record ReplyCheckView(IReadOnlyList<ReplyFlagItem> Flags);
