using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Calendar;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Clues;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Reports;

public sealed record ReportReporter(string? Name, string? Phone);

public sealed record SubmitReportRequest
{
    [Required(ErrorMessage = "请填写举报内容")]
    [StringLength(5000, MinimumLength = 10, ErrorMessage = "举报内容应为10至5000字，请写明何人、何时、何地、何事")]
    public required string Content { get; init; }

    public string? AccusedUnitId { get; init; }

    [StringLength(100, ErrorMessage = "被举报人姓名或职务不能超过100字")]
    public string? AccusedName { get; init; }

    public bool Anonymous { get; init; }

    public ReportReporter? Reporter { get; init; }
}

/// <summary>A report taken by 纪检 staff from a call, a letter or a visit.</summary>
public sealed record EnterReportRequest
{
    [Required(ErrorMessage = "请选择举报方式（phone 电话、letter 来信、visit 来访）")]
    public required ReportChannel? Channel { get; init; }

    [Required(ErrorMessage = "请填写举报内容")]
    [StringLength(5000, MinimumLength = 10, ErrorMessage = "举报内容应为10至5000字")]
    public required string Content { get; init; }

    public string? AccusedUnitId { get; init; }

    [StringLength(100, ErrorMessage = "被举报人姓名或职务不能超过100字")]
    public string? AccusedName { get; init; }

    public bool Anonymous { get; init; }

    public ReportReporter? Reporter { get; init; }

    /// <summary>When the call came or the letter arrived, if earlier than now.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }
}

public sealed record ReportTextRequest
{
    [Required(ErrorMessage = "请填写内容")]
    [StringLength(5000, MinimumLength = 2, ErrorMessage = "内容应为2至5000字")]
    public required string Text { get; init; }
}

public sealed record ConcludeReportRequest
{
    [Required(ErrorMessage = "请选择初核结论（true 属实、partial 部分属实、false 不属实）")]
    public required ReportFinding? Finding { get; init; }

    [Required(ErrorMessage = "请填写办结意见")]
    [StringLength(5000, MinimumLength = 2, ErrorMessage = "办结意见应为2至5000字")]
    public required string Conclusion { get; init; }
}

public sealed record ForwardReportRequest
{
    [Required(ErrorMessage = "请填写转送机关")]
    [StringLength(200, MinimumLength = 2, ErrorMessage = "转送机关应为2至200字")]
    public required string To { get; init; }

    [StringLength(2000, ErrorMessage = "转送说明不能超过2000字")]
    public string? Note { get; init; }
}

/// <summary>转为问题线索: the clue carries the office's own summary, not the reporter's words (不得摘抄举报材料).</summary>
public sealed record TransferReportRequest
{
    [Required(ErrorMessage = "请选择涉及单位")]
    public required string UnitId { get; init; }

    [Required(ErrorMessage = "请选择问题类型")]
    [StringLength(50, ErrorMessage = "问题类型不能超过50字")]
    public required string ProblemType { get; init; }

    [Required(ErrorMessage = "请填写线索摘要")]
    [StringLength(5000, MinimumLength = 2, ErrorMessage = "线索摘要应为2至5000字")]
    public required string Summary { get; init; }
}

public sealed record ReportFilter(string? Status = null, bool? Named = null, bool Overdue = false, string? Q = null, int Page = 1, int Size = 20);

public sealed record ReporterCase(string Id, string Number, string Title, string Status, string? LeadUnitName, DateTimeOffset RegisteredAt);

/// <summary>
/// 作风举报: the public form and staff entry, the discipline office's handling, the reporter's follow-up by code. Only 纪检
/// (inspector) accounts handle or see reports; nothing here tells a unit, the hotline or any other account that one exists.
/// </summary>
public sealed class ReportWorkflow(AppDb db, TimeProvider clock, CurrentUser user, WorkCalendar calendar, ReporterIdentity identity, IConfiguration config)
{
    /// <summary>DOMAIN-RULES 6a: a named report is told within 15 working days whether it was accepted, and its result within 15 of the conclusion.</summary>
    public const int ReplyWorkdays = 15;

    /// <summary>DOMAIN-RULES 6a (Arts. 15–16): a report that belongs to another office is sent there within 5 working days of receipt.</summary>
    public const int ForwardWorkdays = 5;

