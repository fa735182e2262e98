using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Clues;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Reports;

/// <summary>举报办理: one report with its messages and every step the discipline office may take next.</summary>
[Authorize(Policy = Policies.Reports)]
public sealed class DetailModel(ReportWorkflow flow, AppDb db, DispatchChoices choices, TimeProvider clock) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";

    public ConductReport R { get; private set; } = null!;
    public List<ReportMessage> Messages { get; private set; } = [];
    public List<ReporterCase> LaterCases { get; private set; } = [];
    public List<ReportIdentityView> Views { get; private set; } = [];
    public Dictionary<string, string> UserNames { get; private set; } = [];
    public List<DispatchChoices.Choice> Units { get; private set; } = [];
    public List<ProblemType> ProblemTypes { get; private set; } = [];
    public string? AccusedUnitName { get; private set; }
    public DateTimeOffset Now { get; private set; }

    public DateTimeOffset ForwardDueAt { get; private set; }
    [TempData] public string? EnteredCode { get; set; }
    public (string? Name, string? Phone)? Revealed { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken ct) => Done(flow.AcceptAsync(Id, ct), "已受理");

    public Task<IActionResult> OnPostRejectAsync(ReportTextRequest reason, CancellationToken ct) => Done(flow.RejectAsync(Id, reason, ct), "已决定不予受理，并告知举报人");

    public Task<IActionResult> OnPostForwardAsync(ForwardReportRequest forward, CancellationToken ct) => Done(flow.ForwardAsync(Id, forward, ct), "已转送");

    public Task<IActionResult> OnPostCheckAsync(CancellationToken ct) => Done(flow.StartCheckAsync(Id, ct), "已开始初核");

    public Task<IActionResult> OnPostConcludeAsync(ConcludeReportRequest conclude, CancellationToken ct) => Done(flow.ConcludeAsync(Id, conclude, ct), "已办结");

    public Task<IActionResult> OnPostReplyAsync(ReportTextRequest reply, CancellationToken ct) => Done(flow.ReplyAsync(Id, reply, ct), "已答复举报人");

    public Task<IActionResult> OnPostNoteAsync(ReportTextRequest note, CancellationToken ct) => Done(flow.NoteAsync(Id, note, ct), "已记录");

    public async Task<IActionResult> OnPostTransferAsync(TransferReportRequest transfer, CancellationToken ct)
    {
        var clue = await flow.TransferAsync(Id, transfer, ct);
        TempData["Notice"] = "已转为问题线索，可据此启动问责";
        return RedirectToPage("/Clues/Detail", new { id = clue.Id });
    }

    /// <summary>The identity is shown on this response only, never kept in the page's state; the view is recorded first.</summary>
    public async Task<IActionResult> OnPostRevealAsync(string? purpose, CancellationToken ct)
    {
        Revealed = await flow.RevealAsync(Id, purpose, ct);
        return await ShowAgainAsync(ct);
    }

    private async Task<IActionResult> Done(Task<ConductReport> step, string notice)
    {
        await step;
        TempData["Notice"] = notice;
        return RedirectToPage("Detail", new { Id });
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        R = await flow.GetAsync(Id, ct);
        ForwardDueAt = flow.ForwardDueAt(R);
        Messages = await flow.MessagesAsync(Id, ct);
        LaterCases = await flow.LaterCasesAsync(R, ct);
        Views = await flow.IdentityViewsAsync(Id, ct);
        var people = Messages.Select(m => m.AuthorId).Concat(Views.Select(v => v.ViewerId)).Append(R.EnteredBy).OfType<string>().Distinct().ToList();
        UserNames = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        Units = await choices.AllAsync(ct);
        AccusedUnitName = R.AccusedUnitId is null ? null : await db.Units.AsNoTracking().Where(u => u.Id == R.AccusedUnitId).Select(u => u.Name).FirstOrDefaultAsync(ct);
        ProblemTypes = await db.Set<ProblemType>().AsNoTracking().OrderBy(p => p.SortOrder).ToListAsync(ct);
    }
}
