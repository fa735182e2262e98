using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengfeng.Features.Cases;
using Zhengfeng.Web;

namespace Zhengfeng.Features.TypicalCases;

/// <summary>
/// 选为典型案例: without a record, a picker of the records that would make a fair example; with one, the draft form filled
/// with the record's facts so the drafter edits rather than retypes.
/// </summary>
[Authorize(Policy = Policies.DraftTypical)]
public sealed class NewModel(TypicalCaseWorkflow flow) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? SourceType { get; set; }
    [BindProperty(SupportsGet = true)] public string? SourceId { get; set; }

    public SourceRecord? Source { get; private set; }
    public List<SourceRecord> Candidates { get; private set; } = [];
    public IReadOnlyList<TypicalSourceType> Types { get; private set; } = [];
    public TypicalSourceType PickerType { get; private set; }
    public string? Error { get; private set; }
    public string Title { get; private set; } = "";
    public string Facts { get; private set; } = "";
    public string Lesson { get; private set; } = "";
    public string? Kind { get; private set; }

    public IReadOnlyList<TypicalCaseKind> KindsFor(SourceRecord record) => flow.KindsFor(record);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Source is not null)
        {
            Title = Source.Title;
            Facts = Source.Facts;
            Kind = KindsFor(Source) is [var first, ..] ? WireEnum.Name(first) : null;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(DraftTypicalCaseRequest draft, CancellationToken ct)
    {
        SourceType = draft.SourceType is { } type ? WireEnum.Name(type) : null;
        SourceId = draft.SourceId;
        if (CasePages.Invalid(draft) is { } invalid)
        {
            Error = invalid;
        }
        else
        {
            try
            {
                var item = await flow.DraftAsync(draft, ct);
                TempData["Notice"] = "已保存为草稿，可继续修改后提交审核";
                return RedirectToPage("Detail", new { id = item.Id });
            }
            catch (RuleException e)
            {
                Error = e.Message;
            }
        }
        await LoadAsync(ct);
        (Title, Facts, Lesson, Kind) = (draft.Title ?? "", draft.Facts ?? "", draft.Lesson ?? "", draft.Kind is { } kind ? WireEnum.Name(kind) : null);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Types = [.. Enum.GetValues<TypicalSourceType>().Where(flow.MayDraftFrom)];
        PickerType = WireEnum.TryParse<TypicalSourceType>(SourceType, out var t) && Types.Contains(t) ? t : Types[0];
        if (!string.IsNullOrWhiteSpace(SourceId))
        {
            try
            {
                Source = await flow.SourceAsync(WireEnum.Parse<TypicalSourceType>(SourceType, "sourceType"), SourceId, null, ct);
                return;
            }
            catch (RuleException e)
            {
                Error ??= e.Message;
            }
        }
        Candidates = await flow.CandidatesAsync(PickerType, ct);
    }
}
