using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Attendance;

public sealed record FileLeaveRequest
{
    [Required(ErrorMessage = "请选择请假干部")]
    public required string CadreId { get; init; }

    [Required(ErrorMessage = "请选择请假类型（personal 事假、sick 病假、annual 年休假、business 公出）")]
    public required LeaveKind? Kind { get; init; }

    [Required(ErrorMessage = "请填写开始日期")]
    public required DateOnly? From { get; init; }

    [Required(ErrorMessage = "请填写结束日期")]
    public required DateOnly? To { get; init; }

    [Required(ErrorMessage = "请填写请假事由")]
    [StringLength(500, MinimumLength = 2, ErrorMessage = "请假事由应为2至500字")]
    public required string Reason { get; init; }
}

public sealed record LeaveDecisionRequest
{
    [StringLength(500, ErrorMessage = "审批意见不能超过500字")]
    public string? Note { get; init; }
}

public sealed record ReturnLeaveRequest
{
    /// <summary>The first day back at work; today when left out.</summary>
    public DateOnly? ReturnedOn { get; init; }
}

public sealed record LeaveFilter(string? UnitId = null, LeaveStatus? Status = null, string? Month = null, int Page = 1, int Size = 20);

/// <summary>
/// 请销假: a unit clerk files leave for a cadre of the unit; another account of the unit or supervision approves it (never the one
/// who filed it); 销假 records the return. Unit accounts see and act on their own unit (and sections) only.
/// </summary>
public sealed class LeaveWorkflow(AppDb db, TimeProvider clock, CurrentUser user)
{
    public const int MaxDays = 180;

    private DateTimeOffset Now => clock.GetUtcNow();

    public async Task<LeaveRequest> FileAsync(FileLeaveRequest r, CancellationToken ct)
    {
        if (!user.IsIn(Roles.Unit))
        {
            throw new ForbiddenException("请假由干部所在单位的账号登记");
        }
        var cadre = await db.Cadres.AsNoTracking().FirstOrDefaultAsync(c => c.Id == r.CadreId, ct) ?? throw new RuleException("leave.unknown_cadre", "请假干部不存在", 400);
        if (!await user.CanSeeUnitAsync(cadre.UnitId, ct))
        {
            throw new ForbiddenException("只能为本单位干部登记请假");
        }
        var (from, to) = (r.From!.Value, r.To!.Value);
        if (to < from)
        {
            throw new RuleException("leave.bad_dates", "结束日期不能早于开始日期", 400);
        }
        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            throw new RuleException("leave.too_long", $"一次请假不能超过{MaxDays}天", 400);
        }
        if (from < Now.CstDate().AddDays(-31))
        {
            throw new RuleException("leave.too_late", "补登请假不能早于一个月前", 400);
        }
        if (await db.Set<LeaveRequest>().AnyAsync(l => l.CadreId == cadre.Id && (l.Status == LeaveStatus.Pending || l.Status == LeaveStatus.Approved)
                && l.From <= to && l.To >= from, ct))
        {
            throw new RuleException("leave.overlap", "该干部在这段时间已有待审批或已批准的请假", 409);
        }
        var leave = new LeaveRequest
        {
            Id = Ids.New(), UnitId = cadre.UnitId, CadreId = cadre.Id, Kind = r.Kind!.Value, From = from, To = to, Reason = r.Reason.Trim(),
            FiledBy = user.Id, FiledAt = Now,
        };
        db.Add(leave);
        db.PendingAction = "leave.file";
        await db.SaveChangesAsync(ct);
        return leave;
    }

    public async Task<LeaveRequest> ApproveAsync(string id, LeaveDecisionRequest r, CancellationToken ct)
    {
        var leave = await DecidableAsync(id, ct);
        leave.Approve(user.Id, Now, r.Note);
        return await SaveAsync(leave, "leave.approve", ct);
    }

    public async Task<LeaveRequest> RejectAsync(string id, LeaveDecisionRequest r, CancellationToken ct)
    {
        var leave = await DecidableAsync(id, ct);
        leave.Reject(user.Id, Now, r.Note);
        return await SaveAsync(leave, "leave.reject", ct);
    }

    public async Task<LeaveRequest> WithdrawAsync(string id, CancellationToken ct)
    {
        var leave = await LoadAsync(id, ct);
        if (leave.FiledBy != user.Id)
        {
            throw new ForbiddenException("只有登记人可以撤回请假");
        }
        leave.Withdraw(user.Id, Now);
        return await SaveAsync(leave, "leave.withdraw", ct);
    }

    public async Task<LeaveRequest> ReturnAsync(string id, ReturnLeaveRequest r, CancellationToken ct)
    {
        var leave = await LoadAsync(id, ct);
        if (!user.IsIn(Roles.Unit, Roles.Supervisor, Roles.Admin))
        {
            throw new ForbiddenException("销假由干部所在单位或督查人员登记");
        }
        var back = r.ReturnedOn ?? Now.CstDate();
        if (back > Now.CstDate())
        {
            throw new RuleException("leave.future_return", "销假日期不能晚于今天", 400);
        }
        leave.Return(user.Id, back);
        return await SaveAsync(leave, "leave.return", ct);
    }

    /// <summary>审批: an account of the cadre's unit other than the clerk who filed it, or supervision.</summary>
    private async Task<LeaveRequest> DecidableAsync(string id, CancellationToken ct)
    {
        var leave = await LoadAsync(id, ct);
        if (!user.IsIn(Roles.Unit, Roles.Supervisor, Roles.Admin))
        {
            throw new ForbiddenException("请假由本单位负责人或督查人员审批");
        }
        if (leave.FiledBy == user.Id)
        {
            throw new RuleException("leave.self_approval", "不能审批自己登记的请假，请由本单位其他负责人或督查人员审批", 403);
        }
        return leave;
    }

    public async Task<LeaveRequest> LoadAsync(string id, CancellationToken ct)
    {
        var leave = await db.Set<LeaveRequest>().FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw new NotFoundException("请假记录");
        if (!await user.CanSeeUnitAsync(leave.UnitId, ct))
        {
            throw new NotFoundException("请假记录");
        }
        return leave;
    }

    public async Task<(List<LeaveRequest> Items, int Total)> SearchAsync(LeaveFilter f, CancellationToken ct)
    {
        var q = await QueryAsync(f, ct);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(l => l.From).ThenByDescending(l => l.FiledAt).Skip((f.Page - 1) * f.Size).Take(f.Size).ToListAsync(ct);
        return (items, total);
    }

    public async Task<IQueryable<LeaveRequest>> QueryAsync(LeaveFilter f, CancellationToken ct)
    {
        var q = db.Set<LeaveRequest>().AsNoTracking();
        if (await user.VisibleUnitsAsync(ct) is { } visible)
        {
            q = q.Where(l => visible.Contains(l.UnitId));
        }
        if (!string.IsNullOrWhiteSpace(f.UnitId))
        {
            q = q.Where(l => l.UnitId == f.UnitId);
        }
        if (f.Status is { } s)
        {
            q = q.Where(l => l.Status == s);
        }
        if (!string.IsNullOrWhiteSpace(f.Month))
        {
            var (first, last) = AttendanceFigures.Span(f.Month);
            q = q.Where(l => l.From <= last && l.To >= first);
        }
        return q;
    }

    private async Task<LeaveRequest> SaveAsync(LeaveRequest leave, string action, CancellationToken ct)
    {
        db.PendingAction = action;
        await db.SaveChangesAsync(ct);
        return leave;
    }
}
