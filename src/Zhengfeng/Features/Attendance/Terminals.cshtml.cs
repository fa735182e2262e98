using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zhengfeng.Features.Exports;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Attendance;

/// <summary>考勤机型号: the built-in models and the county's own; supervision adds, edits and deletes the county's own.</summary>
[Authorize(Policy = Policies.ImportAttendance)]
public sealed class TerminalsModel(CustomTerminals terminals) : WorkflowPage
{
    /// <summary>The form: each field's accepted headers typed in one box, separated by 、 or commas.</summary>
    public sealed class TerminalForm
    {
        public string? Id { get; set; }
        public string Name { get; set; } = "";
        public string Code { get; set; } = "";
        public string Kind { get; set; } = "punch";
        public string? No { get; set; }
        public string? Person { get; set; }
        public string? Department { get; set; }
        public string? DateTime { get; set; }
        public string? Date { get; set; }
        public string? In { get; set; }
        public string? Out { get; set; }

        public static TerminalForm Of(CustomTerminal t)
        {
            static string Text(string lines) => string.Join("、", CustomTerminals.Lines(lines));
            return new()
            {
                Id = t.Id, Name = t.Name, Code = t.Code, Kind = WireEnum.Name(t.Kind), No = Text(t.NoColumns), Person = Text(t.NameColumns),
                Department = Text(t.DepartmentColumns), DateTime = Text(t.DateTimeColumns), Date = Text(t.DateColumns), In = Text(t.InColumns),
                Out = Text(t.OutColumns),
            };
        }

        public TerminalRequest Request() => new()
        {
            Name = Name,
            Code = Code,
            Kind = WireEnum.TryParse<TerminalKind>(Kind, out var kind) ? kind : null,
            NoColumns = CustomTerminals.SplitHeaders(No),
            NameColumns = CustomTerminals.SplitHeaders(Person),
            DepartmentColumns = CustomTerminals.SplitHeaders(Department),
            DateTimeColumns = CustomTerminals.SplitHeaders(DateTime),
            DateColumns = CustomTerminals.SplitHeaders(Date),
            InColumns = CustomTerminals.SplitHeaders(In),
            OutColumns = CustomTerminals.SplitHeaders(Out),
        };
    }

    /// <summary>The county's own model being edited (GET ?id=).</summary>
    [BindProperty(SupportsGet = true)] public string? Id { get; set; }

    public List<TerminalModel> Models { get; private set; } = [];
    public bool MayEdit => terminals.MayEdit;
    public string ExportLink => ExportLinks.Xlsx("/api/v1/attendance/terminals.xlsx");

    /// <summary>The form as posted to a refused save, else the model being edited, else an empty one.</summary>
    public TerminalForm Form => Argument<TerminalForm>("form") ?? _editing ?? new();

    private TerminalForm? _editing;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(Id) && MayEdit)
        {
            _editing = TerminalForm.Of(await terminals.GetAsync(Id, ct));
        }
        await LoadAsync(ct);
    }

    [Duty(Policies.Supervise)]
    public async Task<IActionResult> OnPostSaveAsync(TerminalForm form, CancellationToken ct)
    {
        var saved = string.IsNullOrEmpty(form.Id)
            ? await terminals.CreateAsync(form.Request(), ct)
            : await terminals.UpdateAsync(form.Id, form.Request(), ct);
        TempData["Notice"] = $"已保存考勤机型号“{saved.Name}”，导入考勤记录时可以选用";
        return RedirectToPage();
    }

    [Duty(Policies.Supervise)]
    public async Task<IActionResult> OnPostDeleteAsync(string id, CancellationToken ct)
    {
        var t = await terminals.GetAsync(id, ct);
        await terminals.DeleteAsync(id, ct);
        TempData["Notice"] = $"已删除考勤机型号“{t.Name}”";
        return RedirectToPage(new { id = (string?)null });
    }

    protected internal override async Task LoadAsync(CancellationToken ct) => Models = await terminals.ListAsync(ct);
}
