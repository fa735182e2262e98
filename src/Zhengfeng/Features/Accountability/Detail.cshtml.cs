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
/// facts found, decide (forms valid for the subject, 政务处分 with their periods, 四种形态) or dismiss (不予问责), and record
/// and assess the written answer a 函询 or 责令检查 calls for.
/// Leaders may read it.
/// </summary>
[Authorize(Policy = Policies.ReadIntegrity)]
public sealed class DetailModel(AccountabilityWorkflow flow, AppDb db, IAuthorizationService auth, TimeProvider clock) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";

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
    /// <summary>Whether the breadcrumb may link the ledger (a leader reads a case without the ledger).</summary>
    public bool MayList { get; private set; }

    /// <summary>What the inspector posted, shown again when the post is refused.</summary>
    public DecideAccountabilityRequest? Decide => Argument<DecideAccountabilityRequest>("decide");
    public string? FindingsPosted => Argument<FindingsRequest>("findings")?.Findings;
    public string? DismissPosted => Argument<CloseAccountabilityRequest>("dismiss")?.Reason;
    public string? AnswerPosted => Argument<AnswerRequest>("answer")?.Answer;
    public AssessAnswerRequest? AssessPosted => Argument<AssessAnswerRequest>("assess");

    public bool IsActive => Item.Status is AccountabilityStatus.Opened or AccountabilityStatus.Investigating;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    [Duty(Policies.Inspect)]
    public async Task<IActionResult> OnPostInvestigateAsync(CancellationToken ct)
    {
        await flow.InvestigateAsync(Id, ct);
        return Done("已开始调查");
    }

    [Duty(Policies.Inspect)]
    public async Task<IActionResult> OnPostFindingsAsync(FindingsRequest findings, CancellationToken ct)
    {
        await flow.RecordFindingsAsync(Id, findings, ct);
        return Done("已记录调查认定的事实");
    }

    [Duty(Policies.Inspect)]
    public async Task<IActionResult> OnPostDecideAsync(DecideAccountabilityRequest decide, CancellationToken ct)
    {
        await flow.DecideAsync(Id, decide, ct);
        return Done("已作出问责决定");
    }

    [Duty(Policies.Inspect)]
    public async Task<IActionResult> OnPostAnswerAsync(AnswerRequest answer, CancellationToken ct)
    {
        await flow.RecordAnswerAsync(Id, answer, ct);
        return Done("已登记书面说明");
    }

    [Duty(Policies.Inspect)]
    public async Task<IActionResult> OnPostAssessAsync(AssessAnswerRequest assess, CancellationToken ct)
    {
        await flow.AssessAnswerAsync(Id, assess, ct);
        return Done("已评估书面说明");
    }

    [Duty(Policies.Inspect)]
    public async Task<IActionResult> OnPostDismissAsync(CloseAccountabilityRequest dismiss, CancellationToken ct)
    {
        await flow.DismissAsync(Id, dismiss, ct);
        return Done("已决定不予问责，案件结案");
    }

    private RedirectToPageResult Done(string notice)
    {
        TempData["Notice"] = notice;
        return RedirectToPage("Detail", new { Id });
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Today = clock.GetUtcNow().CstDate();
        Item = await flow.LoadAsync(Id, ct);
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
        MayList = CanAct; // the list page asks the same duty
    }

    public string CadreName(string? id) => id == Item.CadreId ? SubjectCadre?.Name ?? "" : id == Item.HeadId ? Head?.Name ?? "" : Deputy?.Name ?? "";

    public bool Posted(IReadOnlyList<string>? list, string code) => list?.Contains(code) == true;

    public static string CategoryHint(int c) => c switch
    {
        1 => "谈话提醒、批评教育、责令检查、约谈、函询、诫勉",
        2 => "党纪轻处分、组织调整（警告、严重警告，停职检查、调整职务、责令辞职、免职）",
        3 => "党纪重处分、重大职务调整（撤销党内职务、留党察看、开除党籍，降职、撤职）",
        _ => "严重违纪涉嫌违法犯罪，立案审查、移送司法",
    };
}
