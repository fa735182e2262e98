using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Attachments;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Clues;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Inspections;

public sealed record PlanRequest
{
    [Required(ErrorMessage = "请填写暗访计划名称")]
    [StringLength(100, MinimumLength = 2, ErrorMessage = "计划名称应为2至100字")]
    public required string Title { get; init; }

    [Required(ErrorMessage = "请填写暗访目的")]
    [StringLength(2000, MinimumLength = 2, ErrorMessage = "暗访目的应为2至2000字")]
    public required string Purpose { get; init; }

    [Required(ErrorMessage = "请填写开始日期")]
    public required DateOnly? StartsOn { get; init; }

    [Required(ErrorMessage = "请填写结束日期")]
    public required DateOnly? EndsOn { get; init; }

    /// <summary>The units to visit.</summary>
    public IReadOnlyList<string>? UnitIds { get; init; }

    /// <summary>What to check, one item a line.</summary>
    [StringLength(4000, ErrorMessage = "检查内容不能超过4000字")]
    public string? Checklist { get; init; }

    /// <summary>The accounts that visit: 督查、纪检 staff or outside visitors (暗访员).</summary>
    public IReadOnlyList<string>? VisitorIds { get; init; }
}

public sealed record MarkRequest
{
    public int Line { get; init; }

    public MarkResult Result { get; init; }

    [StringLength(1000, ErrorMessage = "每项说明不能超过1000字")]
    public string? Note { get; init; }
}

public sealed record SheetRequest
{
    public DateTimeOffset? VisitedAt { get; init; }

    [StringLength(200, ErrorMessage = "暗访地点不能超过200字")]
    public string? Place { get; init; }

    [StringLength(5000, ErrorMessage = "发现的问题不能超过5000字")]
    public string? Findings { get; init; }

    public IReadOnlyList<MarkRequest>? Marks { get; init; }
}

public sealed record NewSheetRequest
{
    [Required(ErrorMessage = "请选择暗访单位")]
    public required string UnitId { get; init; }
}

/// <summary>转为问题线索: a non-conforming line (by its number) or, without one, the sheet's findings text.</summary>
public sealed record FindingClueRequest
{
    public int? Line { get; init; }

    [StringLength(50, ErrorMessage = "问题类型不能超过50字")]
    public string? ProblemType { get; init; }
}

public sealed record PlanFilter(string? Status = null, string? Q = null, int Page = 1, int Size = 20);

/// <summary>One line of the visit report: how often a checklist item was found wanting.</summary>
public sealed record ReportLine(int Line, string Item, int Checked, int NonConforming);

public sealed record VisitReport(MysteryInspection Plan, IReadOnlyList<string> UnitIds, IReadOnlyList<string> VisitedUnitIds, IReadOnlyList<InspectionSheet> Sheets,
    IReadOnlyList<ReportLine> Lines, IReadOnlyList<Clue> Clues);

/// <summary>
/// 暗访: plans of the supervision office (督查 drafts, issues and closes them; 纪检 reads), record sheets of the visitors named in a
/// plan, findings turned into clues. An outside visitor sees only the issued plans naming them and only their own sheets; a unit sees
/// nothing (the endpoints refuse it by policy, and the workflow once more).
/// </summary>
public sealed class InspectionWorkflow(AppDb db, TimeProvider clock, CurrentUser user, AttachmentStore files)
{
    public const string PhotoOwner = "inspection-sheet";

    private DateTimeOffset Now => clock.GetUtcNow();

    private bool Supervisor => user.IsIn(Roles.Supervisor);

    /// <summary>督查 and 纪检 read every plan; anyone else only as a visitor named in it.</summary>
    private bool Office => user.IsIn(Roles.Supervisor, Roles.Inspector);

    /// <summary>How many issued plans name this visitor (the visitor's home page).</summary>
    public static Task<int> OpenPlansOfVisitorAsync(AppDb db, string userId, CancellationToken ct)
        => db.Set<MysteryInspection>().CountAsync(p => p.Status == InspectionStatus.Active
            && db.Set<InspectionVisitor>().Any(v => v.PlanId == p.Id && v.UserId == userId), ct);

