using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Import;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Attendance;

/// <summary>考勤导入: upload a terminal's export, see what it would add and which rows cannot be used, then import.</summary>
[Authorize(Policy = Policies.ImportAttendance)]
[RequestSizeLimit(SheetReader.MaxBytes + 64 * 1024)]
public sealed class ImportModel(AttendanceImporter importer, DispatchChoices choices, CurrentUser user, CustomTerminals terminals) : WorkflowPage
{
    [BindProperty] public string? Terminal { get; set; }
    [BindProperty] public string? UnitId { get; set; }

    public List<DispatchChoices.Choice> Units { get; private set; } = [];
    public List<TerminalModel> Terminals { get; private set; } = [];
    public AttendanceImportResult? Result { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task OnPostPreviewAsync(IFormFile? file, CancellationToken ct) => RunAsync(file, false, ct);

    public Task OnPostImportAsync(IFormFile? file, CancellationToken ct) => RunAsync(file, true, ct);

    private async Task RunAsync(IFormFile? file, bool commit, CancellationToken ct)
    {
        if (file is null)
        {
            throw new RuleException("attendance.no_file", "请选择考勤机导出的 CSV 或 Excel 文件", 400);
        }
        await using var stream = file.OpenReadStream();
        Result = await importer.ImportAsync(Terminal, UnitId, stream, commit, ct);
        await LoadAsync(ct);
    }

    protected internal override async Task LoadAsync(CancellationToken ct)
    {
        Units = await AttendancePages.UnitChoicesAsync(choices, user, ct);
        Terminals = await terminals.ListAsync(ct);
        UnitId ??= user.IsAreaWide ? null : user.UnitId;
    }
}
