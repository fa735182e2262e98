using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;
using static Zhengfeng.Features.Campaigns.CampaignStatus;

namespace Zhengfeng.Features.Campaigns;

// 专项整治 Campaign · 实施方案 Plan (文号 DocumentNumber) · 领导小组 LeadingGroup · 阶段 Phase
// (动员部署 → 自查自纠 → 集中整治 → 总结提升) · 参加单位 Units · 责任清单 the units' assignments
// 报送周期 ReportCycle · 阶段报告 CampaignReport (零报告 / 无问题)

public enum CampaignStatus { Running, Closed }

public enum CampaignAction { Revise, Report, Close, Reopen }

/// <summary>How often a plan asks units to report; a task of the campaign may not ask more often than its plan.</summary>
public enum ReportCycle { None, Weekly, Monthly, Quarterly }

/// <summary>A leading-group member: 组长, 副组长, 成员 or 办公室主任, with the cadre's post.</summary>
public sealed class CampaignLeader
{
    public int Seq { get; init; }
    public required string Name { get; init; }
    public required string Post { get; init; }
    public required string Role { get; init; }
}

public sealed class CampaignPhase
{
    public int Seq { get; init; }
    public required string Name { get; init; }
    public DateOnly StartsOn { get; init; }
    public DateOnly EndsOn { get; init; }

    public bool Covers(DateOnly day) => day >= StartsOn && day <= EndsOn;
}

public sealed class ParticipatingUnit
{
    public required string UnitId { get; init; }
}

/// <summary>
/// 专项整治: a campaign under an implementation plan, with its leading group, phases and participating units. Clues,
/// rectification items, notices, bulletins, accountability cases and assignments may belong to it; the units report on
/// it each cycle of the plan (<see cref="CampaignReport"/>).
/// </summary>
public sealed class Campaign
{
    public static readonly StateMachine<CampaignStatus, CampaignAction> Table = new("campaign",
        new Dictionary<(CampaignStatus, CampaignAction), CampaignStatus>
        {
            [(Running, CampaignAction.Revise)] = Running,
            [(Running, CampaignAction.Report)] = Running,
            [(Running, CampaignAction.Close)] = Closed,      // 总结: the closing summary is written from the record
            [(Closed, CampaignAction.Reopen)] = Running,
        }, Label, Label);

    /// <summary>The four phases of a typical plan, with the share of the period each one takes.</summary>
    public static readonly IReadOnlyList<(string Name, double Share)> StandardPhases =
        [("动员部署", 0.1), ("自查自纠", 0.3), ("集中整治", 0.4), ("总结提升", 0.2)];

    private readonly List<CampaignPhase> _phases = [];
    private readonly List<CampaignLeader> _leaders = [];
    private readonly List<ParticipatingUnit> _units = [];

