using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Campaigns;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Assignments;

/// <summary>
/// 交办事项: title, lead unit and responsible cadre, assist units each with its part, the 施工图 (milestones with dates),
/// the due date as a date or in working days, and the reporting cycle. Opened from a campaign (<c>?campaignId=</c>) it is
/// that campaign's task: the lead unit is one of its participants and the phase one of its phases.
/// </summary>
[Authorize(Roles = $"{Roles.Supervisor},{Roles.Leader},{Roles.Admin}")]
public sealed class NewModel(AssignmentWorkflow flow, AppDb db, CurrentUser me) : WorkflowPage
{
    public const int MilestoneRows = 6;
    public const int AssistRows = 4;

    public sealed class MilestoneRow
    {
        public string? Title { get; set; }
        public DateOnly? DueOn { get; set; }
    }

    public sealed class AssistRow
    {
        public string? UnitId { get; set; }
        public string? Part { get; set; }
    }

    public sealed class AssignmentForm
    {
        [Required(ErrorMessage = "请填写交办事项名称")]
        [StringLength(200, MinimumLength = 2, ErrorMessage = "交办事项名称应为2至200字")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "请选择牵头单位")]
        public string LeadUnitId { get; set; } = "";

        public DateOnly? DueOn { get; set; }

        [Range(1, 365, ErrorMessage = "完成时限应为1至365个工作日")]
        public int? DueWorkdays { get; set; }

        public string? CampaignId { get; set; }
        public int? PhaseSeq { get; set; }
        public AssignmentSource Source { get; set; } = AssignmentSource.Leader;

        [StringLength(300, ErrorMessage = "交办依据不能超过300字")]
        public string? SourceNote { get; set; }

        [StringLength(4000, ErrorMessage = "工作内容不能超过4000字")]
        public string? Content { get; set; }

        [StringLength(100, ErrorMessage = "责任人不能超过100字")]
        public string? ResponsibleName { get; set; }

        public ReportCycle ReportCycle { get; set; }
        public List<MilestoneRow> Milestones { get; set; } = [];
        public List<AssistRow> Assists { get; set; } = [];
    }

    [BindProperty] public AssignmentForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? CampaignId { get; set; }

    public Campaign? Campaign { get; private set; }
    public List<Campaign> Campaigns { get; private set; } = [];
    public List<Unit> Units { get; private set; } = [];
    public List<Unit> LeadUnits { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Campaign is { } c)
        {
            Input.Source = AssignmentSource.Campaign;
            Input.CampaignId = c.Id;
            Input.ReportCycle = c.ReportCycle;
            Input.DueOn = c.EndsOn;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var f = Input;
        var a = await flow.CreateAsync(new CreateAssignmentRequest
        {
            Title = f.Title, LeadUnitId = f.LeadUnitId, DueOn = f.DueWorkdays is null ? f.DueOn : null, DueWorkdays = f.DueWorkdays,
            CampaignId = string.IsNullOrWhiteSpace(f.CampaignId) ? null : f.CampaignId, PhaseSeq = f.PhaseSeq, Source = f.Source, SourceNote = f.SourceNote,
            Content = f.Content, ResponsibleName = f.ResponsibleName, ReportCycle = f.ReportCycle,
            Milestones = f.Milestones.Where(m => !string.IsNullOrWhiteSpace(m.Title)).Select(m => new MilestoneRequest { Title = m.Title!, DueOn = m.DueOn }).ToList(),
            Assists = f.Assists.Where(x => !string.IsNullOrWhiteSpace(x.UnitId)).Select(x => new AssistPartRequest { UnitId = x.UnitId!, Part = x.Part }).ToList(),
        }, ct);
        TempData["Notice"] = $"已交办：{a.Number}";
        return RedirectToPage("Detail", new { id = a.Id });
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        var campaignId = string.IsNullOrWhiteSpace(Input.CampaignId) ? CampaignId : Input.CampaignId;
        Campaigns = await db.Set<Campaign>().AsNoTracking().Where(c => c.Status == CampaignStatus.Running).OrderByDescending(c => c.StartsOn).ToListAsync(ct);
        Campaign = string.IsNullOrWhiteSpace(campaignId) ? null
            : Campaigns.FirstOrDefault(c => c.Id == campaignId) ?? await db.Set<Campaign>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        Units = await db.Units.WorkUnitsAsync(await me.AreaScopeAsync(ct), ct);
        LeadUnits = Campaign is { } c ? Units.Where(u => c.IsParticipant(u.Id)).ToList() : Units;
        while (Input.Milestones.Count < MilestoneRows)
        {
            Input.Milestones.Add(new MilestoneRow());
        }
        while (Input.Assists.Count < AssistRows)
        {
            Input.Assists.Add(new AssistRow());
        }
    }
}
