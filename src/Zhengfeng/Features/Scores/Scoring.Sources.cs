using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Features.Accountability;
using Zhengfeng.Features.Assignments;
using Zhengfeng.Features.Assists;
using Zhengfeng.Features.Bulletins;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Evaluations;
using Zhengfeng.Features.Honours;
using Zhengfeng.Features.Org;
using Zhengfeng.Features.Rectification;
using Zhengfeng.Features.Supervision;
using Zhengfeng.Features.TypicalCases;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Scores;

/// <summary>Where the points come from: one query per kind of record, each naming the record in its reason.</summary>
public sealed partial class Scoring
{
    /// <summary>交办事项 due in the year that are still open after their due date, or whose completion was reported late.</summary>
    private async Task<List<Hit>> AssignmentsAsync(YearSpan y, CancellationToken ct)
    {
        var (first, last, today) = (y.First, y.Last, y.Today);
        var due = await db.Set<Assignment>().AsNoTracking().Where(a => a.DueOn >= first && a.DueOn <= last && a.DueOn < today).ToListAsync(ct);
        return due.Where(a => a.IsOverdue(today) || a.WasLate).Select(a => new Hit(a.LeadUnitId, ScoreKind.AssignmentOverdue,
                $"交办事项{a.Number}“{Short(a.Title)}”完成期限{Day(a.DueOn)}，" + (a.WasLate
                    ? $"{Day(a.ReportedAt!.Value)}才报告完成，逾期{a.ReportedAt.Value.CstDate().DayNumber - a.DueOn.DayNumber}天"
                    : $"截至{Day(today)}仍未报告完成（{Assignment.Label(a.Status)}）"),
                a.Id, $"/assignments/{a.Id}", ChinaTime.EndOfDay(a.DueOn)))
            .ToList();
    }

    /// <summary>督办单 whose reply deadline fell in the year and passed without a reply (or with a late one), and red notices issued in the year.</summary>
    private async Task<List<Hit>> NoticesAsync(YearSpan y, CancellationToken ct)
    {
        var (start, end, now) = (y.Start, y.End, y.Now);
        var notices = await db.Set<SupervisionNotice>().AsNoTracking()
            .Where(n => (n.ReplyDueAt >= start && n.ReplyDueAt < end && n.ReplyDueAt < now) || (n.Level == NoticeLevel.Red && n.IssuedAt >= start && n.IssuedAt < end))
            .ToListAsync(ct);
        var hits = new List<Hit>();
        foreach (var n in notices)
        {
            var url = $"/notices/{n.Id}";
            var late = n.Status != NoticeStatus.Issued && n.RepliedAt > n.ReplyDueAt;
            if (y.Contains(n.ReplyDueAt) && (n.IsOverdue(now) || late))
            {
                var what = late ? $"{ChinaTime.Format(n.RepliedAt)}才回复" : "逾期未回复";
                hits.Add(new Hit(n.UnitId, ScoreKind.NoticeOverdue,
                    $"督办单{n.Number}（{SupervisionNotice.Label(n.Level)}，{Day(n.IssuedAt)}签发）回复期限{ChinaTime.Format(n.ReplyDueAt)}，{what}：{Short(n.Reason)}",
                    n.Id, url, n.ReplyDueAt));
            }
            if (n.Level == NoticeLevel.Red && y.Contains(n.IssuedAt))
            {
                hits.Add(new Hit(n.UnitId, ScoreKind.RedNotice, $"被红牌督办：督办单{n.Number}（{Day(n.IssuedAt)}签发）：{Short(n.Reason)}", n.Id, url, n.IssuedAt));
            }
        }
        return hits;
    }

