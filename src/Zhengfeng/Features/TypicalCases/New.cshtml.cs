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
public sealed class NewModel(TypicalCaseWorkflow flow, TypicalSources sources) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string? SourceType { get; set; }
    [BindProperty(SupportsGet = true)] public string? SourceId { get; set; }

    public SourceRecord? Source { get; private set; }
    public List<SourceRecord> Candidates { get; private set; } = [];
    public IReadOnlyList<TypicalSourceType> Types { get; private set; } = [];
    public TypicalSourceType PickerType { get; private set; }
    public string Title { get; private set; } = "";
    public string Facts { get; private set; } = "";
    public string Lesson { get; private set; } = "";
    public string? Kind { get; private set; }

    public IReadOnlyList<TypicalCaseKind> KindsFor(SourceRecord record) => flow.KindsFor(record);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(SourceId))
        {
            await LoadAsync(ct);
            return;
        }
        Types = DraftableTypes();
        Source = await flow.SourceAsync(WireEnum.Parse<TypicalSourceType>(SourceType, "sourceType"), SourceId, null, ct);
        Title = Source.Title;
        Facts = Source.Facts;
        Kind = KindsFor(Source) is [var first, ..] ? WireEnum.Name(first) : null;
    }

    public async Task<IActionResult> OnPostAsync(DraftTypicalCaseRequest draft, CancellationToken ct)
    {
        var item = await flow.DraftAsync(draft, ct);
        TempData["Notice"] = "已保存为草稿，可继续修改后提交审核";
        return RedirectToPage("Detail", new { id = item.Id });
    }

    /// <summary>The picker; after a refused draft, the form as posted with its source when that can still be used.</summary>
    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Types = DraftableTypes();
        if (Argument<DraftTypicalCaseRequest>("draft") is { } draft)
        {
            (SourceType, SourceId) = (draft.SourceType is { } st ? WireEnum.Name(st) : null, draft.SourceId);
            (Title, Facts, Lesson, Kind) = (draft.Title ?? "", draft.Facts ?? "", draft.Lesson ?? "", draft.Kind is { } kind ? WireEnum.Name(kind) : null);
            if (WireEnum.TryParse<TypicalSourceType>(SourceType, out var type) && !string.IsNullOrWhiteSpace(SourceId))
            {
                Source = await TypicalCasePages.SourceOrNullAsync(sources, type, SourceId, ct);
            }
        }
        PickerType = WireEnum.TryParse<TypicalSourceType>(SourceType, out var t) && Types.Contains(t) ? t : Types[0];
        if (Source is null)
        {
            Candidates = await flow.CandidatesAsync(PickerType, ct);
        }
    }

    private TypicalSourceType[] DraftableTypes() => [.. Enum.GetValues<TypicalSourceType>().Where(flow.MayDraftFrom)];
}
