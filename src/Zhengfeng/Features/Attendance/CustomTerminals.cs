using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Attendance;

// 自定义考勤机型号 → CustomTerminal · 每次打卡一行 → TerminalKind.Punch · 每人每天一行 → TerminalKind.Daily

/// <summary>How a terminal's export is laid out: one row per punch, or one row per person and day with the first and last punch.</summary>
public enum TerminalKind { Punch, Daily }

/// <summary>
/// A sign-in terminal model defined by the county, beside the built-in ones of <see cref="TerminalModel"/>. Each field's accepted
/// column headers are kept as one header per line, so the model stays portable across SQLite and PostgreSQL.
/// </summary>
public sealed class CustomTerminal
{
    public required string Id { get; init; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public TerminalKind Kind { get; set; }
    public string NoColumns { get; set; } = "";
    public string NameColumns { get; set; } = "";
    public string DepartmentColumns { get; set; } = "";
    public string DateTimeColumns { get; set; } = "";
    public string DateColumns { get; set; } = "";
    public string InColumns { get; set; } = "";
    public string OutColumns { get; set; } = "";
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class CustomTerminalConfiguration : IEntityTypeConfiguration<CustomTerminal>
{
    public void Configure(EntityTypeBuilder<CustomTerminal> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Code).HasMaxLength(30);
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        foreach (var p in new[] { nameof(CustomTerminal.NoColumns), nameof(CustomTerminal.NameColumns), nameof(CustomTerminal.DepartmentColumns),
            nameof(CustomTerminal.DateTimeColumns), nameof(CustomTerminal.DateColumns), nameof(CustomTerminal.InColumns), nameof(CustomTerminal.OutColumns) })
        {
            b.Property<string>(p).HasMaxLength(CustomTerminals.MaxColumnText);
        }
        b.Property(x => x.CreatedBy).HasMaxLength(32);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.Name).IsUnique();
    }
}

/// <summary>A terminal model as posted: the accepted column headers of each field, the first one being the one shown in messages.</summary>
public sealed record TerminalRequest
{
    [Required(ErrorMessage = "请填写型号代码")]
    public required string Code { get; init; }

    [Required(ErrorMessage = "请填写型号名称")]
    public required string Name { get; init; }

    [Required(ErrorMessage = "请选择导出格式（punch 每次打卡一行、daily 每人每天一行）")]
    public required TerminalKind? Kind { get; init; }

    public IReadOnlyList<string>? NoColumns { get; init; }
    public IReadOnlyList<string>? NameColumns { get; init; }
    public IReadOnlyList<string>? DepartmentColumns { get; init; }
    public IReadOnlyList<string>? DateTimeColumns { get; init; }
    public IReadOnlyList<string>? DateColumns { get; init; }
    public IReadOnlyList<string>? InColumns { get; init; }
    public IReadOnlyList<string>? OutColumns { get; init; }
}

/// <summary>考勤机型号: the built-in models and the county's own, found by code for an import; the county's own are created, edited and deleted here.</summary>
public sealed partial class CustomTerminals(AppDb db, TimeProvider clock, CurrentUser user)
{
    public const int MaxColumnText = 500;
    public const int MaxHeadersPerField = 10;
    public const int MaxHeaderLength = 30;

    /// <summary>The roles that define terminal models (the API's policy, checked again here because the page serves importers too).</summary>
    public static readonly string[] Editors = [Roles.Supervisor, Roles.Admin];

    public bool MayEdit => user.IsIn(Editors);

    /// <summary>Built-in models first, then the county's own by name.</summary>
    public async Task<List<TerminalModel>> ListAsync(CancellationToken ct)
        => [.. TerminalModel.All, .. (await CustomListAsync(ct)).Select(TerminalModel.From)];

    public async Task<List<CustomTerminal>> CustomListAsync(CancellationToken ct)
        => (await db.Set<CustomTerminal>().AsNoTracking().ToListAsync(ct)).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();

    public async Task<CustomTerminal> GetAsync(string id, CancellationToken ct)
        => await db.Set<CustomTerminal>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("考勤机型号");

