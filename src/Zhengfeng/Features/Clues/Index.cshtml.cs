using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Exports;
using Zhengfeng.Features.Import;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Clues;

/// <summary>
/// 问题线索: the clues the user may see, the register form (supervisors and inspectors), the self-inspection form
/// (units), and the 巡察反馈 batch upload with its table of refused rows.
/// </summary>
[RequestSizeLimit(SheetReader.MaxBytes + 64 * 1024)]
public sealed class IndexModel(ClueWorkflow flow, TourImport tour, AppDb db, UnitTree tree, CurrentUser me, IAuthorizationService auth) : WorkflowPage
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Source { get; set; }
    [BindProperty(SupportsGet = true)] public string? UnitId { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Page<Clue> Result { get; private set; } = new([], 0, 1, PageSize);
    public Dictionary<string, string> UnitNames { get; private set; } = [];
    public Dictionary<string, string> TypeNames { get; private set; } = [];
    public List<ProblemType> Types { get; private set; } = [];
    /// <summary>Units a supervisor may name in a clue.</summary>
    public List<Unit> Units { get; private set; } = [];
    /// <summary>A unit's own units, for its self-inspection findings.</summary>
    public List<Unit> OwnUnits { get; private set; } = [];
    public bool CanRegister { get; private set; }
    public bool CanSelfReport { get; private set; }
    /// <summary>The rows of a refused 巡察反馈 file, each with its problem.</summary>
    public IReadOnlyList<RowError> ImportErrors => (Refusal as TourImportRejected)?.Errors ?? [];

    public static readonly IReadOnlyList<ClueSource> RegisterSources = [ClueSource.Mystery, ClueSource.Tour, ClueSource.Report, ClueSource.Mailbox, ClueSource.Case];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    [Duty(Policies.Inspect)]
    public Task<IActionResult> OnPostRegisterAsync(CreateClueRequest register, CancellationToken ct) => CreateAsync(register, ct);

    public async Task<IActionResult> OnPostSelfAsync(CreateClueRequest self, CancellationToken ct)
        => me.IsIn(Roles.Unit) ? await CreateAsync(self with { Source = ClueSource.Self }, ct) : Forbid();

    [Duty(Policies.Inspect)]
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null)
        {
            throw new RuleException("tour.no_file", "请选择要导入的巡察反馈文件", 400);
        }
        await using var stream = file.OpenReadStream();
        var result = await tour.ImportAsync(stream, ct);
        TempData["Notice"] = $"已导入巡察反馈问题 {result.Imported} 条（批次 {result.BatchId}）";
        return RedirectToPage("Index", new { source = "tour" });
    }

    private async Task<IActionResult> CreateAsync(CreateClueRequest request, CancellationToken ct)
    {
        var clue = await flow.CreateAsync(request, ct);
        TempData["Notice"] = clue.Source == ClueSource.Self ? "已登记自查自纠问题" : "已登记问题线索";
        return RedirectToPage("Detail", new { id = clue.Id });
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Result = await flow.SearchAsync(WireEnum.TryParse<ClueStatus>(Status, out var s) ? s : null, UnitId, WireEnum.TryParse<ClueSource>(Source, out var src) ? src : null, PageNumber, PageSize, ct);
        var all = await db.Units.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.SortOrder).ThenBy(u => u.Code).ToListAsync(ct);
        UnitNames = all.ToDictionary(u => u.Id, u => u.Name);
        Types = await db.Set<ProblemType>().AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);
        TypeNames = Types.ToDictionary(t => t.Code, t => t.Name);
        CanRegister = await MayAsync(Policies.Inspect);
        CanSelfReport = me.IsIn(Roles.Unit);
        var visible = await me.VisibleUnitsAsync(ct);
        Units = all.Where(u => !Unit.IsArea(u.Kind) && (visible is null || visible.Contains(u.Id))).ToList();
        if (CanSelfReport)
        {
            var own = UnitTree.Subtree(await tree.GetAsync(db, ct), me.UnitId);
            OwnUnits = all.Where(u => own.Contains(u.Id)).ToList();
        }
    }

    private async Task<bool> MayAsync(string policy) => (await auth.AuthorizeAsync(User, policy)).Succeeded;

    public string TypeName(string code) => TypeNames.GetValueOrDefault(code, code);

    public string ExportLink => ExportLinks.Xlsx("/api/v1/exports/clues.xlsx", ("status", WireEnum.TryParse<ClueStatus>(Status, out var s) ? WireEnum.Name(s) : null),
        ("source", WireEnum.TryParse<ClueSource>(Source, out var src) ? WireEnum.Name(src) : null), ("unitId", UnitId));

    public string PageLink(int page) => Url.Page("Index", new { Status, Source, UnitId, p = page })!;
}
