using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhengfeng.Features.Cases;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Figures;

/// <summary>
/// A running count behind the dashboard and the monthly ranking: how many records of one kind (<see cref="FigureMetric"/>)
/// fall in one month (China time, "yyyy-MM") for one unit ("" where the figure has no unit). The count is the compacted part;
/// the latest changes wait in <see cref="FigureDelta"/> rows until <c>FigureCompaction</c> folds them in.
/// </summary>
public sealed class MonthlyFigure
{
    public required string Metric { get; init; }
    public required string Month { get; init; }
    public required string UnitId { get; init; }
    public long Count { get; init; }
}

/// <summary>One save's change to a running count, written in the same transaction as the records it counts.</summary>
public sealed class FigureDelta
{
    public long Id { get; init; }
    public required string Metric { get; init; }
    public required string Month { get; init; }
    public required string UnitId { get; init; }
    public int Change { get; init; }
}

internal sealed class MonthlyFigureConfiguration : IEntityTypeConfiguration<MonthlyFigure>
{
    public void Configure(EntityTypeBuilder<MonthlyFigure> b)
    {
        b.ToTable("MonthlyFigure");
        b.HasKey(x => new { x.Month, x.Metric, x.UnitId });
        b.Property(x => x.Metric).HasMaxLength(16);
        b.Property(x => x.Month).HasMaxLength(7);
        b.Property(x => x.UnitId).HasMaxLength(64);
    }
}

internal sealed class FigureDeltaConfiguration : IEntityTypeConfiguration<FigureDelta>
{
    public void Configure(EntityTypeBuilder<FigureDelta> b)
    {
        b.ToTable("FigureDelta");
        b.HasKey(x => x.Id);
        b.Property(x => x.Metric).HasMaxLength(16);
        b.Property(x => x.Month).HasMaxLength(7);
        b.Property(x => x.UnitId).HasMaxLength(64);
        b.HasIndex(x => x.Month);
    }
}

/// <summary>
/// What is counted, each by the month of one instant. Every metric's rule here is the same as the query that lists its
/// records (the dashboard's and the ranking's drill-downs); <see cref="RunningFigures.CheckAsync"/> compares the two.
/// </summary>
public static class FigureMetric
{
    /// <summary>Cases by 登记 month, per area (省、市、县（区）) the case is in ("" for none), so each district reads its own.</summary>
    public const string Registered = "registered";
    /// <summary>
    /// Cases by the month of their handling deadline, flagged overdue by the sweep or still open (the part of a month still ahead is
    /// subtracted when read), per area as <see cref="Registered"/>.
    /// </summary>
    public const string Overdue = "overdue";
    /// <summary>Cases by first-dispatch month, per current lead unit.</summary>
    public const string Dispatched = "dispatched";
    /// <summary>Of those, signed within the response limit.</summary>
    public const string InTime = "in-time";
    /// <summary>Ratings not excluded by an upheld appeal, by rating month, per rated unit ("" for none).</summary>
    public const string Rated = "rated";
    public const string Resolved = "resolved";
    /// <summary>Rated 基本满意 or better.</summary>
    public const string Satisfied = "satisfied";
    /// <summary>退单 requests by request month, per requesting unit.</summary>
    public const string Returns = "returns";

    /// <summary>The overdue rule in SQL form, for the dashboard's drill-down, the recount and the part of a month still ahead.</summary>
    public static readonly Expression<Func<Case, bool>> CountsAsOverdue = c => c.WasOverdue || CaseSearch.OpenStatuses.Contains(c.Status);

    public static string MonthOf(DateTimeOffset instant) => instant.ToCst().ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The counts a record adds to, read from one set of its values (current or original).</summary>
    internal static IEnumerable<(string Metric, string Month, string UnitId)> Of(Type type, PropertyValues v)
    {
        if (type == typeof(Case))
        {
            var area = v.GetValue<string?>(nameof(Case.AreaId)) ?? "";
            yield return (Registered, MonthOf(v.GetValue<DateTimeOffset>(nameof(Case.RegisteredAt))), area);
            var status = v.GetValue<CaseStatus>(nameof(Case.Status));
            if (v.GetValue<DateTimeOffset?>(nameof(Case.HandleDueAt)) is { } due
                && (v.GetValue<bool>(nameof(Case.WasOverdue)) || CaseSearch.OpenStatuses.Contains(status)))
            {
                yield return (Overdue, MonthOf(due), area);
            }
            if (v.GetValue<DateTimeOffset?>(nameof(Case.FirstDispatchedAt)) is { } dispatched && v.GetValue<string?>(nameof(Case.LeadUnitId)) is { } lead)
            {
                yield return (Dispatched, MonthOf(dispatched), lead);
                if (v.GetValue<bool?>(nameof(Case.SignedInTime)) == true)
                {
                    yield return (InTime, MonthOf(dispatched), lead);
                }
            }
        }
        else if (type == typeof(Rating))
        {
            if (v.GetValue<bool>(nameof(Rating.Excluded)))
            {
                yield break;
            }
            var month = MonthOf(v.GetValue<DateTimeOffset>(nameof(Rating.At)));
            var unit = v.GetValue<string?>(nameof(Rating.UnitId)) ?? "";
            yield return (Rated, month, unit);
            if (v.GetValue<bool>(nameof(Rating.Resolved)))
            {
                yield return (Resolved, month, unit);
            }
            if (v.GetValue<int>(nameof(Rating.Level)) >= 3)
            {
                yield return (Satisfied, month, unit);
            }
        }
        else if (type == typeof(ReturnRequest))
        {
            yield return (Returns, MonthOf(v.GetValue<DateTimeOffset>(nameof(ReturnRequest.RequestedAt))), v.GetValue<string>(nameof(ReturnRequest.UnitId)));
        }
    }

    internal static bool Counts(Type type) => type == typeof(Case) || type == typeof(Rating) || type == typeof(ReturnRequest);
}
