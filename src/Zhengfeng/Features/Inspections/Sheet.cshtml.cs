using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Inspections;

/// <summary>
/// 暗访记录表, filled on a phone at the visited unit: time and place, each checklist line 符合/不符合/未检查 with a note, photos,
/// findings; saved as often as needed, then submitted (read-only after). On a submitted sheet 督查 turns findings into clues.
/// </summary>
[Authorize(Policy = Policies.Inspections)]
public sealed class SheetModel(InspectionWorkflow flow, AppDb db, CurrentUser me) : WorkflowPage
{
    /// <summary>The form of the page: the wall-clock time in China time as a datetime-local input sends it.</summary>
    public sealed record SheetForm
    {
        public string? VisitedAt { get; init; }
        public string? Place { get; init; }
        public string? Findings { get; init; }
        public List<MarkRequest> Marks { get; init; } = [];

        public SheetRequest ToRequest()
        {
            DateTimeOffset? at = null;
            if (!string.IsNullOrWhiteSpace(VisitedAt))
            {
                if (!DateTime.TryParse(VisitedAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                {
                    throw new RuleException("inspection.bad_time", "暗访时间格式不正确，请重新选择", 400);
                }
                at = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ChinaTime.Offset);
            }
            return new SheetRequest { VisitedAt = at, Place = Place, Findings = Findings ?? "", Marks = Marks };
        }
    }

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";

    public SheetView View { get; private set; } = null!;
    public bool CanPlan => me.IsIn(Roles.Supervisor);
    public bool Editable => View.Status == WireEnum.Name(SheetStatus.Draft);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostSaveAsync(SheetForm sheet, CancellationToken ct)
    {
        await flow.SaveSheetAsync(Id, sheet.ToRequest(), ct);
        TempData["Notice"] = "已保存";
        return RedirectToPage("Sheet", new { Id });
    }

    public async Task<IActionResult> OnPostSubmitAsync(SheetForm sheet, CancellationToken ct)
    {
        await flow.SubmitSheetAsync(Id, sheet.ToRequest(), ct);
        TempData["Notice"] = "记录表已提交";
        return RedirectToPage("Sheet", new { Id });
    }

    public async Task<IActionResult> OnPostPhotoAsync(IFormFile? photo, CancellationToken ct)
    {
        if (photo is null)
        {
            throw new RuleException("attachment.missing", "请选择要上传的照片", 400);
        }
        await using var stream = photo.OpenReadStream();
        await flow.AddPhotoAsync(Id, photo.FileName, stream, ct);
        TempData["Notice"] = "照片已上传";
        return RedirectToPage("Sheet", new { Id });
    }

    [Duty(Policies.PlanInspections)]
    public async Task<IActionResult> OnPostClueAsync(int? line, CancellationToken ct)
    {
        var (clue, created) = await flow.ToClueAsync(Id, new FindingClueRequest { Line = line }, ct);
        TempData["Notice"] = created ? "已转为问题线索" : "该问题已转为问题线索，未重复登记";
        return RedirectToPage("Sheet", new { Id });
    }

    protected internal override async Task LoadAsync(CancellationToken ct) => View = await InspectionsApi.SheetViewAsync(flow, db, Id, ct);
}
