using Microsoft.EntityFrameworkCore;
using Zhengfeng.Features.Accountability;
using Zhengfeng.Features.Rankings;
using Zhengfeng.Features.TypicalCases;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Dashboard;

/// <summary>One labelled figure of a breakdown (a form of accountability, one of the 四种形态, an exemption outcome …).</summary>
public sealed record LabelledFigure(string Key, string Label, Figure Items);

public sealed record AccountabilityMonth(string Month, Figure Opened, Figure Decided);

/// <summary>问责、容错与典型案例: cases opened and decided per month, and over the whole range decisions by form and by 四种形态, exemptions granted or refused, typical cases published.</summary>
public sealed record AccountabilityFigures(IReadOnlyList<AccountabilityMonth> Trend, IReadOnlyList<LabelledFigure> ByForm,
    IReadOnlyList<LabelledFigure> ByCategory, IReadOnlyList<LabelledFigure> Exemptions, IReadOnlyList<LabelledFigure> TypicalCases);

public sealed partial class DashboardService
{
    /// <summary>The forms counted on the dashboard: 通报 is one figure whether it was given to a 党组织 or a cadre; 政务处分 is the last.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> FormKeys =
    [
        ("inspection", "检查"), ("circular", "通报"), ("reorganisation", "改组"), ("admonition", "诫勉"),
        ("organisational", "组织调整或者组织处理"), ("disciplinary", "纪律处分"), ("reminder", "谈话提醒"), ("education", "批评教育"),
        ("review", "责令检查"), ("interview", "约谈"), ("inquiry", "函询"), ("sanction", "政务处分"),
    ];

    private async Task<AccountabilityFigures> AccountabilityAsync(IReadOnlyList<string> months, string from, string to, CancellationToken ct)
    {
        var trend = new List<AccountabilityMonth>();
        foreach (var month in months)
        {
            trend.Add(new AccountabilityMonth(month,
                await FigureAsync(AccountabilityFor("acc-opened", month).CountAsync(ct), "acc-opened", month),
                await FigureAsync(AccountabilityFor("acc-decided", month).CountAsync(ct), "acc-decided", month)));
        }
        var byForm = new List<LabelledFigure>();
        foreach (var (key, label) in FormKeys)
        {
            byForm.Add(new LabelledFigure(key, label, await RangeFigureAsync(DecidedWithForm(key, from, to).CountAsync(ct), "acc-form", from, to, key)));
        }
        var byCategory = new List<LabelledFigure>();
        for (var c = 1; c <= 4; c++)
        {
            var key = c.ToString(System.Globalization.CultureInfo.InvariantCulture);
            byCategory.Add(new LabelledFigure(key, AccountabilityCase.CategoryLabel(c), await RangeFigureAsync(DecidedInCategory(key, from, to).CountAsync(ct), "acc-category", from, to, key)));
        }
        var exemptions = new List<LabelledFigure>
        {
            new("approved", "予以容错免责", await RangeFigureAsync(ExemptionsDecided("approved", from, to).CountAsync(ct), "exemption", from, to, "approved")),
            new("refused", "不予容错免责", await RangeFigureAsync(ExemptionsDecided("refused", from, to).CountAsync(ct), "exemption", from, to, "refused")),
        };
        var typical = new List<LabelledFigure>();
        foreach (var kind in Enum.GetValues<TypicalCaseKind>())
        {
            var key = WireEnum.Name(kind);
            typical.Add(new LabelledFigure(key, "发布" + TypicalCase.Label(kind), await RangeFigureAsync(TypicalPublished(key, from, to).CountAsync(ct), "typical", from, to, key)));
        }
        return new AccountabilityFigures(trend, byForm, byCategory, exemptions, typical);
    }

    private static async Task<Figure> FigureAsync(Task<int> count, string metric, string month)
        => new(await count, DrillPage(metric, month), Drill(metric, month));

    private static async Task<Figure> RangeFigureAsync(Task<int> count, string metric, string from, string to, string key)
        => new(await count, DrillPage(metric, null, from, to, key), Drill(metric, null, from, to, status: key));

