using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Cases;

/// <summary>
/// 单位待办: the unit's six boxes with counts, the selected box most urgent first, and the work itself: sign, or open a case's
/// reply form in its row and answer there (the first reply signs an unsigned case, recorded as such).
/// </summary>
[Authorize(Policy = Policies.UnitWork)]
public sealed class InboxModel(CaseSearch search, CaseWorkflow flow, UnitPhrases phrases, CurrentUser me, TimeProvider clock) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public CaseSearch.Box Box { get; set; }
    /// <summary>只看交我办理的: the cases the unit's head gave to the signed-in person.</summary>
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }
    public CaseSearch.Inbox Result { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }
    public IReadOnlyList<string> Phrases { get; private set; } = [];
    [TempData] public string? Done { get; set; }
    /// <summary>The case whose reply was refused: its form stays open with the text the clerk typed.</summary>
    public string? OpenCaseId { get; private set; }
    public string? TypedReply { get; private set; }
    /// <summary>单位负责人: links to the unit's 承办人 accounts.</summary>
    public bool IsHead { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostSignAsync(string caseId, CancellationToken ct)
    {
        var c = await flow.SignAsync(caseId, ct);
        Done = $"已签收：{c.Title}（{c.Number}）";
        return RedirectToPage(new { Box, Mine });
    }

    public async Task<IActionResult> OnPostReplyAsync(string caseId, ReplyRequest reply, CancellationToken ct)
    {
        OpenCaseId = caseId;
        TypedReply = reply?.Content;
        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync(ct);
        }
        var c = await flow.ReplyAsync(caseId, reply!, ct);
        Done = $"已答复：{c.Title}（{c.Number}），等待群众评价";
        return RedirectToPage(new { Box, Mine });
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Result = await search.InboxAsync(me.UnitId, Box, 200, ct, Mine ? me.Id : null);
        Phrases = (await phrases.ListAsync(me.UnitId, ct)).Select(p => p.Text).ToList();
        IsHead = await flow.IsUnitHeadAsync(ct);
    }
}