    public async Task<MysteryInspection> CreateAsync(PlanRequest r, CancellationToken ct)
    {
        EnsureSupervisor();
        var (units, visitors, checklist) = await CheckAsync(r, ct);
        var id = Ids.New();
        var plan = new MysteryInspection { Id = id, Number = "AF" + Case.NumberOf(id, Now), CreatedBy = user.Id, CreatedAt = Now };
        plan.Revise(r.Title.Trim(), r.Purpose.Trim(), r.StartsOn!.Value, r.EndsOn!.Value, checklist, Now);
        db.Add(plan);
        db.AddRange(units.Select(u => new InspectionTarget { PlanId = id, UnitId = u }));
        db.AddRange(visitors.Select(v => new InspectionVisitor { PlanId = id, UserId = v }));
        db.PendingAction = "inspection.create";
        await db.SaveChangesAsync(ct);
        return plan;
    }

    /// <summary>A draft may be changed freely; an issued plan is fixed (its sheets follow its checklist).</summary>
    public async Task<MysteryInspection> UpdateAsync(string id, PlanRequest r, CancellationToken ct)
    {
        EnsureSupervisor();
        var plan = await GetAsync(id, ct);
        if (plan.Status != InspectionStatus.Draft)
        {
            throw new RuleException("inspection.not_draft", "暗访计划已下发，不能再修改", 409);
        }
        var (units, visitors, checklist) = await CheckAsync(r, ct);
        plan.Revise(r.Title.Trim(), r.Purpose.Trim(), r.StartsOn!.Value, r.EndsOn!.Value, checklist, Now);
        db.RemoveRange(await db.Set<InspectionTarget>().Where(t => t.PlanId == id).ToListAsync(ct));
        db.RemoveRange(await db.Set<InspectionVisitor>().Where(v => v.PlanId == id).ToListAsync(ct));
        db.AddRange(units.Select(u => new InspectionTarget { PlanId = id, UnitId = u }));
        db.AddRange(visitors.Select(v => new InspectionVisitor { PlanId = id, UserId = v }));
        db.PendingAction = "inspection.update";
        await db.SaveChangesAsync(ct);
        return plan;
    }

    private async Task<(List<string> Units, List<string> Visitors, string Checklist)> CheckAsync(PlanRequest r, CancellationToken ct)
    {
        if (r.EndsOn < r.StartsOn)
        {
            throw new RuleException("inspection.bad_dates", "结束日期不能早于开始日期", 400);
        }
        if (r.EndsOn!.Value.DayNumber - r.StartsOn!.Value.DayNumber > 366)
        {
            throw new RuleException("inspection.too_long", "一次暗访的时间不能超过一年", 400);
        }
        var units = (r.UnitIds ?? []).Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u.Trim()).Distinct().ToList();
        if (units.Count == 0)
        {
            throw new RuleException("inspection.no_units", "请选择至少一个暗访单位", 400);
        }
        if (await db.Units.CountAsync(u => units.Contains(u.Id), ct) != units.Count)
        {
            throw new RuleException("inspection.unknown_unit", "暗访单位不存在，请从列表中选择", 400);
        }
        var items = MysteryInspection.Lines(r.Checklist);
        if (items.Count == 0)
        {
            throw new RuleException("inspection.no_checklist", "请填写检查内容，每行一项（如 在岗在位、工作纪律、服务态度）", 400);
        }
        if (items.Count > MysteryInspection.MaxChecklist || items.Any(i => i.Length > 200))
        {
            throw new RuleException("inspection.bad_checklist", $"检查内容最多{MysteryInspection.MaxChecklist}项，每项不超过200字", 400);
        }
        var visitors = (r.VisitorIds ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct().ToList();
        if (visitors.Count == 0)
        {
            throw new RuleException("inspection.no_visitors", "请选择至少一名暗访人员", 400);
        }
        var known = await Candidates().Where(u => visitors.Contains(u.Id)).CountAsync(ct);
        if (known != visitors.Count)
        {
            throw new RuleException("inspection.bad_visitor", "暗访人员应为在用的督查、纪检或暗访员账号", 400);
        }
        return (units, visitors, string.Join('\n', items));
    }