    /// <summary>By when a received report that belongs to another office (or names this office's own head) should have been forwarded.</summary>
    public DateTimeOffset ForwardDueAt(ConductReport r) => calendar.WorkdayDeadline(r.ReceivedAt, ForwardWorkdays).DueAt;

    private DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>初核's time limit in months: no national figure, 3 by default (<c>Reports:CheckMonths</c>, 1–24).</summary>
    public int CheckMonths => int.TryParse(config["Reports:CheckMonths"], CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 24 ? m : 3;

    /// <summary>A report from the public form; returns it with the follow-up code, shown once.</summary>
    public async Task<(ConductReport Report, string Code)> SubmitAsync(SubmitReportRequest r, CancellationToken ct)
        => await RegisterAsync(ReportChannel.Online, r.Content, r.AccusedUnitId, r.AccusedName, r.Anonymous, r.Reporter, null, null, ct);

    public async Task<(ConductReport Report, string Code)> EnterAsync(EnterReportRequest r, CancellationToken ct)
    {
        EnsureInspector();
        if (r.Channel == ReportChannel.Online)
        {
            throw new RuleException("report.bad_channel", "网上举报由举报人自行提交，请选择电话、来信或来访", 400);
        }
        var at = r.ReceivedAt ?? Now;
        if (at > Now || at < Now.AddYears(-5))
        {
            throw new RuleException("report.bad_received_at", "收到时间不能晚于现在，也不能早于五年前", 400);
        }
        return await RegisterAsync(r.Channel!.Value, r.Content, r.AccusedUnitId, r.AccusedName, r.Anonymous, r.Reporter, at, user.Id, ct);
    }

    private async Task<(ConductReport, string)> RegisterAsync(ReportChannel channel, string content, string? accusedUnitId, string? accusedName,
        bool anonymous, ReportReporter? reporter, DateTimeOffset? receivedAt, string? enteredBy, CancellationToken ct)
    {
        accusedUnitId = accusedUnitId.TrimToNull();
        if (accusedUnitId is not null && !await db.Units.AnyAsync(u => u.Id == accusedUnitId, ct))
        {
            throw new RuleException("report.unknown_unit", "被举报单位不存在，请从列表中选择或留空", 400);
        }
        var name = reporter?.Name?.Trim();
        var phone = reporter?.Phone?.Trim();
        anonymous = anonymous || (string.IsNullOrEmpty(name) && string.IsNullOrEmpty(phone));
        if (!anonymous && (string.IsNullOrEmpty(phone) || phone.Count(char.IsDigit) is < 7 or > 20))
        {
            throw new RuleException("report.phone_required", "实名举报请留下可以联系到您的电话号码（7至20位数字）；不便留下时可选择匿名举报", 400);
        }
        if (name?.Length > 50)
        {
            throw new RuleException("report.bad_name", "举报人姓名不能超过50字", 400);
        }
        var at = receivedAt ?? Now;
        var code = NewCode();
        var id = Ids.New();
        var report = new ConductReport
        {
            Id = id, Number = "JB" + Case.NumberOf(id, at), FollowUpHash = HashCode(code), Channel = channel, Content = content.Trim(),
            AccusedUnitId = accusedUnitId, AccusedName = accusedName.TrimToNull(), Anonymous = anonymous,
            ReporterNameEnc = anonymous ? null : identity.Protect(name), ReporterPhoneEnc = anonymous ? null : identity.Protect(phone),
            ReporterPhoneHash = anonymous ? null : identity.PhoneHash(phone), ReceivedAt = at, EnteredBy = enteredBy,
            AcknowledgeDueAt = anonymous ? null : calendar.WorkdayDeadline(at, ReplyWorkdays).DueAt,
        };
        db.Add(report);
        db.PendingAction = "report.register";
        await db.SaveChangesAsync(ct);
        return (report, code);
    }

    /// <summary>What the holder of the code may read: the state and the messages between the office and the reporter.</summary>
    public async Task<(ConductReport Report, List<ReportMessage> Messages)> FollowAsync(string? code, CancellationToken ct)
    {
        var report = await ByCodeAsync(code, ct);
        var messages = await db.Set<ReportMessage>().AsNoTracking()
            .Where(m => m.ReportId == report.Id && m.Kind != ReportMessageKind.Note).OrderBy(m => m.At).ToListAsync(ct);
        return (report, messages);
    }

    /// <summary>补充材料: the reporter adds to an open report with the code.</summary>
    public async Task AddMaterialAsync(string? code, ReportTextRequest r, CancellationToken ct)
    {
        var report = await ByCodeAsync(code, ct);
        if (!report.IsOpen && report.Status != ReportStatus.Concluded)
        {
            throw new RuleException("report.closed", $"该举报{ConductReport.PublicLabel(report.Status)}，不能再补充材料", 409);
        }
        db.Add(new ReportMessage { Id = Ids.New(), ReportId = report.Id, Kind = ReportMessageKind.Material, Text = r.Text.Trim(), At = Now });
        db.PendingAction = "report.material";
        await db.SaveChangesAsync(ct);
    }

    public async Task<ConductReport> GetAsync(string id, CancellationToken ct)
    {
        EnsureInspector();
        return await db.Set<ConductReport>().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("举报");
    }

    /// <summary>The ledger (台账): open reports first, named before anonymous, then the oldest; filtered by state, named or not, overdue and text.</summary>
    public async Task<(List<ConductReport> Items, int Total)> SearchAsync(ReportFilter f, CancellationToken ct)
    {
        var query = Filtered(f);
        var total = await query.CountAsync(ct);
        var items = await query
            .OrderBy(r => r.Status == ReportStatus.Received || r.Status == ReportStatus.Accepted || r.Status == ReportStatus.Checking ? 0 : 1)
            .ThenBy(r => r.Anonymous).ThenBy(r => r.ReceivedAt)
            .Skip((f.Page - 1) * f.Size).Take(f.Size).ToListAsync(ct);
        return (items, total);
    }

    /// <summary>Every report the filter matches, for the ledger's export.</summary>
    public async Task<List<ConductReport>> AllAsync(ReportFilter f, CancellationToken ct)
        => await Filtered(f).OrderBy(r => r.ReceivedAt).ToListAsync(ct);

    private IQueryable<ConductReport> Filtered(ReportFilter f)
    {
        EnsureInspector();
        var query = db.Set<ConductReport>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Status))
        {
            var status = WireEnum.Parse<ReportStatus>(f.Status, "status");
            query = query.Where(r => r.Status == status);
        }
        if (f.Named is { } named)
        {
            query = query.Where(r => r.Anonymous != named);
        }
        if (f.Overdue)
        {
            var now = Now;
            query = query.Where(r => r.Anonymous == false && r.AcknowledgedAt == null && r.AcknowledgeDueAt < now
                    && (r.Status == ReportStatus.Received || r.Status == ReportStatus.Accepted || r.Status == ReportStatus.Checking)
                || r.Anonymous == false && r.Status == ReportStatus.Concluded && r.FeedbackAt == null && r.FeedbackDueAt < now
                || (r.Status == ReportStatus.Accepted || r.Status == ReportStatus.Checking) && r.CheckDueAt < now);
        }
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var q = f.Q.Trim();
            query = query.Where(r => r.Number.Contains(q) || r.Content.Contains(q) || (r.AccusedName != null && r.AccusedName.Contains(q)));
        }
        return query;
    }

    public async Task<List<ReportMessage>> MessagesAsync(string id, CancellationToken ct)
    {
        EnsureInspector();
        return await db.Set<ReportMessage>().AsNoTracking().Where(m => m.ReportId == id).OrderBy(m => m.At).ToListAsync(ct);
    }

    /// <summary>受理: the reporter is told at once (the 15-working-day acknowledgement is met by the decision itself).</summary>
    public Task<ConductReport> AcceptAsync(string id, CancellationToken ct)
        => StepAsync(id, "report.accept", r =>
        {
            r.Accept(Now, Now.AddMonths(CheckMonths));
            Message(r, ReportMessageKind.Reply, "您的举报已受理，我们将依规依纪认真核实，请保持联系方式畅通。");
        }, ct);

    public Task<ConductReport> RejectAsync(string id, ReportTextRequest reason, CancellationToken ct)
        => StepAsync(id, "report.reject", r =>
        {
            r.Reject(Now);
            Message(r, ReportMessageKind.Reply, $"经审查，您的举报不予受理。理由：{reason.Text.Trim()}");
        }, ct);

    public Task<ConductReport> ForwardAsync(string id, ForwardReportRequest f, CancellationToken ct)
        => StepAsync(id, "report.forward", r =>
        {
            r.Forward(Now, f.To.Trim());
            Message(r, ReportMessageKind.Reply, "您的举报不属于本机关管辖，已按规定转送有关机关办理。");
            if (!string.IsNullOrWhiteSpace(f.Note))
            {
                Message(r, ReportMessageKind.Note, $"转送{f.To.Trim()}：{f.Note.Trim()}");
            }
        }, ct);

    public Task<ConductReport> StartCheckAsync(string id, CancellationToken ct)
        => StepAsync(id, "report.check", r => r.StartCheck(Now), ct);

    public Task<ConductReport> ConcludeAsync(string id, ConcludeReportRequest c, CancellationToken ct)
        => StepAsync(id, "report.conclude", r => r.Conclude(Now, c.Finding!.Value, c.Conclusion.Trim(), calendar.WorkdayDeadline(Now, ReplyWorkdays).DueAt), ct);

    /// <summary>答复举报人: readable with the code; the first reply acknowledges, one after the conclusion feeds back the result.</summary>
    public Task<ConductReport> ReplyAsync(string id, ReportTextRequest r, CancellationToken ct)
        => StepAsync(id, "report.reply", report =>
        {
            if (report.Status is ReportStatus.NotAccepted or ReportStatus.Forwarded)
            {
                throw new RuleException("report.reply_closed", $"该举报{ConductReport.Label(report.Status)}，已告知举报人", 409);
            }
            Message(report, ReportMessageKind.Reply, r.Text.Trim());
        }, ct);

    public Task<ConductReport> NoteAsync(string id, ReportTextRequest r, CancellationToken ct)
        => StepAsync(id, "report.note", report => Message(report, ReportMessageKind.Note, r.Text.Trim()), ct);

    /// <summary>转为问题线索: a verified clue (the office's 初核 is its 核查) that an accountability case can then be opened on.</summary>
    public async Task<Clue> TransferAsync(string id, TransferReportRequest t, CancellationToken ct)
    {
        var report = await GetAsync(id, ct);
        if (!await db.Units.AnyAsync(u => u.Id == t.UnitId, ct))
        {
            throw new RuleException("report.unknown_unit", "涉及单位不存在", 400);
        }
        if (!await db.Set<ProblemType>().AnyAsync(p => p.Code == t.ProblemType, ct))
        {
            throw new RuleException("report.unknown_problem_type", "问题类型不存在，请从列表中选择", 400);
        }
        var clue = new Clue
        {
            Id = Ids.New(), Source = ClueSource.Report, UnitId = t.UnitId, ProblemType = t.ProblemType, Content = t.Summary.Trim(),
            RegisteredBy = user.Id, RegisteredAt = Now,
        };
        report.TransferredTo(clue.Id, Now);
        clue.Verify(report.Finding == ReportFinding.True ? VerificationResult.True : VerificationResult.Partial,
            $"经作风举报{report.Number}初核认定{ConductReport.Label(report.Finding)}", user.Id, Now);
        db.Add(clue);
        db.PendingAction = "report.transfer";
        await db.SaveChangesAsync(ct);
        return clue;
    }

    /// <summary>Shows a named reporter's identity to the discipline office, recording who looked and why.</summary>
    public async Task<(string? Name, string? Phone)> RevealAsync(string id, string? purpose, CancellationToken ct)
    {
        var report = await GetAsync(id, ct);
        if (string.IsNullOrWhiteSpace(purpose) || purpose.Trim().Length > 200)
        {
            throw new RuleException("report.purpose_required", "请写明查看举报人身份的事由（200字以内）", 400);
        }
        if (report.Anonymous)
        {
            return (null, null);
        }
        db.Add(new ReportIdentityView { Id = Ids.New(), ReportId = id, ViewerId = user.Id, Purpose = purpose.Trim(), At = Now });
        db.PendingAction = "report.reveal-reporter";
        await db.SaveChangesAsync(ct);
        return (identity.Unprotect(report.ReporterNameEnc), identity.Unprotect(report.ReporterPhoneEnc));
    }

    public async Task<List<ReportIdentityView>> IdentityViewsAsync(string id, CancellationToken ct)
    {
        EnsureInspector();
        return await db.Set<ReportIdentityView>().AsNoTracking().Where(v => v.ReportId == id).OrderBy(v => v.At).ToListAsync(ct);
    }

    /// <summary>
    /// 举报人保护: the cases a named reporter brought after the report (same phone), for the office to watch how they are
    /// handled. Only this office sees the link; the case itself shows nothing of it.
    /// </summary>
    public async Task<List<ReporterCase>> LaterCasesAsync(ConductReport report, CancellationToken ct)
    {
        EnsureInspector();
        if (report.ReporterPhoneHash is null)
        {
            return [];
        }
        var cases = await db.Set<Case>().AsNoTracking()
            .Where(c => c.ReporterPhoneHash == report.ReporterPhoneHash && c.RegisteredAt >= report.ReceivedAt)
            .OrderByDescending(c => c.RegisteredAt).Take(50)
            .Select(c => new { c.Id, c.Title, c.Status, c.LeadUnitId, c.RegisteredAt }).ToListAsync(ct);
        var unitIds = cases.Where(c => c.LeadUnitId != null).Select(c => c.LeadUnitId!).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return cases.Select(c => new ReporterCase(c.Id, Case.NumberOf(c.Id, c.RegisteredAt), c.Title, CaseTransitions.Label(c.Status),
            c.LeadUnitId is null ? null : units.GetValueOrDefault(c.LeadUnitId), c.RegisteredAt)).ToList();
    }

    /// <summary>For each named reporter's phone hash on the page, how many cases the reporter brought since the report.</summary>
    public async Task<Dictionary<string, int>> LaterCaseCountsAsync(IEnumerable<ConductReport> reports, CancellationToken ct)
    {
        var named = reports.Where(r => r.ReporterPhoneHash is not null).ToList();
        var hashes = named.Select(r => r.ReporterPhoneHash!).Distinct().ToList();
        if (hashes.Count == 0)
        {
            return [];
        }
        var cases = await db.Set<Case>().AsNoTracking().Where(c => c.ReporterPhoneHash != null && hashes.Contains(c.ReporterPhoneHash))
            .Select(c => new { c.ReporterPhoneHash, c.RegisteredAt }).ToListAsync(ct);
        return named.ToDictionary(r => r.Id, r => cases.Count(c => c.ReporterPhoneHash == r.ReporterPhoneHash && c.RegisteredAt >= r.ReceivedAt));
    }

    private async Task<ConductReport> StepAsync(string id, string action, Action<ConductReport> step, CancellationToken ct)
    {
        var report = await GetAsync(id, ct);
        step(report);
        db.PendingAction = action;
        await db.SaveChangesAsync(ct);
        return report;
    }

    private void Message(ConductReport report, ReportMessageKind kind, string text)
    {
        db.Add(new ReportMessage { Id = Ids.New(), ReportId = report.Id, Kind = kind, Text = text, AuthorId = user.Id, At = Now });
        if (kind == ReportMessageKind.Reply)
        {
            report.Replied(Now);
        }
    }

    private void EnsureInspector()
    {
        if (!user.IsIn(Roles.Inspector))
        {
            throw new ForbiddenException("作风举报只由纪检人员办理和查阅");
        }
    }

    private async Task<ConductReport> ByCodeAsync(string? code, CancellationToken ct)
    {
        var hash = HashCode(code ?? "");
        return await db.Set<ConductReport>().FirstOrDefaultAsync(r => r.FollowUpHash == hash, ct)
            ?? throw new NotFoundException("举报（请核对查询码）");
    }

    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>16 characters from an alphabet without look-alikes (0/O, 1/I), in groups of four: about 80 bits.</summary>
    private static string NewCode()
    {
        var chars = RandomNumberGenerator.GetItems<char>(CodeAlphabet, 16);
        return string.Join('-', Enumerable.Range(0, 4).Select(i => new string(chars, i * 4, 4)));
    }

    /// <summary>The stored form of a code: upper case, without spaces or dashes, hashed.</summary>
    public static string HashCode(string code)
    {
        var normal = new string(code.Normalize(NormalizationForm.FormKC).Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normal)));
    }
}
