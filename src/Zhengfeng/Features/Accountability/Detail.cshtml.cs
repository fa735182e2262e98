using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Org;
using Zhengfeng.Features.Supervision;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Accountability;

/// <summary>
/// 问责案件: the case with its source, subject and responsible leaders; inspectors start the investigation, record the
/// facts found, decide (forms valid for the subject, 政务处分 with their periods, 四种形态) or dismiss (不予问责).
/// Leaders may read it.
/// </summary>
[Authorize(Policy = Policies.ReadIntegrity)]
public sealed class DetailModel(AccountabilityWorkflow flow, AppDb db, IAuthorizationService auth, TimeProvider clock) : PageModel
{
    public AccountabilityCase Item { get; private set; } = null!;
    public string SubjectName { get; private set; } = "";
    public Cadre? SubjectCadre { get; private set; }
    public Cadre? Head { get; private set; }
    public Cadre? Deputy { get; private set; }
    public Clue? SourceClue { get; private set; }
    public SupervisionNotice? SourceNotice { get; private set; }
    public Case? SourceCase { get; private set; }
    public List<Exemption> Exemptions { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool CanAct { get; private set; }

    /// <summary>What the inspector posted, shown again when the post is refused.</summary>
    public DecideAccountabilityRequest? Decide { get; private set; }
    public string? FindingsPosted { get; private set; }
    public string? DismissPosted { get; private set; }

    public bool IsActive => Item.Status is AccountabilityStatus.Opened or AccountabilityStatus.Investigating;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        try
        {
            await LoadAsync(id, ct);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
    }

    public Task<IActionResult> OnPostInvestigateAsync(string id, CancellationToken ct)
        => ActAsync(id, () => flow.InvestigateAsync(id, ct), "已开始调查", ct);

    public Task<IActionResult> OnPostFindingsAsync(string id, FindingsRequest findings, CancellationToken ct)
    {
        FindingsPosted = findings?.Findings;
        return ActAsync(id, () => flow.RecordFindingsAsync(id, findings!, ct), "已记录调查认定的事实", ct);
    }

    public Task<IActionResult> OnPostDecideAsync(string id, DecideAccountabilityRequest decide, CancellationToken ct)
    {
        Decide = decide;
        return ActAsync(id, () => flow.DecideAsync(id, decide, ct), "已作出问责决定", ct);
    }

    public Task<IActionResult> OnPostDismissAsync(string id, CloseAccountabilityRequest dismiss, CancellationToken ct)
    {
        DismissPosted = dismiss?.Reason;
        return ActAsync(id, () => flow.DismissAsync(id, dismiss!, ct), "已决定不予问责，案件结案", ct);
    }

    private async Task<IActionResult> ActAsync(string id, Func<Task> action, string done, CancellationToken ct)
    {
        if (!(await auth.AuthorizeAsync(User, Policies.Inspect)).Succeeded)
        {
            return Forbid();
        }
        if (ModelState.IsValid)
        {
            try
            {
                await action();
                TempData["Notice"] = done;
                return RedirectToPage("Detail", new { id });
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
            catch (ForbiddenException)
            {
                return Forbid();
            }
            catch (RuleException e)
            {
                ModelState.AddModelError("", e.Message);
            }
        }
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(string id, CancellationToken ct)
    {
        Today = clock.GetUtcNow().CstDate();
        Item = await flow.LoadAsync(id, ct);
        var ids = new[] { Item.CadreId, Item.HeadId, Item.DeputyId }.OfType<string>().ToList();
        var cadres = await db.Cadres.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        SubjectCadre = Item.CadreId is { } s ? cadres.GetValueOrDefault(s) : null;
        Head = Item.HeadId is { } h ? cadres.GetValueOrDefault(h) : null;
        Deputy = Item.DeputyId is { } d ? cadres.GetValueOrDefault(d) : null;
        var unitId = Item.UnitId ?? SubjectCadre?.UnitId;
        var unitName = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        SubjectName = SubjectCadre is { } c ? $"{c.Name}（{unitName}{(string.IsNullOrEmpty(c.Post) ? "" : " · " + c.Post)} · {Cadre.RankLabel(c.Rank)}）" : unitName;
        SourceClue = Item.ClueId is null ? null : await db.Set<Clue>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == Item.ClueId, ct);
        SourceNotice = Item.NoticeId is null ? null : await db.Set<SupervisionNotice>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == Item.NoticeId, ct);
        SourceCase = Item.CaseId is null ? null : await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == Item.CaseId, ct);
        Exemptions = await db.Set<Exemption>().AsNoTracking().Where(e => e.AccountabilityCaseId == Item.Id).OrderByDescending(e => e.AppliedAt).ToListAsync(ct);
        CanAct = (await auth.AuthorizeAsync(User, Policies.Inspect)).Succeeded;
    }

    public string CadreName(string? id) => id == Item.CadreId ? SubjectCadre?.Name ?? "" : id == Item.HeadId ? Head?.Name ?? "" : Deputy?.Name ?? "";

    public bool Posted(IReadOnlyList<string>? list, string code) => list?.Contains(code) == true;

    public static string CategoryHint(int c) => c switch
    {
        1 => "谈话提醒、批评教育、责令检查、诫勉",
        2 => "党纪轻处分、组织调整（警告、严重警告，停职检查、调整职务、责令辞职、免职）",
        3 => "党纪重处分、重大职务调整（撤销党内职务、留党察看、开除党籍，降职、撤职）",
        _ => "严重违纪涉嫌违法犯罪，立案审查、移送司法",
    };
}