    /// <summary>Who may be named a visitor: active accounts of 督查, 纪检 or outside visitors (暗访员) — never a unit's staff.</summary>
    public IQueryable<Accounts.UserAccount> Candidates()
        => db.Users.AsNoTracking().Where(u => u.IsActive && !u.Roles.Contains(Roles.Unit)
            && (u.Roles.Contains(Roles.Supervisor) || u.Roles.Contains(Roles.Inspector) || u.Roles.Contains(Roles.Visitor)));

    public Task<MysteryInspection> IssueAsync(string id, CancellationToken ct) => StepAsync(id, "inspection.issue", p => p.Issue(Now), ct);

    public Task<MysteryInspection> CloseAsync(string id, CancellationToken ct) => StepAsync(id, "inspection.close", p => p.Close(Now), ct);

    private async Task<MysteryInspection> StepAsync(string id, string action, Action<MysteryInspection> step, CancellationToken ct)
    {
        EnsureSupervisor();
        var plan = await GetAsync(id, ct);
        step(plan);
        db.PendingAction = action;
        await db.SaveChangesAsync(ct);
        return plan;
    }

    /// <summary>A plan the user may read; a visitor's plans not naming them, or still drafts, do not exist for them.</summary>
    public async Task<MysteryInspection> GetAsync(string id, CancellationToken ct)
    {
        EnsureNotUnit();
        var plan = await db.Set<MysteryInspection>().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("暗访计划");
        if (!Office && (plan.Status == InspectionStatus.Draft || !await IsVisitorAsync(id, ct)))
        {
            throw new NotFoundException("暗访计划");
        }
        return plan;
    }

    private Task<bool> IsVisitorAsync(string planId, CancellationToken ct)
        => db.Set<InspectionVisitor>().AnyAsync(v => v.PlanId == planId && v.UserId == user.Id, ct);

    public async Task<(List<MysteryInspection> Items, int Total)> SearchAsync(PlanFilter f, CancellationToken ct)
    {
        var query = Filtered(f);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(p => p.Status == InspectionStatus.Closed ? 1 : 0).ThenByDescending(p => p.StartsOn).ThenByDescending(p => p.CreatedAt)
            .Skip((f.Page - 1) * f.Size).Take(f.Size).ToListAsync(ct);
        return (items, total);
    }

    public async Task<List<MysteryInspection>> AllAsync(PlanFilter f, CancellationToken ct)
        => await Filtered(f).OrderByDescending(p => p.StartsOn).ToListAsync(ct);

