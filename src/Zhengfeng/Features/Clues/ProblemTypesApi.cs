using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Clues;

/// <summary>The admin keeps the taxonomy of work-style problems (问题类型).</summary>
public static class ProblemTypesApi
{
    public static readonly IReadOnlyList<string> Groups = ["不作为", "慢作为", "乱作为"];

    public sealed record ProblemTypeRequest
    {
        [Required(ErrorMessage = "请填写类型编码")]
        [RegularExpression("^[a-z0-9_-]{2,50}$", ErrorMessage = "类型编码只能包含小写字母、数字、下划线和连字符，长度2至50")]
        public required string Code { get; init; }

        [Required(ErrorMessage = "请填写类型名称")]
        [StringLength(100, MinimumLength = 2, ErrorMessage = "类型名称应为2至100字")]
        public required string Name { get; init; }

        [Required(ErrorMessage = "请选择归类：不作为、慢作为或乱作为")]
        public required string Group { get; init; }
    }

    public static void MapProblemTypes(this IEndpointRouteBuilder app)
    {
        var types = app.MapGroup("/api/v1/problem-types").RequireAuthorization().WithTags("问题线索");
        types.MapGet("/", async (AppDb db, CancellationToken ct) => TypedResults.Ok(await db.Set<ProblemType>().AsNoTracking().OrderBy(p => p.SortOrder).ToListAsync(ct)));
        types.MapPost("/", Create).RequireAuthorization(Policies.Admin);
        types.MapPut("/{code}", Update).RequireAuthorization(Policies.Admin);
    }

    private static async Task<Created<ProblemType>> Create(ProblemTypeRequest r, AppDb db, CancellationToken ct)
    {
        CheckGroup(r.Group);
        if (await db.Set<ProblemType>().AnyAsync(p => p.Code == r.Code || p.Name == r.Name.Trim(), ct))
        {
            throw new RuleException("problem_type.duplicate", "类型编码或名称已存在", 409);
        }
        var order = await db.Set<ProblemType>().MaxAsync(p => (int?)p.SortOrder, ct) ?? 0;
        var type = new ProblemType { Code = r.Code, Name = r.Name.Trim(), Group = r.Group, SortOrder = order + 1 };
        db.Add(type);
        db.PendingAction = "problem-type.create";
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/problem-types/{type.Code}", type);
    }

    private static async Task<Ok<ProblemType>> Update(string code, ProblemTypeRequest r, AppDb db, CancellationToken ct)
    {
        CheckGroup(r.Group);
        var type = await db.Set<ProblemType>().FirstOrDefaultAsync(p => p.Code == code, ct) ?? throw new NotFoundException("问题类型");
        type.Name = r.Name.Trim();
        type.Group = r.Group;
        db.PendingAction = "problem-type.update";
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(type);
    }

    private static void CheckGroup(string group)
    {
        if (!Groups.Contains(group))
        {
            throw new RuleException("problem_type.bad_group", "归类应为 不作为、慢作为 或 乱作为", 400);
        }
    }
}
