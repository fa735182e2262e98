using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Home;

/// <summary>The landing page: for each of the user's roles, what is waiting for them, with counts.</summary>
public sealed class IndexModel(AppDb db, CurrentUser me, UnitTree tree, CaseSearch cases) : PageModel
{
    public sealed record Tile(string Label, int Count, string Href, string Hint);

    public List<Tile> Tiles { get; } = [];
    public string UnitPath { get; private set; } = "";
    public IEnumerable<string> RoleLabels => me.Roles.Select(Roles.Label);

    public async Task OnGetAsync(CancellationToken ct)
    {
        UnitPath = UnitTree.PathOf(await tree.GetAsync(db, ct), me.UnitId);
        var visible = await me.VisibleUnitsAsync(ct);
        var cadres = db.Cadres.AsQueryable();
        if (visible is not null)
        {
            cadres = cadres.Where(c => visible.Contains(c.UnitId));
        }
        if (me.IsIn(Roles.Unit))
        {
            var inbox = await cases.InboxAsync(me.UnitId, CaseSearch.Box.ToSign, 1, ct);
            foreach (var (box, count) in inbox.Counts)
            {
                Tiles.Add(new(CaseSearch.BoxLabel(box), count, $"/inbox?box={box}", "件工单"));
            }
        }
        Tiles.Add(new("本单位及下级干部", await cadres.CountAsync(ct), "/people", "干部名册"));
        if (me.IsIn(Roles.Admin))
        {
            Tiles.Add(new("单位", await db.Units.CountAsync(ct), "/org", "组织机构"));
            Tiles.Add(new("账号", await db.Users.CountAsync(u => u.IsActive, ct), "/accounts", "启用中的账号"));
            Tiles.Add(new("审计日志", await db.AuditEntries.CountAsync(ct), "/audit", "条记录，可校验哈希链"));
        }
    }
}
