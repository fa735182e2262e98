using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Assessments;

/// <summary>One unit's 年度考核 for a year: every cadre with a grade to choose, the 优秀 quota, caps from the record and flags.</summary>
[Authorize(Policy = Policies.Lead)]
public sealed class AssessmentBatchModel(AssessmentWorkflow flow, CurrentUser me) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string UnitId { get; set; } = "";
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    [BindProperty] public Dictionary<string, string> Grades { get; set; } = [];
    [BindProperty] public Dictionary<string, string> Measures { get; set; } = [];
    [BindProperty] public bool HigherQuotaApproved { get; set; }
    [TempData] public string? Notice { get; set; }

    public AssessmentBatch Batch { get; private set; } = null!;
    public bool CanRecord => me.IsIn(Roles.Admin);
    public bool Posted => HttpMethods.IsPost(Request.Method);

    /// <summary>Those who can get a grade at all (not in a sanction's 不定等次 period).</summary>
    public int Gradable => Batch.Rows.Count(r => r.Cap is not { Ungraded: true });

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanRecord)
        {
            return Forbid();
        }
        var entries = Grades.Where(g => !string.IsNullOrWhiteSpace(g.Value))
            .Select(g => new AssessmentEntry
            {
                CadreId = g.Key,
                Grade = WireEnum.Parse<AssessmentGrade>(g.Value, "grade"),
                Accountability = WireEnum.ParseOptional<AccountabilityMeasure>(Measures.GetValueOrDefault(g.Key), "accountability"),
            })
            .ToList();
        if (entries.Count == 0)
        {
            throw new RuleException("assessment.bad_entries", "请至少为一名干部选择考核等次");
        }
        var saved = await flow.RecordBatchAsync(new AssessmentBatchRequest { UnitId = UnitId, Year = Year, HigherQuotaApproved = HigherQuotaApproved, Entries = entries }, ct);
        Notice = $"已保存{saved.Count}名干部的{Year}年度考核等次";
        return RedirectToPage("AssessmentBatch", new { unitId = UnitId, year = Year });
    }

    protected internal override async Task LoadAsync(CancellationToken ct) => Batch = await flow.BatchAsync(UnitId, Year, ct);

    /// <summary>The grade to show selected: what was just posted, else what is on record.</summary>
    public string SelectedGrade(AssessmentBatchRow row)
        => Posted ? Grades.GetValueOrDefault(row.Cadre.Id, "") : (row.Current is { } current ? WireEnum.Name(current.Grade) : "");

    /// <summary>The measure to show selected: posted, else recorded, else the one the record implies.</summary>
    public string SelectedMeasure(AssessmentBatchRow row)
        => Posted ? Measures.GetValueOrDefault(row.Cadre.Id, "")
            : ((row.Current?.Accountability ?? row.Cap?.Measure) is { } measure ? WireEnum.Name(measure) : "");
}