    /// <summary>
    /// Bulletins issued in the year, for every unit they name: the units of the clues and the lead units of the cases they were
    /// composed from and, for praise, the units praised through an evaluation or an honour.
    /// </summary>
    private async Task<List<Hit>> BulletinsAsync(YearSpan y, CancellationToken ct)
    {
        var (first, last) = (y.First, y.Last);
        var bulletins = await db.Set<Bulletin>().AsNoTracking()
            .Where(b => b.Status == BulletinStatus.Issued && b.IssuedOn >= first && b.IssuedOn <= last).ToListAsync(ct);
        if (bulletins.Count == 0)
        {
            return [];
        }
        var ids = bulletins.Select(b => b.Id).ToList();
        var clueIds = bulletins.SelectMany(b => b.ClueIdList).Distinct().ToList();
        var caseIds = bulletins.SelectMany(b => b.CaseIdList).Distinct().ToList();
        var clueUnits = await db.Set<Clue>().AsNoTracking().Where(c => clueIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.UnitId, ct);
        var caseUnits = await db.Set<Case>().AsNoTracking().Where(c => caseIds.Contains(c.Id) && c.LeadUnitId != null)
            .ToDictionaryAsync(c => c.Id, c => c.LeadUnitId!, ct);
        var praised = (await db.Set<EvaluationConsequence>().AsNoTracking().Where(c => c.BulletinId != null && ids.Contains(c.BulletinId))
                .Select(c => new { BulletinId = c.BulletinId!, c.UnitId }).ToListAsync(ct))
            .Concat(await db.Set<Honour>().AsNoTracking().Where(h => h.BulletinId != null && ids.Contains(h.BulletinId))
                .Select(h => new { BulletinId = h.BulletinId!, h.UnitId }).ToListAsync(ct))
            .ToLookup(p => p.BulletinId, p => p.UnitId);
        var hits = new List<Hit>();
        foreach (var b in bulletins)
        {
            var named = b.ClueIdList.Select(id => clueUnits.GetValueOrDefault(id)).Concat(b.CaseIdList.Select(id => caseUnits.GetValueOrDefault(id)))
                .Concat(b.Kind == BulletinKind.Praise ? praised[b.Id] : Enumerable.Empty<string>()).OfType<string>().Distinct();
            var kind = b.Kind == BulletinKind.Praise ? ScoreKind.PraiseBulletin : ScoreKind.CriticismBulletin;
            var at = b.IssuedAt ?? ChinaTime.At(b.IssuedOn!.Value, TimeOnly.MinValue);
            var reason = $"{(kind == ScoreKind.PraiseBulletin ? "受到通报表扬" : "被通报批评")}：《{Short(b.Title, 60)}》（{b.DocumentNumber(y.Year)}，{Day(b.IssuedOn!.Value)}印发）";
            hits.AddRange(named.Select(unitId => new Hit(unitId, kind, reason, b.Id, $"/api/v1/bulletins/{b.Id}/docx", at))); // the issued document itself
        }
        return hits;
    }

