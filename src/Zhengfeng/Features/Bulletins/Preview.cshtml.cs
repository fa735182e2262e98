using Microsoft.AspNetCore.Authorization;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Bulletins;

/// <summary>A bulletin read in the browser as it will print: letterhead, number, title, body with its headings, signature, 版记.</summary>
[Authorize]
public sealed class PreviewModel(BulletinWorkflow flow, TimeProvider clock) : WorkflowPage
{
    public sealed record Line(string Text, string Css);

    public Bulletin Bulletin { get; private set; } = null!;
    public IReadOnlyList<Line> Lines { get; private set; } = [];
    public DateOnly Date { get; private set; }
    public int Year { get; private set; }

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        Bulletin = await flow.GetAsync(id, ct);
        var today = clock.GetUtcNow().CstDate();
        Date = Bulletin.IssuedOn ?? today;
        Year = today.Year;
        Lines = Bulletin.Body.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)
            .Select(l => new Line(l, BulletinDocx.Level1().IsMatch(l) ? "h1" : BulletinDocx.Level2().IsMatch(l) ? "h2" : "p"))
            .ToList();
    }

    protected internal override Task LoadAsync(CancellationToken ct) => Task.CompletedTask;
}
