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
/// 问责立项: pick the source (a verified clue, a red supervision notice or a citizen case), the subject (a unit with its
/// 一把手 and 分管领导 as the case will trace them, or a cadre) and state the facts. A link from a source fills the form in.
/// </summary>
[Authorize(Policy = Policies.Inspect)]
public sealed class NewModel(AccountabilityWorkflow flow, AppDb db, CurrentUser me) : WorkflowPage
{
    public sealed record Choice(string Id, string Label, string? UnitId, string? CadreId, string Facts);

    public sealed record UnitChoice(string Id, string Name, string? Head, string? Deputy);

    public sealed record CadreChoice(string Id, string Label, bool IsLeading);

    [BindProperty(SupportsGet = true)] public string Source { get; set; } = "clue";
    [BindProperty(SupportsGet = true)] public string Subject { get; set; } = "unit";
    [BindProperty(SupportsGet = true)] public string? ClueId { get; set; }
    [BindProperty(SupportsGet = true)] public string? NoticeId { get; set; }
    [BindProperty(SupportsGet = true)] public string? CaseId { get; set; }
    [BindProperty(SupportsGet = true)] public string? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public string? CadreId { get; set; }
    [BindProperty] public string? Facts { get; set; }
    [BindProperty(SupportsGet = true)] public string? CampaignId { get; set; }

    public List<Choice> Clues { get; private set; } = [];
    public List<Choice> Notices { get; private set; } = [];
    public List<Choice> Cases { get; private set; } = [];
    public List<UnitChoice> Units { get; private set; } = [];
    public List<CadreChoice> Cadres { get; private set; } = [];

    public UnitChoice? SelectedUnit => Units.FirstOrDefault(u => u.Id == UnitId);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var picked = Source switch
        {
            "notice" => Notices.FirstOrDefault(n => n.Id == NoticeId),
            "case" => Cases.FirstOrDefault(c => c.Id == CaseId),
            _ => Clues.FirstOrDefault(c => c.Id == ClueId),
        };
        if (picked is not null)
        {
            UnitId ??= picked.UnitId;
            CadreId ??= picked.CadreId;
            Subject = CadreId is not null ? "cadre" : "unit";
            Facts ??= picked.Facts;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = new OpenAccountabilityRequest
        {
            UnitId = Subject == "unit" ? UnitId : null,
            CadreId = Subject == "cadre" ? CadreId : null,
            ClueId = Source == "clue" ? ClueId : null,
            NoticeId = Source == "notice" ? NoticeId : null,
            CaseId = Source == "case" ? CaseId : null,
            CampaignId = CampaignId,
            Facts = Facts?.Trim() ?? "",
        };
        if (string.IsNullOrWhiteSpace(request.Facts) || request.Facts.Length < 2)
        {
            ModelState.AddModelError(nameof(Facts), "请填写问责事实（至少2字）");
        }
        if (Source is "clue" or "notice" or "case" && string.IsNullOrWhiteSpace(request.ClueId ?? request.NoticeId ?? request.CaseId))
        {
            ModelState.AddModelError(nameof(Source), Source switch
            {
                "clue" => "请选择已核实的问题线索",
                "notice" => "请选择红牌督办单",
                _ => "请选择群众诉求工单",
            });
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var opened = await flow.OpenAsync(request, ct);
        TempData["Notice"] = "问责案件已立项";
        return RedirectToPage("Detail", new { id = opened.Id });
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        var visible = await me.VisibleUnitsAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.SortOrder).ThenBy(u => u.Code).ToListAsync(ct);
        units = units.Where(u => visible is null || visible.Contains(u.Id)).ToList();
        var cadres = await db.Cadres.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Name).ToListAsync(ct);
        var names = cadres.ToDictionary(c => c.Id, c => c.Name);
        var unitNames = units.ToDictionary(u => u.Id, u => u.Name);
        Units = units.Select(u => new UnitChoice(u.Id, u.Name, Lookup(names, u.HeadId), Lookup(names, u.DeputyId))).ToList();
        Cadres = cadres.Where(c => unitNames.ContainsKey(c.UnitId))
            .Select(c => new CadreChoice(c.Id, $"{c.Name}（{unitNames[c.UnitId]} · {(string.IsNullOrEmpty(c.Post) ? "" : c.Post + " · ")}{Cadre.RankLabel(c.Rank)}）", c.IsLeadingCadre)).ToList();

        var clues = await db.Set<Clue>().AsNoTracking().Where(c => c.Status == ClueStatus.Verified)
            .OrderByDescending(c => c.VerifiedAt).Take(200).ToListAsync(ct);
        Clues = clues.Where(c => unitNames.ContainsKey(c.UnitId) || c.Id == ClueId)
            .Select(c => new Choice(c.Id, $"{unitNames.GetValueOrDefault(c.UnitId, "")}：{Short(c.Content)}（{Clue.Label(c.Result)}）", c.UnitId, c.PersonId, c.Content)).ToList();
        var notices = await db.Set<SupervisionNotice>().AsNoTracking().Where(n => n.Level == NoticeLevel.Red)
            .OrderByDescending(n => n.IssuedAt).Take(200).ToListAsync(ct);
        Notices = notices.Where(n => unitNames.ContainsKey(n.UnitId))
            .Select(n => new Choice(n.Id, $"{n.Number} {unitNames[n.UnitId]}：{Short(n.Reason)}", n.UnitId, null, n.Reason)).ToList();
        // Citizen cases that went wrong: a supervision notice, a bad rating, or the one a link asked for.
        var noticed = db.Set<SupervisionNotice>().Where(n => n.CaseId != null).Select(n => n.CaseId);
        var cases = await db.Set<Case>().AsNoTracking()
            .Where(c => noticed.Contains(c.Id) || c.RatingLevel <= 2 || c.Id == CaseId)
            .OrderByDescending(c => c.RegisteredAt).Take(200).ToListAsync(ct);
        Cases = cases.Where(c => c.LeadUnitId is null || unitNames.ContainsKey(c.LeadUnitId))
            .Select(c => new Choice(c.Id, $"{c.Number} {Short(string.IsNullOrEmpty(c.Title) ? c.CategoryCode : c.Title)}{(c.LeadUnitId is { } lu ? "（" + unitNames[lu] + "）" : "")}",
                c.LeadUnitId, null, string.IsNullOrEmpty(c.Title) ? "" : c.Title)).ToList();
    }

    private static string? Lookup(Dictionary<string, string> names, string? id) => id is not null && names.TryGetValue(id, out var n) ? n : null;

    private static string Short(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