    private IQueryable<MysteryInspection> Filtered(PlanFilter f)
    {
        EnsureNotUnit();
        var query = db.Set<MysteryInspection>().AsNoTracking();
        if (!Office)
        {
            var me = user.Id;
            query = query.Where(p => p.Status != InspectionStatus.Draft && db.Set<InspectionVisitor>().Any(v => v.PlanId == p.Id && v.UserId == me));
        }
        if (!string.IsNullOrWhiteSpace(f.Status))
        {
            var status = WireEnum.Parse<InspectionStatus>(f.Status, "status");
            query = query.Where(p => p.Status == status);
        }
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var q = f.Q.Trim();
            query = query.Where(p => p.Number.Contains(q) || p.Title.Contains(q) || p.Purpose.Contains(q));
        }
        return query;
    }

    public async Task<List<string>> UnitsOfAsync(string planId, CancellationToken ct)
        => await db.Set<InspectionTarget>().AsNoTracking().Where(t => t.PlanId == planId).Select(t => t.UnitId).ToListAsync(ct);

    public async Task<List<string>> VisitorsOfAsync(string planId, CancellationToken ct)
        => await db.Set<InspectionVisitor>().AsNoTracking().Where(v => v.PlanId == planId).Select(v => v.UserId).ToListAsync(ct);

    /// <summary>The sheets of a plan the user may read: the office reads all, a visitor only their own.</summary>
    public async Task<List<InspectionSheet>> SheetsAsync(string planId, CancellationToken ct)
    {
        await GetAsync(planId, ct);
        var query = db.Set<InspectionSheet>().AsNoTracking().Where(s => s.PlanId == planId);
        if (!Office)
        {
            var me = user.Id;
            query = query.Where(s => s.CreatedBy == me);
        }
        return await query.OrderBy(s => s.CreatedAt).ToListAsync(ct);
    }

    /// <summary>A new sheet for one unit of an issued plan, with the plan's checklist lines all 未检查.</summary>
    public async Task<InspectionSheet> StartSheetAsync(string planId, NewSheetRequest r, CancellationToken ct)
    {
        var plan = await GetAsync(planId, ct);
        if (!Supervisor && !await IsVisitorAsync(planId, ct))
        {
            throw new ForbiddenException("只有计划中的暗访人员和督查人员可以填写暗访记录表");
        }
        if (plan.Status != InspectionStatus.Active)
        {
            throw new RuleException("inspection.not_active", $"暗访计划{MysteryInspection.Label(plan.Status)}，不能填写记录表", 409);
        }
        if (!await db.Set<InspectionTarget>().AnyAsync(t => t.PlanId == planId && t.UnitId == r.UnitId, ct))
        {
            throw new RuleException("inspection.unit_not_in_plan", "该单位不在本次暗访计划中", 400);
        }
        var sheet = new InspectionSheet { Id = Ids.New(), PlanId = planId, UnitId = r.UnitId, CreatedBy = user.Id, CreatedAt = Now };
        sheet.Fill(null, null, null, Now);
        db.Add(sheet);
        db.AddRange(plan.Items.Select((item, i) => new InspectionMark { Id = Ids.New(), SheetId = sheet.Id, Line = i + 1, Item = item }));
        db.PendingAction = "inspection.sheet-start";
        await db.SaveChangesAsync(ct);
        return sheet;
    }

    public async Task<(InspectionSheet Sheet, MysteryInspection Plan)> GetSheetAsync(string sheetId, CancellationToken ct)
    {
        EnsureNotUnit();
        var sheet = await db.Set<InspectionSheet>().FirstOrDefaultAsync(s => s.Id == sheetId, ct) ?? throw new NotFoundException("暗访记录表");
        if (!Office && sheet.CreatedBy != user.Id)
        {
            throw new NotFoundException("暗访记录表");
        }
        var plan = await GetAsync(sheet.PlanId, ct);
        return (sheet, plan);
    }

    public async Task<List<InspectionMark>> MarksAsync(string sheetId, CancellationToken ct)
        => await db.Set<InspectionMark>().Where(m => m.SheetId == sheetId).OrderBy(m => m.Line).ToListAsync(ct);

    public Task<List<Attachment>> PhotosAsync(string sheetId, CancellationToken ct) => files.ListAsync(PhotoOwner, sheetId, ct);

    public async Task<InspectionSheet> SaveSheetAsync(string sheetId, SheetRequest r, CancellationToken ct)
    {
        var (sheet, _) = await EditableAsync(sheetId, ct);
        await ApplyAsync(sheet, r, ct);
        db.PendingAction = "inspection.sheet-save";
        await db.SaveChangesAsync(ct);
        return sheet;
    }

    /// <summary>提交: saves what is sent, then fixes the sheet; it needs the time and place of the visit and at least one checked line.</summary>
    public async Task<InspectionSheet> SubmitSheetAsync(string sheetId, SheetRequest? r, CancellationToken ct)
    {
        var (sheet, _) = await EditableAsync(sheetId, ct);
        if (r is not null)
        {
            await ApplyAsync(sheet, r, ct);
        }
        if (sheet.VisitedAt is null || string.IsNullOrWhiteSpace(sheet.Place))
        {
            throw new RuleException("inspection.sheet_incomplete", "提交前请填写暗访时间和地点", 400);
        }
        var marks = await MarksAsync(sheetId, ct);
        if (marks.All(m => m.Result == MarkResult.Unchecked))
        {
            throw new RuleException("inspection.sheet_unchecked", "提交前请至少检查一项（符合或不符合）", 400);
        }
        if (marks.Any(m => m.Result == MarkResult.NonConforming && string.IsNullOrWhiteSpace(m.Note)))
        {
            throw new RuleException("inspection.note_required", "不符合的项目请写明具体情况", 400);
        }
        sheet.Submit(user.Id, Now);
        db.PendingAction = "inspection.sheet-submit";
        await db.SaveChangesAsync(ct);
        return sheet;
    }

    public async Task<Attachment> AddPhotoAsync(string sheetId, string fileName, Stream content, CancellationToken ct)
    {
        var (sheet, _) = await EditableAsync(sheetId, ct);
        var staged = await files.StageAsync(PhotoOwner, sheet.Id, fileName, content, user.Id, ct);
        try
        {
            sheet.Fill(sheet.VisitedAt, sheet.Place, sheet.Findings, Now);
            db.PendingAction = "inspection.sheet-photo";
            await db.SaveChangesAsync(ct);
            return staged;
        }
        catch
        {
            files.Discard([staged]);
            throw;
        }
    }

    /// <summary>A photo of a sheet the user may read.</summary>
    public async Task<(Attachment Meta, Stream Content)> OpenPhotoAsync(string sheetId, string attachmentId, CancellationToken ct)
    {
        await GetSheetAsync(sheetId, ct);
        var (meta, content) = await files.OpenAsync(attachmentId, ct);
        if (meta.OwnerType != PhotoOwner || meta.OwnerId != sheetId)
        {
            await content.DisposeAsync();
            throw new NotFoundException("照片");
        }
        return (meta, content);
    }

    private async Task<(InspectionSheet, MysteryInspection)> EditableAsync(string sheetId, CancellationToken ct)
    {
        var (sheet, plan) = await GetSheetAsync(sheetId, ct);
        if (!Supervisor && sheet.CreatedBy != user.Id)
        {
            throw new ForbiddenException("只有填表人和督查人员可以修改暗访记录表");
        }
        if (sheet.Status == SheetStatus.Submitted)
        {
            throw new RuleException("inspection.sheet_submitted", "暗访记录表已提交，不能再修改", 409);
        }
        if (plan.Status != InspectionStatus.Active)
        {
            throw new RuleException("inspection.not_active", $"暗访计划{MysteryInspection.Label(plan.Status)}，不能再填写记录表", 409);
        }
        return (sheet, plan);
    }

    private async Task ApplyAsync(InspectionSheet sheet, SheetRequest r, CancellationToken ct)
    {
        if (r.VisitedAt is { } at && (at > Now.AddHours(1) || at < Now.AddYears(-1)))
        {
            throw new RuleException("inspection.bad_time", "暗访时间不能晚于现在，也不能早于一年前", 400);
        }
        var marks = await MarksAsync(sheet.Id, ct);
        foreach (var m in r.Marks ?? [])
        {
            var mark = marks.FirstOrDefault(x => x.Line == m.Line)
                ?? throw new RuleException("inspection.bad_line", $"检查项第{m.Line}项不存在", 400);
            if (!Enum.IsDefined(m.Result))
            {
                throw new RuleException("inspection.bad_result", "检查结果应为符合、不符合或未检查", 400);
            }
            mark.Result = m.Result;
            mark.Note = m.Note.TrimToNull();
        }
        sheet.Fill(r.VisitedAt ?? sheet.VisitedAt, r.Place.TrimToNull() ?? sheet.Place, r.Findings is null ? sheet.Findings : r.Findings.TrimToNull(), Now);
    }


    /// <summary>
    /// 转为问题线索 in one step: a non-conforming line, or the findings text, becomes a clue (source 暗访) of the visited unit. Once:
    /// asking again returns the clue already made.
    /// </summary>
    public async Task<(Clue Clue, bool Created)> ToClueAsync(string sheetId, FindingClueRequest r, CancellationToken ct)
    {
        EnsureSupervisor();
        var (sheet, plan) = await GetSheetAsync(sheetId, ct);
        if (sheet.Status != SheetStatus.Submitted)
        {
            throw new RuleException("inspection.sheet_not_submitted", "记录表提交后才能将发现的问题转为线索", 409);
        }
        var type = string.IsNullOrWhiteSpace(r.ProblemType) ? "laxity" : r.ProblemType.Trim();
        if (!await db.Set<ProblemType>().AnyAsync(p => p.Code == type, ct))
        {
            throw new RuleException("inspection.unknown_problem_type", "问题类型不存在，请从列表中选择", 400);
        }
        var when = sheet.VisitedAt is { } v ? ChinaTime.Format(v) : "";
        string content;
        InspectionMark? mark = null;
        if (r.Line is { } line)
        {
            mark = (await MarksAsync(sheetId, ct)).FirstOrDefault(m => m.Line == line)
                ?? throw new RuleException("inspection.bad_line", $"检查项第{line}项不存在", 400);
            if (mark.Result != MarkResult.NonConforming)
            {
                throw new RuleException("inspection.line_conforming", "只有“不符合”的检查项才能转为问题线索", 400);
            }
            if (mark.ClueId is not null)
            {
                return (await db.Set<Clue>().FirstAsync(c => c.Id == mark.ClueId, ct), false);
            }
            content = $"暗访发现（{plan.Number}，{when}）：{mark.Item}不符合要求。{mark.Note}";
        }
        else
        {
            if (string.IsNullOrWhiteSpace(sheet.Findings))
            {
                throw new RuleException("inspection.no_findings", "记录表没有填写发现的问题，请选择一项不符合的检查项", 400);
            }
            if (sheet.FindingsClueId is not null)
            {
                return (await db.Set<Clue>().FirstAsync(c => c.Id == sheet.FindingsClueId, ct), false);
            }
            content = $"暗访发现（{plan.Number}，{when}）：{sheet.Findings}";
        }
        var clue = new Clue
        {
            Id = Ids.New(), Source = ClueSource.Mystery, UnitId = sheet.UnitId, ProblemType = type, Content = content.Length > 5000 ? content[..5000] : content,
            Place = sheet.Place, RegisteredBy = user.Id, RegisteredAt = Now,
        };
        db.Add(clue);
        if (mark is not null)
        {
            mark.ClueId = clue.Id;
        }
        else
        {
            sheet.FindingsBecame(clue.Id, Now);
        }
        db.PendingAction = "inspection.clue";
        await db.SaveChangesAsync(ct);
        return (clue, true);
    }

    /// <summary>暗访报告: units planned and visited, the submitted sheets, non-conformities per checklist line, clues made.</summary>
    public async Task<VisitReport> ReportAsync(string planId, CancellationToken ct)
    {
        var plan = await GetAsync(planId, ct);
        if (!Office)
        {
            throw new ForbiddenException("暗访报告由督查、纪检人员查阅");
        }
        var units = await UnitsOfAsync(planId, ct);
        var sheets = (await SheetsAsync(planId, ct)).Where(s => s.Status == SheetStatus.Submitted).ToList();
        var ids = sheets.Select(s => s.Id).ToList();
        var marks = await db.Set<InspectionMark>().AsNoTracking().Where(m => ids.Contains(m.SheetId)).ToListAsync(ct);
        var lines = plan.Items.Select((item, i) => new ReportLine(i + 1, item,
            marks.Count(m => m.Line == i + 1 && m.Result != MarkResult.Unchecked), marks.Count(m => m.Line == i + 1 && m.Result == MarkResult.NonConforming))).ToList();
        var clueIds = marks.Where(m => m.ClueId != null).Select(m => m.ClueId!).Concat(sheets.Where(s => s.FindingsClueId != null).Select(s => s.FindingsClueId!)).ToList();
        var clues = await db.Set<Clue>().AsNoTracking().Where(c => clueIds.Contains(c.Id)).OrderBy(c => c.RegisteredAt).ToListAsync(ct);
        return new VisitReport(plan, units, sheets.Select(s => s.UnitId).Distinct().ToList(), sheets, lines, clues);
    }

    private void EnsureSupervisor()
    {
        if (!Supervisor)
        {
            throw new ForbiddenException("暗访计划由督查人员制定和管理");
        }
    }

    private void EnsureNotUnit()
    {
        if (!user.IsIn(Roles.Supervisor, Roles.Inspector, Roles.Visitor))
        {
            throw new ForbiddenException("无权查看暗访");
        }
    }
}