    /// <summary>The records behind an accountability, exemption or typical-case figure; null when the metric is none of these.</summary>
    private async Task<IReadOnlyList<DrillRecord>?> DrillAccountabilityAsync(string metric, string? month, string? from, string? to, string? key, CancellationToken ct)
    {
        var (defaultFrom, defaultTo) = DefaultRange();
        (from, to) = (from ?? defaultFrom, to ?? defaultTo);
        IQueryable<AccountabilityCase>? cases = metric switch
        {
            "acc-opened" or "acc-decided" => AccountabilityFor(metric, Required(month)),
            "acc-form" => DecidedWithForm(key ?? "", from, to),
            "acc-category" => DecidedInCategory(key ?? "", from, to),
            _ => null,
        };
        if (cases is not null)
        {
            var list = await cases.OrderByDescending(a => a.OpenedAt).Take(1000).ToListAsync(ct);
            var names = await _db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
            var cadreIds = list.Select(a => a.CadreId).OfType<string>().ToList();
            var cadres = await _db.Cadres.AsNoTracking().Where(c => cadreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
            return list.Select(a => new DrillRecord(a.Id,
                $"{(a.UnitId is { } u ? names.GetValueOrDefault(u, u) : cadres.GetValueOrDefault(a.CadreId!, ""))}：{a.Facts}（{AccountabilityCase.Label(a.Status)}）",
                TypicalSources.AccountabilityUrl(a))).ToList();
        }
        switch (metric)
        {
            case "exemption":
                var exemptions = await ExemptionsDecided(key ?? "", from, to).OrderByDescending(e => e.DecidedAt).Take(1000)
                    .Join(_db.Cadres, e => e.CadreId, c => c.Id, (e, c) => new { e.Id, c.Name, e.Facts, e.Status }).ToListAsync(ct);
                return exemptions.Select(e => new DrillRecord(e.Id, $"{e.Name}：{e.Facts}（{Exemption.Label(e.Status)}）", $"/exemptions/{e.Id}")).ToList();
            case "typical":
                var typical = await TypicalPublished(key ?? "", from, to).OrderByDescending(t => t.PublishedAt).Take(1000)
                    .Select(t => new { t.Id, t.Title }).ToListAsync(ct);
                return typical.Select(t => new DrillRecord(t.Id, t.Title, $"/typical-cases/{t.Id}")).ToList();
            default:
                return null;
        }
    }

    /// <summary>立项 in the month, or 作出问责决定 in the month (cases closed without accountability are not decisions).</summary>
    private IQueryable<AccountabilityCase> AccountabilityFor(string metric, string month)
    {
        var (start, end) = RankingService.Month(month);
        var cases = AccountabilityCases();
        return metric == "acc-opened"
            ? cases.Where(a => a.OpenedAt >= start && a.OpenedAt < end)
            : cases.Where(a => a.Status == AccountabilityStatus.Decided && a.DecidedAt >= start && a.DecidedAt < end);
    }

    private IQueryable<AccountabilityCase> DecidedBetween(string from, string to)
    {
        var (start, _) = RankingService.Month(from);
        var (_, end) = RankingService.Month(to);
        return AccountabilityCases().Where(a => a.Status == AccountabilityStatus.Decided && a.DecidedAt >= start && a.DecidedAt < end);
    }

    /// <summary>The accountability cases of the user's district (those about a unit in it).</summary>
    private IQueryable<AccountabilityCase> AccountabilityCases()
        => _db.Set<AccountabilityCase>().AsNoTracking().Where(a => _ids == null || _ids.Contains(a.UnitId!));

    /// <summary>Decisions that used the form on the subject, the head or the deputy; the stored lists are comma-separated enum names.</summary>
    private IQueryable<AccountabilityCase> DecidedWithForm(string key, string from, string to)
    {
        var decided = DecidedBetween(from, to);
        if (key == "sanction")
        {
            return decided.Where(a => a.Sanction != null);
        }
        var forms = Enum.GetValues<AccountabilityForm>().Where(f => AccountabilityForms.Code(f) == key).Select(f => "," + f + ",").ToList();
        if (forms.Count == 0)
        {
            throw new Web.RuleException("dashboard.bad_form", "status 应为 " + string.Join("、", FormKeys.Select(f => f.Key)), 400);
        }
        var first = forms[0];
        var second = forms.Count > 1 ? forms[1] : first;
        return decided.Where(a => ("," + a.Forms + ",").Contains(first) || ("," + a.HeadForms + ",").Contains(first) || ("," + a.DeputyForms + ",").Contains(first)
            || ("," + a.Forms + ",").Contains(second) || ("," + a.HeadForms + ",").Contains(second) || ("," + a.DeputyForms + ",").Contains(second));
    }

    private IQueryable<AccountabilityCase> DecidedInCategory(string key, string from, string to)
        => int.TryParse(key, out var category) && category is >= 1 and <= 4
            ? DecidedBetween(from, to).Where(a => a.Category == category)
            : throw new Web.RuleException("dashboard.bad_category", "status 应为四种形态的 1、2、3 或 4", 400);

    private IQueryable<Exemption> ExemptionsDecided(string key, string from, string to)
    {
        var status = key switch
        {
            "approved" => ExemptionStatus.Approved,
            "refused" => ExemptionStatus.Refused,
            _ => throw new Web.RuleException("dashboard.bad_exemption", "status 应为 approved 或 refused", 400),
        };
        var (start, _) = RankingService.Month(from);
        var (_, end) = RankingService.Month(to);
        return _db.Set<Exemption>().AsNoTracking().Where(e => e.Status == status && e.DecidedAt >= start && e.DecidedAt < end)
            .Where(e => _ids == null || _db.Cadres.Any(c => c.Id == e.CadreId && _ids.Contains(c.UnitId)));
    }

    /// <summary>Typical cases published in the range and still published (a withdrawn one no longer counts).</summary>
    private IQueryable<TypicalCase> TypicalPublished(string key, string from, string to)
    {
        if (!WireEnum.TryParse<TypicalCaseKind>(key, out var kind))
        {
            throw new Web.RuleException("dashboard.bad_kind", "status 应为 positive 或 negative", 400);
        }
        var (start, _) = RankingService.Month(from);
        var (_, end) = RankingService.Month(to);
        return _db.Set<TypicalCase>().AsNoTracking().Where(t => t.Kind == kind && t.Status == TypicalCaseStatus.Published && t.PublishedAt >= start && t.PublishedAt < end)
            .Where(t => _ids == null || _ids.Contains(t.UnitId));
    }
}