    /// <summary>The model an import names by its code: a built-in one or the county's own.</summary>
    public async Task<TerminalModel> FindAsync(string? code, CancellationToken ct)
    {
        var wanted = code?.Trim().ToLowerInvariant() ?? "";
        if (TerminalModel.All.FirstOrDefault(m => m.Code == wanted) is { } builtIn)
        {
            return builtIn;
        }
        if (wanted.Length > 0 && await db.Set<CustomTerminal>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == wanted, ct) is { } custom)
        {
            return TerminalModel.From(custom);
        }
        var all = await ListAsync(ct);
        throw new RuleException("attendance.unknown_terminal", $"请选择考勤机型号（{string.Join("、", all.Select(m => m.Code + " " + m.Name))}）", 400);
    }

    public async Task<CustomTerminal> CreateAsync(TerminalRequest r, CancellationToken ct)
    {
        EnsureEditor();
        await ValidateAsync(r, null, ct);
        var now = clock.GetUtcNow();
        var t = new CustomTerminal { Id = Ids.New(), Code = "", Name = "", CreatedBy = user.Id, CreatedAt = now };
        Apply(t, r, now);
        db.Add(t);
        db.PendingAction = "attendance.terminal.create";
        await db.SaveChangesAsync(ct);
        return t;
    }

    /// <summary>A model earlier imports used may still change: each punch keeps the time it was read with, not the mapping.</summary>
    public async Task<CustomTerminal> UpdateAsync(string id, TerminalRequest r, CancellationToken ct)
    {
        EnsureEditor();
        var t = await db.Set<CustomTerminal>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("考勤机型号");
        await ValidateAsync(r, id, ct);
        Apply(t, r, clock.GetUtcNow());
        db.PendingAction = "attendance.terminal.update";
        await db.SaveChangesAsync(ct);
        return t;
    }

    public async Task DeleteAsync(string id, CancellationToken ct)
    {
        EnsureEditor();
        var t = await db.Set<CustomTerminal>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("考勤机型号");
        db.Remove(t);
        db.PendingAction = "attendance.terminal.delete";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Headers typed into one box of the page: separated by 、，, ; or new lines.</summary>
    public static List<string> SplitHeaders(string? text)
        => (text ?? "").Split(['、', '，', ',', '；', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private void EnsureEditor()
    {
        if (!MayEdit)
        {
            throw new ForbiddenException("只有督查和管理员可以维护考勤机型号");
        }
    }

    private static void Apply(CustomTerminal t, TerminalRequest r, DateTimeOffset now)
    {
        var daily = r.Kind == TerminalKind.Daily;
        t.Code = r.Code.Trim();
        t.Name = r.Name.Trim();
        t.Kind = r.Kind!.Value;
        t.NoColumns = Join(r.NoColumns);
        t.NameColumns = Join(r.NameColumns);
        t.DepartmentColumns = Join(r.DepartmentColumns);
        // The fields of the other layout are not read, so they are not kept either.
        t.DateTimeColumns = daily ? "" : Join(r.DateTimeColumns);
        t.DateColumns = daily ? Join(r.DateColumns) : "";
        t.InColumns = daily ? Join(r.InColumns) : "";
        t.OutColumns = daily ? Join(r.OutColumns) : "";
        t.UpdatedAt = now;
    }

    private static List<string> Clean(IReadOnlyList<string>? headers)
        => (headers ?? []).Select(h => h?.Trim() ?? "").Where(h => h.Length > 0).Distinct().ToList();

    private static string Join(IReadOnlyList<string>? headers) => string.Join("\n", Clean(headers));

    private async Task ValidateAsync(TerminalRequest r, string? id, CancellationToken ct)
    {
        // The page calls this directly, so the request's annotations are checked here as well as by the API.
        var name = r.Name?.Trim() ?? "";
        if (name.Length is < 2 or > 50)
        {
            throw Bad("型号名称应为2至50字");
        }
        var code = r.Code?.Trim() ?? "";
        if (!CodePattern().IsMatch(code))
        {
            throw Bad("型号代码只能用小写字母、数字和连字符，以字母或数字开头，长度2至30，如 hanvon-f7");
        }
        if (r.Kind is not { } kind)
        {
            throw Bad("请选择导出格式：每次打卡一行，或每人每天一行");
        }
        var fields = new List<(string Label, List<string> Headers)>
        {
            ("工号", Clean(r.NoColumns)), ("姓名", Clean(r.NameColumns)), ("部门", Clean(r.DepartmentColumns)),
        };
        fields.AddRange(kind == TerminalKind.Daily
            ? [("日期", Clean(r.DateColumns)), ("上班打卡时间", Clean(r.InColumns)), ("下班打卡时间", Clean(r.OutColumns))]
            : [("日期时间", Clean(r.DateTimeColumns))]);
        if (fields[0].Headers.Count == 0 && fields[1].Headers.Count == 0)
        {
            throw Bad("请至少填写工号列或姓名列的列名，用来匹配干部");
        }
        var missing = fields.Skip(3).Where(f => f.Headers.Count == 0).Select(f => $"“{f.Label}”").ToList();
        if (missing.Count > 0)
        {
            throw Bad($"请填写{string.Join("、", missing)}列的列名");
        }
        if (fields.FirstOrDefault(f => f.Headers.Count > MaxHeadersPerField) is { Label: not null } many)
        {
            throw Bad($"“{many.Label}”最多填写{MaxHeadersPerField}个列名");
        }
        if (fields.SelectMany(f => f.Headers).FirstOrDefault(h => h.Length > MaxHeaderLength || h.Contains('\n', StringComparison.Ordinal)) is { } bad)
        {
            throw Bad($"列名“{bad[..Math.Min(bad.Length, MaxHeaderLength)]}”过长或含有换行（每个列名不超过{MaxHeaderLength}字）");
        }
        var twice = fields.SelectMany(f => f.Headers.Select(h => (f.Label, Header: h))).GroupBy(x => x.Header).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw Bad($"列名“{twice.Key}”同时填在了{string.Join("和", twice.Select(x => $"“{x.Label}”"))}中，一列只能对应一项");
        }
        if (TerminalModel.All.FirstOrDefault(m => m.Code == code || m.Name == name) is { } builtIn)
        {
            throw new RuleException("attendance.terminal_duplicate", $"与内置型号“{builtIn.Name}”的代码或名称相同，请换一个", 409);
        }
        if (await db.Set<CustomTerminal>().AnyAsync(t => t.Code == code && t.Id != id, ct))
        {
            throw new RuleException("attendance.terminal_duplicate", $"型号代码“{code}”已被使用", 409);
        }
        if (await db.Set<CustomTerminal>().AnyAsync(t => t.Name == name && t.Id != id, ct))
        {
            throw new RuleException("attendance.terminal_duplicate", $"型号名称“{name}”已存在", 409);
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,29}$")]
    private static partial Regex CodePattern();

    private static RuleException Bad(string message) => new("attendance.bad_terminal", message, 400);
}
