using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Audit;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Clues;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Bulletins;

/// <summary>通报: the list, the compose form (verified clues, overdue cases, a ranking month) and issuing, for the supervision office.</summary>
[Authorize(Policy = Policies.Supervise)]
public sealed class IndexModel(BulletinWorkflow flow, AppDb db, AuditCheckpoints checkpoints, TimeProvider clock) : WorkflowPage
{
    private const int Choices = 50;

    public sealed class ComposeInput
    {
        [Required(ErrorMessage = "请选择通报类型")] public BulletinKind? Kind { get; set; } = BulletinKind.Criticism;
        [Required(ErrorMessage = "请填写通报标题")][StringLength(200, MinimumLength = 2, ErrorMessage = "标题应为2至200字")] public string Title { get; set; } = "";
        [Required(ErrorMessage = "请填写主送机关")][StringLength(500, ErrorMessage = "主送机关不能超过500字")] public string Recipients { get; set; } = "各乡镇党委、政府，县直各单位";
        [StringLength(500, ErrorMessage = "抄送机关不能超过500字")] public string? CopyTo { get; set; }
        public string? RankingPeriod { get; set; }
        public List<string> ClueIds { get; set; } = [];
        public List<string> CaseIds { get; set; } = [];
        [StringLength(20000, ErrorMessage = "正文不能超过20000字")] public string? Body { get; set; }
        public string? CampaignId { get; set; }
    }

    /// <summary>The compose form's values; bound only by the compose handler, so issuing does not validate it.</summary>
    public ComposeInput Input => Argument<ComposeInput>("input") ?? new();
    [TempData] public string? Notice { get; set; }

    public IReadOnlyList<Bulletin> Bulletins { get; private set; } = [];
    public IReadOnlyList<Clue> VerifiedClues { get; private set; } = [];
    public IReadOnlyList<Case> LateCases { get; private set; } = [];
    public Dictionary<string, string> UnitNames { get; private set; } = [];
    public int ThisYear { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostComposeAsync(ComposeInput input, CancellationToken ct)
    {
        var b = await flow.ComposeAsync(new ComposeBulletinRequest
        {
            Kind = input.Kind, Title = input.Title, Recipients = input.Recipients, CopyTo = input.CopyTo, Body = input.Body,
            ClueIds = input.ClueIds, CaseIds = input.CaseIds, RankingPeriod = string.IsNullOrWhiteSpace(input.RankingPeriod) ? null : input.RankingPeriod,
            CampaignId = input.CampaignId,
        }, ct);
        Notice = $"已生成通报草稿“{b.Title}”，请预览核对后印发。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostIssueAsync(string id, CancellationToken ct)
    {
        var b = await flow.IssueAsync(id, ct);
        Notice = $"已印发：{b.DocumentNumber(b.Year ?? 0)}";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnGetDocxAsync(string id, CancellationToken ct)
    {
        var b = await flow.GetAsync(id, ct);
        return File(BulletinDocx.Write(b, clock.GetUtcNow().CstDate(), await checkpoints.LatestAsync(ct)), BulletinsApi.DocxType, BulletinsApi.FileName(b));
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        ThisYear = now.CstDate().Year;
        Bulletins = await flow.ListAsync(100, ct);
        VerifiedClues = await db.Set<Clue>().AsNoTracking().Where(c => c.Status == ClueStatus.Verified)
            .OrderByDescending(c => c.VerifiedAt).Take(Choices).ToListAsync(ct);
        LateCases = await db.Set<Case>().AsNoTracking()
            .Where(c => c.WasOverdue || (CaseSearch.OpenStatuses.Contains(c.Status) && c.HandleDueAt < now))
            .OrderByDescending(c => c.RegisteredAt).Take(Choices).ToListAsync(ct);
        UnitNames = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }

    public string Unit(string? id) => id is null ? "" : UnitNames.GetValueOrDefault(id, "");
}
