using System.Globalization;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Campaigns;

/// <summary>One period a unit may report for: 2026-11 (a period of the plan's cycle) or P2 (a phase, when the plan has no cycle).</summary>
public sealed record ReportPeriod(string Period, string Label, DateOnly Start, DateOnly End);

/// <summary>
/// 报送周期: the periods a campaign's plan asks reports for. A unit reports only for a period of the plan's own cycle that
/// overlaps the campaign and has begun (with no cycle, for a phase that has begun); anything else is a report outside its cycle.
/// </summary>
public static class CampaignPeriods
{
    /// <summary>The periods a unit may report for today, oldest first.</summary>
    public static IReadOnlyList<ReportPeriod> Allowed(Campaign c, DateOnly today)
        => c.ReportCycle == ReportCycle.None
            ? [.. c.Phases.Where(p => p.StartsOn <= today).Select(Of)]
            : [.. c.PeriodsUntil(today).Select(p => Of(c, p))];

    /// <summary>Every period of the plan, begun or not (the ledger counts reports against them).</summary>
    public static IReadOnlyList<ReportPeriod> All(Campaign c)
        => c.ReportCycle == ReportCycle.None
            ? [.. c.Phases.Select(Of)]
            : [.. ReportPeriods.Between(c.ReportCycle, c.StartsOn, c.EndsOn).Select(p => Of(c, p))];

    /// <summary>The periods that count for a phase: those overlapping its dates, or the phase itself when the plan has no cycle.</summary>
    public static IReadOnlyList<ReportPeriod> OfPhase(Campaign c, CampaignPhase phase)
        => c.ReportCycle == ReportCycle.None
            ? [Of(phase)]
            : [.. ReportPeriods.Between(c.ReportCycle, phase.StartsOn, phase.EndsOn).Select(p => Of(c, p))];

    /// <summary>The phases a reported period speaks for.</summary>
    public static IReadOnlyList<CampaignPhase> PhasesOf(Campaign c, string period)
    {
        if (c.ReportCycle == ReportCycle.None)
        {
            return [.. c.Phases.Where(p => $"P{p.Seq}" == period)];
        }
        return ReportPeriods.Range(c.ReportCycle, period) is { } r ? [.. c.Phases.Where(p => p.StartsOn <= r.End && p.EndsOn >= r.Start)] : [];
    }

    /// <summary>
    /// The period as the plan spells it, and the phase the report is filed in; a period outside the plan's cycle, outside the
    /// campaign or not yet begun is a 400 that says what the plan asks for.
    /// </summary>
    public static (string Period, int? PhaseSeq) Resolve(Campaign c, string? text, DateOnly today)
    {
        var p = (text ?? "").Trim().ToUpperInvariant();
        if (c.ReportCycle == ReportCycle.None)
        {
            var phase = p is ['P', .. var n] && int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
                ? c.Phases.FirstOrDefault(x => x.Seq == seq) : null;
            if (phase is null)
            {
                throw Outside(c, today, $"“{text}”不是本方案的阶段");
            }
            if (phase.StartsOn > today)
            {
                throw Outside(c, today, $"第{phase.Seq}阶段“{phase.Name}”{Day(phase.StartsOn)}才开始，不能提前报送");
            }
            return ($"P{phase.Seq}", phase.Seq);
        }
        var range = ReportPeriods.Range(c.ReportCycle, p) ?? throw Outside(c, today, $"“{text}”不是{Campaign.Label(c.ReportCycle)}的报送周期");
        if (range.End < c.StartsOn || range.Start > c.EndsOn)
        {
            throw Outside(c, today, $"{ReportPeriods.Label(p)}不在专项整治期间（{Day(c.StartsOn)}至{Day(c.EndsOn)}）内");
        }
        if (range.Start > today)
        {
            throw Outside(c, today, $"{ReportPeriods.Label(p)}尚未开始，不能提前报送");
        }
        var last = Min(Min(range.End, today), c.EndsOn);
        var filedIn = c.Phases.LastOrDefault(x => x.StartsOn <= last && x.EndsOn >= range.Start);
        return (p, filedIn?.Seq);
    }

    /// <summary>What the plan asks, in words: 每月（如2026-11）, or 按阶段（如P2，即第2阶段“自查自纠”）.</summary>
    public static string Asked(Campaign c, DateOnly today)
    {
        if (c.ReportCycle == ReportCycle.None)
        {
            var phase = c.PhaseOn(today) ?? (c.Phases.Count > 0 ? c.Phases[0] : null);
            return phase is null ? "按阶段报送" : $"按阶段报送（如P{phase.Seq}，即第{phase.Seq}阶段“{phase.Name}”）";
        }
        var day = today < c.StartsOn ? c.StartsOn : today > c.EndsOn ? c.EndsOn : today;
        return $"{Campaign.Label(c.ReportCycle)}（如{ReportPeriods.Of(c.ReportCycle, day)}）";
    }

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Label(Campaign c, string period) => c.ReportCycle == ReportCycle.None
        ? c.Phases.FirstOrDefault(x => $"P{x.Seq}" == period) is { } phase ? $"第{phase.Seq}阶段（{phase.Name}）" : ReportPeriods.Label(period)
        : ReportPeriods.Label(period);

    private static RuleException Outside(Campaign c, DateOnly today, string why)
        => new("campaign.report_outside_cycle", $"报送周期应为实施方案规定的{Asked(c, today)}：{why}", StatusCodes.Status400BadRequest);

    private static ReportPeriod Of(CampaignPhase p) => new($"P{p.Seq}", $"第{p.Seq}阶段（{p.Name}）", p.StartsOn, p.EndsOn);

    private static ReportPeriod Of(Campaign c, string period)
    {
        var (start, end) = ReportPeriods.Range(c.ReportCycle, period)!.Value;
        return new(period, ReportPeriods.Label(period), start, end);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
