using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Cases;

/// <summary>单位待办: the unit's six boxes with counts, the selected box most urgent first.</summary>
[Authorize(Policy = Policies.UnitWork)]
public sealed class InboxModel(CaseSearch search, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public CaseSearch.Box Box { get; set; }
    public CaseSearch.Inbox Result { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Result = await search.InboxAsync(me.UnitId, Box, 200, ct);
    }
}