    public required string Id { get; init; }
    public string Name { get; private set; } = "";
    /// <summary>实施方案's 发文字号, e.g. 县作发〔2026〕3号.</summary>
    public string? DocumentNumber { get; private set; }
    public string? Goal { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public ReportCycle ReportCycle { get; private set; }
    public CampaignStatus Status { get; private set; } = Running;
    public required string CreatedBy { get; init; }
    public required string CreatedByName { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }
    public string? Summary { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<CampaignPhase> Phases => _phases;
    public IReadOnlyList<CampaignLeader> Leaders => _leaders;
    public IReadOnlyList<ParticipatingUnit> Units => _units;
    public IEnumerable<string> UnitIds => _units.Select(u => u.UnitId);

    /// <summary>A new campaign from its plan; with no phases given, the four standard phases split the period.</summary>
    public static Campaign Plan(string id, CampaignPlan plan, string by, string byName, DateTimeOffset now)
    {
        var c = new Campaign { Id = id, CreatedBy = by, CreatedByName = byName, CreatedAt = now };
        c.SetPlan(plan);
        return c;
    }

    /// <summary>修订实施方案: a running campaign's plan may change; units already in it stay unless left out on purpose.</summary>
    public void Revise(CampaignPlan plan)
    {
        Status = Table.Step(Status, CampaignAction.Revise);
        Version++;
        SetPlan(plan);
    }

    /// <summary>A unit's report may be filed only while the campaign runs, by a participating unit.</summary>
    public void AcceptReportFrom(string unitId)
    {
        Table.Step(Status, CampaignAction.Report);
        if (!_units.Any(u => u.UnitId == unitId))
        {
            throw new RuleException("campaign.not_participating", "该单位不是本次专项整治的参加单位", StatusCodes.Status400BadRequest);
        }
    }

    public void Close(string by, DateTimeOffset now, string? summary)
    {
        Status = Table.Step(Status, CampaignAction.Close);
        Version++;
        ClosedBy = by;
        ClosedAt = now;
        Summary = summary.TrimToNull();
    }

    public void Reopen()
    {
        Status = Table.Step(Status, CampaignAction.Reopen);
        Version++;
        ClosedAt = null;
        ClosedBy = null;
    }

    public bool IsParticipant(string unitId) => _units.Any(u => u.UnitId == unitId);

    public CampaignPhase? PhaseOn(DateOnly day) => _phases.FirstOrDefault(p => p.Covers(day));

    /// <summary>The reporting periods the plan asks for up to <paramref name="today"/> (e.g. 2026-11, 2026-W47, 2026-Q4).</summary>
    public IReadOnlyList<string> PeriodsUntil(DateOnly today) => ReportPeriods.Between(ReportCycle, StartsOn, Min(EndsOn, today));

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private void SetPlan(CampaignPlan plan)
    {
        var name = plan.Name.Trim();
        if (name.Length < 2)
        {
            throw new RuleException("campaign.name_required", "请填写专项整治名称", StatusCodes.Status400BadRequest);
        }
        if (plan.EndsOn < plan.StartsOn)
        {
            throw new RuleException("campaign.period", "专项整治的结束日期不能早于开始日期", StatusCodes.Status400BadRequest);
        }
        var unitIds = plan.UnitIds.Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u.Trim()).Distinct().ToList();
        if (unitIds.Count == 0)
        {
            throw new RuleException("campaign.units_required", "请选择至少一个参加单位", StatusCodes.Status400BadRequest);
        }
        var newPhases = plan.Phases.Count > 0 ? plan.Phases.ToList() : SplitStandard(plan.StartsOn, plan.EndsOn);
        for (var i = 0; i < newPhases.Count; i++)
        {
            var p = newPhases[i];
            if (string.IsNullOrWhiteSpace(p.Name))
            {
                throw new RuleException("campaign.phase_name", $"第{i + 1}阶段缺少名称", StatusCodes.Status400BadRequest);
            }
            if (p.EndsOn < p.StartsOn || p.StartsOn < plan.StartsOn || p.EndsOn > plan.EndsOn)
            {
                throw new RuleException("campaign.phase_period", $"阶段“{p.Name.Trim()}”的起止日期应在专项整治期间内且结束不早于开始", StatusCodes.Status400BadRequest);
            }
            if (i > 0 && p.StartsOn <= newPhases[i - 1].EndsOn)
            {
                throw new RuleException("campaign.phase_overlap", $"阶段“{p.Name.Trim()}”与上一阶段时间重叠，各阶段应依次衔接", StatusCodes.Status400BadRequest);
            }
        }
        Name = name;
        DocumentNumber = plan.DocumentNumber.TrimToNull();
        Goal = plan.Goal.TrimToNull();
        StartsOn = plan.StartsOn;
        EndsOn = plan.EndsOn;
        ReportCycle = plan.ReportCycle;
        _phases.Clear();
        _phases.AddRange(newPhases.Select((p, i) => new CampaignPhase { Seq = i + 1, Name = p.Name.Trim(), StartsOn = p.StartsOn, EndsOn = p.EndsOn }));
        _leaders.Clear();
        _leaders.AddRange(plan.Leaders.Where(l => !string.IsNullOrWhiteSpace(l.Name))
            .Select((l, i) => new CampaignLeader { Seq = i + 1, Name = l.Name.Trim(), Post = l.Post?.Trim() ?? "", Role = string.IsNullOrWhiteSpace(l.Role) ? "成员" : l.Role.Trim() }));
        _units.RemoveAll(u => !unitIds.Contains(u.UnitId));
        _units.AddRange(unitIds.Where(id => !_units.Any(u => u.UnitId == id)).Select(id => new ParticipatingUnit { UnitId = id }));
    }

    /// <summary>The four standard phases over a period, as a new plan starts with them (a form shows them pre-filled).</summary>
    public static IReadOnlyList<PhasePlan> StandardPlan(DateOnly start, DateOnly end) => end < start ? [] : SplitStandard(start, end);

    private static List<PhasePlan> SplitStandard(DateOnly start, DateOnly end)
    {
        var days = end.DayNumber - start.DayNumber + 1;
        if (days < StandardPhases.Count)
        {
            return [new PhasePlan("集中整治", start, end)];
        }
        var result = new List<PhasePlan>();
        var from = start;
        var used = 0.0;
        for (var i = 0; i < StandardPhases.Count; i++)
        {
            used += StandardPhases[i].Share;
            var to = i == StandardPhases.Count - 1 ? end : start.AddDays(Math.Max(from.DayNumber - start.DayNumber, (int)Math.Round(days * used) - 1));
            result.Add(new PhasePlan(StandardPhases[i].Name, from, to));
            from = to.AddDays(1);
        }
        return result;
    }

    public static string Label(CampaignStatus s) => s == Running ? "进行中" : "已总结结束";

    public static string Label(CampaignAction a) => a switch
    {
        CampaignAction.Revise => "修订实施方案",
        CampaignAction.Report => "报送情况",
        CampaignAction.Close => "总结结束",
        _ => "重新启动",
    };

    public static string Label(ReportCycle c) => c switch
    {
        ReportCycle.Weekly => "每周",
        ReportCycle.Monthly => "每月",
        ReportCycle.Quarterly => "每季度",
        _ => "不定期",
    };
}

/// <summary>What a plan says: the campaign's own fields, as typed in a request or a form.</summary>
public sealed record CampaignPlan(string Name, string? DocumentNumber, string? Goal, DateOnly StartsOn, DateOnly EndsOn, ReportCycle ReportCycle,
    IReadOnlyList<PhasePlan> Phases, IReadOnlyList<LeaderPlan> Leaders, IReadOnlyList<string> UnitIds);

public sealed record PhasePlan(string Name, DateOnly StartsOn, DateOnly EndsOn);

public sealed record LeaderPlan(string Name, string? Post, string? Role);

/// <summary>
/// A participating unit's report for one period of the plan's cycle (or, with no cycle, for one phase): what it found
/// and did, or 无问题. Unique per (campaign, unit, period), so a unit files each report once.
/// </summary>
public sealed class CampaignReport
{
    public required string Id { get; init; }
    public required string CampaignId { get; init; }
    public required string UnitId { get; init; }
    /// <summary>2026-11, 2026-W47, 2026-Q4, or P2 (the second phase) when the plan has no cycle.</summary>
    public required string Period { get; init; }
    public int? PhaseSeq { get; init; }
    public bool NoProblem { get; init; }
    public required string Content { get; init; }
    public required string ReportedBy { get; init; }
    public required string ReportedByName { get; init; }
    public DateTimeOffset ReportedAt { get; init; }
}

/// <summary>
/// A report the platform asked of a unit: one row per (owner, unit, period), raised by the reminder job when a period
/// of a campaign's or an assignment's cycle opens. The burden meter counts these rows.
/// </summary>
public sealed class ReportDue
{
    public required string Id { get; init; }
    /// <summary>"campaign" or "assignment".</summary>
    public required string OwnerType { get; init; }
    public required string OwnerId { get; init; }
    public required string UnitId { get; init; }
    public required string Period { get; init; }
    public DateOnly DueOn { get; init; }
    public DateTimeOffset AskedAt { get; init; }
}

/// <summary>Reporting periods as text: 2026-W47 (ISO week), 2026-11, 2026-Q4.</summary>
public static class ReportPeriods
{
    public static string Of(ReportCycle cycle, DateOnly day) => cycle switch
    {
        ReportCycle.Weekly => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):00}"),
        ReportCycle.Monthly => day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        ReportCycle.Quarterly => string.Create(CultureInfo.InvariantCulture, $"{day.Year}-Q{(day.Month + 2) / 3}"),
        _ => "",
    };

    /// <summary>The first and last day of a period of the cycle, or null when the text is not such a period.</summary>
    public static (DateOnly Start, DateOnly End)? Range(ReportCycle cycle, string period)
    {
        var p = period.Trim();
        switch (cycle)
        {
            case ReportCycle.Weekly when p.Length == 8 && p[4..6] == "-W" && int.TryParse(p[..4], CultureInfo.InvariantCulture, out var y)
                && int.TryParse(p[6..], CultureInfo.InvariantCulture, out var w) && y is > 2000 and < 2200 && w >= 1 && w <= ISOWeek.GetWeeksInYear(y):
                var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(y, w, DayOfWeek.Monday));
                return (monday, monday.AddDays(6));
            case ReportCycle.Monthly when DateOnly.TryParseExact(p + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
                && first.Year is > 2000 and < 2200:
                return (first, first.AddMonths(1).AddDays(-1));
            case ReportCycle.Quarterly when p.Length == 7 && p[4..6] == "-Q" && int.TryParse(p[..4], CultureInfo.InvariantCulture, out var qy)
                && qy is > 2000 and < 2200 && p[6] is >= '1' and <= '4':
                var start = new DateOnly(qy, ((p[6] - '1') * 3) + 1, 1);
                return (start, start.AddMonths(3).AddDays(-1));
            default:
                return null;
        }
    }

    /// <summary>Every period of the cycle that overlaps [from, to], oldest first.</summary>
    public static IReadOnlyList<string> Between(ReportCycle cycle, DateOnly from, DateOnly to)
    {
        var result = new List<string>();
        if (cycle == ReportCycle.None)
        {
            return result;
        }
        for (var day = from; day <= to; day = Range(cycle, Of(cycle, day))!.Value.End.AddDays(1))
        {
            result.Add(Of(cycle, day));
        }
        return result;
    }

    /// <summary>Average days between reports, to compare how often two cycles ask (none asks never).</summary>
    public static int Days(ReportCycle cycle) => cycle switch
    {
        ReportCycle.Weekly => 7,
        ReportCycle.Monthly => 30,
        ReportCycle.Quarterly => 91,
        _ => int.MaxValue,
    };

    public static string Label(string period) => period switch
    {
        [.., 'W', _, _] => $"{period[..4]}年第{int.Parse(period[6..], CultureInfo.InvariantCulture)}周",
        [_, _, _, _, '-', 'Q', var q] => $"{period[..4]}年第{q}季度",
        [_, _, _, _, '-', _, _] => $"{period[..4]}年{int.Parse(period[5..], CultureInfo.InvariantCulture)}月",
        ['P', ..] => $"第{period[1..]}阶段",
        _ => period,
    };
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.DocumentNumber).HasMaxLength(100);
        b.Property(x => x.Goal).HasMaxLength(4000);
        b.Property(x => x.ReportCycle).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.CreatedByName).HasMaxLength(100);
        b.Property(x => x.Summary).HasMaxLength(8000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.UnitIds);
        b.OwnsMany(x => x.Phases, p =>
        {
            p.ToTable("CampaignPhases");
            p.WithOwner().HasForeignKey("CampaignId");
            p.HasKey("CampaignId", nameof(CampaignPhase.Seq));
            p.Property(x => x.Name).HasMaxLength(100);
        });
        b.OwnsMany(x => x.Leaders, l =>
        {
            l.ToTable("CampaignLeaders");
            l.WithOwner().HasForeignKey("CampaignId");
            l.HasKey("CampaignId", nameof(CampaignLeader.Seq));
            l.Property(x => x.Name).HasMaxLength(100);
            l.Property(x => x.Post).HasMaxLength(200);
            l.Property(x => x.Role).HasMaxLength(50);
        });
        b.OwnsMany(x => x.Units, u =>
        {
            u.ToTable("CampaignUnits");
            u.WithOwner().HasForeignKey("CampaignId");
            u.HasKey("CampaignId", nameof(ParticipatingUnit.UnitId));
            u.Property(x => x.UnitId).HasMaxLength(32);
            u.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
            u.HasIndex(x => x.UnitId);
        });
        b.Navigation(x => x.Phases).HasField("_phases");
        b.Navigation(x => x.Leaders).HasField("_leaders");
        b.Navigation(x => x.Units).HasField("_units");
        b.HasIndex(x => new { x.Status, x.StartsOn });
    }
}

internal sealed class CampaignReportConfiguration : IEntityTypeConfiguration<CampaignReport>
{
    public void Configure(EntityTypeBuilder<CampaignReport> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Period).HasMaxLength(20);
        b.Property(x => x.Content).HasMaxLength(5000);
        b.Property(x => x.ReportedByName).HasMaxLength(100);
        b.HasIndex(x => new { x.CampaignId, x.UnitId, x.Period }).IsUnique(); // one report per unit and period
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReportDueConfiguration : IEntityTypeConfiguration<ReportDue>
{
    public void Configure(EntityTypeBuilder<ReportDue> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.OwnerType).HasMaxLength(20);
        b.Property(x => x.Period).HasMaxLength(20);
        b.HasIndex(x => new { x.OwnerType, x.OwnerId, x.UnitId, x.Period }).IsUnique(); // the reminder job asks once per period
        b.HasIndex(x => new { x.UnitId, x.AskedAt });
    }
}