    /// <summary>
    /// Accountability decided in the year: on a unit, the unit's deduction; on a cadre, the cadre's unit gets the cadre rule.
    /// Cases closed without a decision (不予问责, 免予问责) do not count.
    /// </summary>
    private async Task<List<Hit>> AccountabilityAsync(YearSpan y, CancellationToken ct)
    {
        var (start, end) = (y.Start, y.End);
        var cases = await db.Set<AccountabilityCase>().AsNoTracking()
            .Where(c => (c.Status == AccountabilityStatus.Decided || (c.Status == AccountabilityStatus.Closed && c.Decision != null))
                && c.DecidedAt >= start && c.DecidedAt < end)
            .ToListAsync(ct);
        var cadreIds = cases.Where(c => c.CadreId != null).Select(c => c.CadreId!).Distinct().ToList();
        var cadres = await db.Cadres.AsNoTracking().Where(c => cadreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var hits = new List<Hit>();
        foreach (var c in cases)
        {
            var measures = string.Join("、", AccountabilityForms.Split(c.Forms).Select(AccountabilityForms.Label)
                .Concat(c.Sanction is { } s ? [Sanctions.Label(s)] : []));
            var decided = $"{Day(c.DecidedAt!.Value)}作出问责决定" + (measures.Length > 0 ? $"（{measures}）" : "") + $"：{Short(c.Decision ?? "")}";
            var url = $"/accountability/{c.Id}";
            if (c.SubjectType == AccountabilitySubject.Unit && c.UnitId is not null)
            {
                hits.Add(new Hit(c.UnitId, ScoreKind.AccountabilityUnit, "单位被问责：" + decided, c.Id, url, c.DecidedAt.Value));
            }
            else if (c.CadreId is not null && cadres.GetValueOrDefault(c.CadreId) is { } cadre)
            {
                hits.Add(new Hit(cadre.UnitId, ScoreKind.AccountabilityCadre, $"本单位干部{cadre.Name}（{cadre.Post}）被问责：" + decided, c.Id, url, c.DecidedAt.Value));
            }
        }
        return hits;
    }

    /// <summary>协办不力 (<see cref="AssistDuty.IsFailure"/>) of duties whose deadline fell in the year.</summary>
    private async Task<List<Hit>> AssistsAsync(YearSpan y, CancellationToken ct)
    {
        var (start, end, now) = (y.Start, y.End, y.Now);
        var duties = (await db.Set<AssistDuty>().AsNoTracking().Where(d => d.DueAt >= start && d.DueAt < end && d.DueAt < now).ToListAsync(ct))
            .Where(d => d.IsFailure(now)).ToList();
        var caseIds = duties.Where(d => d.OwnerType == AssistOwner.Case).Select(d => d.OwnerId).Distinct().ToList();
        var taskIds = duties.Where(d => d.OwnerType == AssistOwner.Assignment).Select(d => d.OwnerId).Distinct().ToList();
        var owners = (await db.Set<Case>().AsNoTracking().Where(c => caseIds.Contains(c.Id)).Select(c => new { c.Id, c.RegisteredAt, c.Title }).ToListAsync(ct))
            .Select(c => new { c.Id, Name = Case.NumberOf(c.Id, c.RegisteredAt) + "“" + c.Title + "”" })
            .Concat(await db.Set<Assignment>().AsNoTracking().Where(a => taskIds.Contains(a.Id)).Select(a => new { a.Id, Name = a.Number + "“" + a.Title + "”" }).ToListAsync(ct))
            .ToDictionary(o => o.Id, o => o.Name);
        return duties.Select(d => new Hit(d.UnitId, ScoreKind.AssistFailure,
                $"协办不力：{AssistDuty.Label(d.OwnerType)}{owners.GetValueOrDefault(d.OwnerId, "")}的协办事项“{Short(d.Part)}”，{d.FailureReason(now)}",
                d.Id, $"/assists/{d.Id}", d.DueAt))
            .ToList();
    }

    /// <summary>Closed 评议 of the year (the campaign's own year): 不满意 and 满意 units.</summary>
    private async Task<List<Hit>> EvaluationsAsync(YearSpan y, CancellationToken ct)
    {
        var year = y.Year;
        var results = await (
                from r in db.Set<EvaluationResult>().AsNoTracking()
                join c in db.Set<EvaluationCampaign>().AsNoTracking() on r.CampaignId equals c.Id
                where c.Year == year && c.Status == CampaignStatus.Closed && r.Verdict != SatisfactionLevel.Basic
                select new { r.UnitId, r.Verdict, r.Score, CampaignId = c.Id, c.Name, c.ClosedAt })
            .ToListAsync(ct);
        return results.Select(r => new Hit(r.UnitId, r.Verdict == SatisfactionLevel.Satisfied ? ScoreKind.EvaluationGood : ScoreKind.EvaluationPoor,
                $"{r.Name}评议结果为“{EvaluationCampaign.Label(r.Verdict)}”（{r.Score.ToString("0.##", CultureInfo.InvariantCulture)}分，{Day(r.ClosedAt ?? y.Start)}评议结束）",
                r.CampaignId, $"/evaluations/{r.CampaignId}", r.ClosedAt ?? y.Start))
            .ToList();
    }

    /// <summary>
    /// The monthly satisfaction rank of every complete month of the year, within each class of unit (部门, 乡镇街道, ...):
    /// the first and the last of a class of at least two rated units whose rates differ. Ties share the place.
    /// </summary>
    private async Task<List<Hit>> RankingsAsync(YearSpan y, Dictionary<string, Unit> units, CancellationToken ct)
    {
        var hits = new List<Hit>();
        for (var month = 1; month <= 12; month++)
        {
            var period = string.Create(CultureInfo.InvariantCulture, $"{y.Year}-{month:00}");
            var lastDay = new DateOnly(y.Year, month, 1).AddMonths(1).AddDays(-1);
            if (ChinaTime.At(lastDay.AddDays(1), TimeOnly.MinValue) > y.Now)
            {
                break; // only complete months: a month still running has no final rank
            }
            var rows = (await rankings.UnitsAsync(period, ct)).Where(r => r.Rated > 0 && units.ContainsKey(r.UnitId));
            foreach (var cls in rows.GroupBy(r => units[r.UnitId].Kind))
            {
                var members = cls.ToList();
                var (best, worst) = (members.Max(r => r.SatisfactionRate), members.Min(r => r.SatisfactionRate));
                if (members.Count < 2 || best == worst)
                {
                    continue;
                }
                foreach (var r in members.Where(r => r.SatisfactionRate == best || r.SatisfactionRate == worst))
                {
                    var top = r.SatisfactionRate == best;
                    var rate = r.SatisfactionRate.ToString("P1", CultureInfo.InvariantCulture);
                    var text = $"{y.Year}年{month}月满意率{rate}（{r.Satisfied}/{r.Rated}件满意），在{Unit.KindLabel(cls.Key)}类{members.Count}个参评单位中"
                        + (top ? "排名第一" : "排名末位");
                    hits.Add(new Hit(r.UnitId, top ? ScoreKind.SatisfactionTop : ScoreKind.SatisfactionBottom, text, period, $"/rankings?period={period}",
                        ChinaTime.EndOfDay(lastDay)));
                }
            }
        }
        return hits;
    }

    /// <summary>整改事项 due in the year and not verified by their due date: still open, or verified late.</summary>
    private async Task<List<Hit>> RectificationsAsync(YearSpan y, CancellationToken ct)
    {
        var (first, last, today) = (y.First, y.Last, y.Today);
        var items = await db.Set<RectificationItem>().AsNoTracking().Where(i => i.DueDate >= first && i.DueDate <= last && i.DueDate < today).ToListAsync(ct);
        return items
            .Where(i => i.Status is RectificationStatus.Open or RectificationStatus.Reported || i.VerifiedAt?.CstDate() > i.DueDate)
            .Select(i => new Hit(i.UnitId, ScoreKind.RectificationOverdue,
                $"整改事项“{Short(i.Measures)}”整改期限{Day(i.DueDate)}，" + (i.Status is RectificationStatus.Open or RectificationStatus.Reported
                    ? $"截至{Day(today)}未通过验收销号（{RectificationItem.Label(i.Status)}）"
                    : $"{Day(i.VerifiedAt!.Value)}才通过验收，逾期完成"),
                i.Id, $"/rectifications/{i.Id}", ChinaTime.EndOfDay(i.DueDate)))
            .ToList();
    }

    /// <summary>Positive typical cases published in the year (and not withdrawn).</summary>
    private async Task<List<Hit>> TypicalCasesAsync(YearSpan y, CancellationToken ct)
    {
        var (start, end) = (y.Start, y.End);
        var published = await db.Set<TypicalCase>().AsNoTracking()
            .Where(t => t.Kind == TypicalCaseKind.Positive && t.Status == TypicalCaseStatus.Published && t.PublishedAt >= start && t.PublishedAt < end)
            .ToListAsync(ct);
        return published.Select(t => new Hit(t.UnitId, ScoreKind.PositiveTypical, $"选树为正面典型：“{Short(t.Title, 60)}”（{Day(t.PublishedAt!.Value)}发布）",
            t.Id, $"/typical-cases/{t.Id}", t.PublishedAt.Value)).ToList();
    }

    /// <summary>Honours awarded in the year, to the unit or to the unit of the cadre honoured.</summary>
    private async Task<List<Hit>> HonoursAsync(YearSpan y, CancellationToken ct)
    {
        var (start, end) = (y.Start, y.End);
        var awarded = await db.Set<Honour>().AsNoTracking()
            .Where(h => h.Status == HonourStatus.Awarded && h.DecidedAt >= start && h.DecidedAt < end).ToListAsync(ct);
        var cadreIds = awarded.Where(h => h.CadreId != null).Select(h => h.CadreId!).ToList();
        var names = await db.Cadres.AsNoTracking().Where(c => cadreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return awarded.Select(h => new Hit(h.UnitId, ScoreKind.Honour,
            $"获得表彰：{h.Year}年度“{h.Title}”" + (h.CadreId is { } cadre ? $"（干部{names.GetValueOrDefault(cadre, "")}）" : "") + $"，{Day(h.DecidedAt!.Value)}审定",
            h.Id, $"/honours?year={h.Year}", h.DecidedAt.Value)).ToList();
    }

    private static string Day(DateTimeOffset at) => at.CstDate().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Short(string text, int max = 40)
    {
        var t = text.ReplaceLineEndings(" ").Trim();
        return t.Length > max ? t[..max] + "…" : t;
    }
}
