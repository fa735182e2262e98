using Microsoft.AspNetCore.Http.HttpResults;
using Zhengfeng.Features.Audit;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Bulletins;

public sealed record BulletinView(string Id, string Kind, string KindLabel, string Status, string StatusLabel, string OrganName, string DocumentNumber,
    int? Year, int? Serial, string Title, string Recipients, string Body, string? CopyTo, string PrintedBy, string? IssuedOn,
    IReadOnlyList<string> ClueIds, IReadOnlyList<string> CaseIds, string? RankingPeriod, DateTimeOffset CreatedAt, DateTimeOffset? IssuedAt)
{
    public static BulletinView From(Bulletin b, DateTimeOffset now) => new(b.Id, b.Kind.ToString().ToLowerInvariant(), Bulletin.Label(b.Kind),
        b.Status.ToString().ToLowerInvariant(), Bulletin.Label(b.Status), b.OrganName, b.DocumentNumber(now.CstDate().Year), b.Year, b.Serial,
        b.Title, b.Recipients, b.Body, b.CopyTo, b.PrintedBy, b.IssuedOn is { } d ? Bulletin.DateText(d) : null,
        b.ClueIdList, b.CaseIdList, b.RankingPeriod, b.CreatedAt, b.IssuedAt);
}

public static class BulletinsApi
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static IServiceCollection AddBulletins(this IServiceCollection services)
    {
        services.AddOptions<BulletinOptions>().BindConfiguration("Bulletins");
        return services.AddScoped<BulletinComposer>().AddScoped<BulletinWorkflow>().AddScoped<LetterheadSettings>();
    }

    public static void MapBulletins(this IEndpointRouteBuilder app)
    {
        var bulletins = app.MapGroup("/api/v1/bulletins").RequireAuthorization().WithTags("通报");
        bulletins.MapPost("/", Compose).RequireAuthorization(Policies.Supervise);
        bulletins.MapPost("/{id}/issue", async (string id, BulletinWorkflow flow, TimeProvider clock, CancellationToken ct)
            => TypedResults.Ok(BulletinView.From(await flow.IssueAsync(id, ct), clock.GetUtcNow()))).RequireAuthorization(Policies.Supervise);
        bulletins.MapGet("/", async (int? take, BulletinWorkflow flow, TimeProvider clock, CancellationToken ct)
            => TypedResults.Ok((await flow.ListAsync(take ?? 100, ct)).Select(b => BulletinView.From(b, clock.GetUtcNow())).ToList()));
        bulletins.MapGet("/{id}", async (string id, BulletinWorkflow flow, TimeProvider clock, CancellationToken ct)
            => TypedResults.Ok(BulletinView.From(await flow.GetAsync(id, ct), clock.GetUtcNow())));
        bulletins.MapGet("/{id}/docx", Docx);
    }

    private static async Task<Created<BulletinView>> Compose(ComposeBulletinRequest request, BulletinWorkflow flow, TimeProvider clock, CancellationToken ct)
    {
        var bulletin = await flow.ComposeAsync(request, ct);
        return TypedResults.Created($"/api/v1/bulletins/{bulletin.Id}", BulletinView.From(bulletin, clock.GetUtcNow()));
    }

    private static async Task<FileContentHttpResult> Docx(string id, BulletinWorkflow flow, AuditCheckpoints checkpoints, TimeProvider clock, CancellationToken ct)
    {
        var bulletin = await flow.GetAsync(id, ct);
        var bytes = BulletinDocx.Write(bulletin, clock.GetUtcNow().CstDate(), await checkpoints.LatestAsync(ct));
        return TypedResults.File(bytes, DocxType, FileName(bulletin));
    }

    /// <summary>The title, with characters no file system accepts replaced.</summary>
    public static string FileName(Bulletin b)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat("\\/:*?\"<>|").ToHashSet();
        var title = new string(b.Title.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray());
        return (b.Status == BulletinStatus.Draft ? "（草稿）" : "") + title + ".docx";
    }
}
