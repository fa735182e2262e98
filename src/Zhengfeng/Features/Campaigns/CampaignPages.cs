using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Org;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Campaigns;

/// <summary>The plan form of the new and edit pages: every field optional here, so the workflow's rule speaks when one is missing.</summary>
public sealed class PlanForm
{
    public string? Name { get; set; }
    public string? DocumentNumber { get; set; }
    public string? Goal { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public string? ReportCycle { get; set; } = "monthly";
    public List<PhaseRow> Phases { get; set; } = [];
    public List<LeaderRow> Leaders { get; set; } = [];
    public List<string> UnitIds { get; set; } = [];

    public sealed class PhaseRow
    {
        public string? Name { get; set; }
        public DateOnly? StartsOn { get; set; }
        public DateOnly? EndsOn { get; set; }
    }

    public sealed class LeaderRow
    {
        public string? Name { get; set; }
        public string? Post { get; set; }
        public string? Role { get; set; }
    }

    public static readonly IReadOnlyList<string> LeaderRoles = ["组长", "副组长", "成员", "办公室主任"];

    public CampaignPlanRequest ToRequest() => new()
    {
        Name = Name ?? "", DocumentNumber = DocumentNumber.TrimToNull(), Goal = Goal.TrimToNull(), StartsOn = StartsOn, EndsOn = EndsOn,
        ReportCycle = WireEnum.ParseOptional<ReportCycle>(ReportCycle, "报送周期"), UnitIds = UnitIds,
        Phases = [.. Phases.Select(p => new PhaseRequest { Name = p.Name.TrimToNull(), StartsOn = p.StartsOn, EndsOn = p.EndsOn })],
        Leaders = [.. Leaders.Where(l => !string.IsNullOrWhiteSpace(l.Name)).Select(l => new LeaderRequest { Name = l.Name, Post = l.Post, Role = l.Role })],
    };

    /// <summary>A new plan: two months from today with the four standard phases and the leading group's usual roles filled in.</summary>
    public static PlanForm New(DateOnly today)
    {
        var (start, end) = (today, today.AddMonths(2).AddDays(-1));
        return new()
        {
            StartsOn = start, EndsOn = end,
            Phases = [.. Campaign.StandardPlan(start, end).Select(p => new PhaseRow { Name = p.Name, StartsOn = p.StartsOn, EndsOn = p.EndsOn }), new PhaseRow()],
            Leaders = [.. LeaderRoles.Select(r => new LeaderRow { Role = r })],
        };
    }

    public static PlanForm From(Campaign c) => new()
    {
        Name = c.Name, DocumentNumber = c.DocumentNumber, Goal = c.Goal, StartsOn = c.StartsOn, EndsOn = c.EndsOn, ReportCycle = WireEnum.Name(c.ReportCycle),
        Phases = [.. c.Phases.Select(p => new PhaseRow { Name = p.Name, StartsOn = p.StartsOn, EndsOn = p.EndsOn }), new PhaseRow()],
        Leaders = [.. c.Leaders.Select(l => new LeaderRow { Name = l.Name, Post = l.Post, Role = l.Role }), new LeaderRow { Role = "成员" }],
        UnitIds = [.. c.UnitIds],
    };

    /// <summary>A refused form again, with at least one empty phase row and leader row to add to.</summary>
    public PlanForm WithSpareRows()
    {
        if (Phases.Count == 0 || !string.IsNullOrWhiteSpace(Phases[^1].Name))
        {
            Phases.Add(new PhaseRow());
        }
        if (Leaders.Count == 0 || !string.IsNullOrWhiteSpace(Leaders[^1].Name))
        {
            Leaders.Add(new LeaderRow { Role = "成员" });
        }
        return this;
    }
}

/// <summary>What the plan form partial shows: the form, the units to choose from grouped by kind, and its button.</summary>
public sealed record PlanFormView(PlanForm Form, IReadOnlyList<IGrouping<UnitKind, Unit>> UnitGroups, string Submit);

/// <summary>What the campaign pages share.</summary>
public static class CampaignPages
{
    /// <summary>
    /// Active units a campaign may take in, grouped by kind (部门、乡镇街道、科室、办公室), the county itself left out; a district's
    /// campaign takes in the district's units.
    /// </summary>
    public static async Task<IReadOnlyList<IGrouping<UnitKind, Unit>>> UnitGroupsAsync(AppDb db, CurrentUser user, CancellationToken ct)
        => [.. (await db.Units.WorkUnitsAsync(await user.AreaScopeAsync(ct), ct))
            .GroupBy(u => u.Kind).OrderBy(g => g.Key)];

    public static string Tag(CampaignStatus s) => s == CampaignStatus.Running ? "tag ok" : "tag";

    public static string Day(DateOnly? d) => d is { } x ? CampaignPeriods.Day(x) : "";

    public static string Rate(double? r) => CampaignLedger.Percent(r);
}
