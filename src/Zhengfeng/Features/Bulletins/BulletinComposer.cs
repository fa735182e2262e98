using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Rankings;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Bulletins;

/// <summary>
/// Writes a bulletin's body from the records it cites: each verified clue (unit, problem, verification result),
/// each case (unit, title, how late), and a month's ranking (top and bottom units with scores). Lines starting
/// with "一、" are level-1 headings and "（一）" level-2 headings, as the docx writer expects.
/// </summary>
public sealed class BulletinComposer(AppDb db, RankingService rankings, TimeProvider clock)
{
    private const int RankingShown = 3;

    public async Task<string> ComposeAsync(BulletinKind kind, IReadOnlyList<Clue> clues, IReadOnlyList<Case> cases, string? period, CancellationToken ct)
    {
        var unitIds = clues.Select(c => c.UnitId).Concat(cases.Select(c => c.LeadUnitId ?? "")).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var types = await db.Set<ProblemType>().AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Name, ct);
        var now = clock.GetUtcNow();
        var text = new StringBuilder();
        text.AppendLine(kind == BulletinKind.Criticism
            ? "为严肃工作纪律，持续深化作风建设，现将近期查实的作风问题和工单办理中的突出问题通报如下。"
            : "为树立先进典型，激励干部担当作为，现将近期工作中表现突出的有关情况通报如下。");
        var section = 0;
        if (clues.Count > 0)
        {
            text.AppendLine($"{Numeral(++section)}、{(kind == BulletinKind.Criticism ? "查实的作风问题" : "核查情况")}");
            var k = 0;
            foreach (var clue in clues)
            {
                var unit = units.GetValueOrDefault(clue.UnitId, "有关单位");
                var problem = types.GetValueOrDefault(clue.ProblemType, clue.ProblemType);
                text.AppendLine($"（{Numeral(++k)}）{unit}{problem}问题");
                var note = string.IsNullOrWhiteSpace(clue.VerificationNote) ? "" : Sentence(clue.VerificationNote);
                text.AppendLine($"{Sentence(clue.Content)}经核查，{Clue.Label(clue.Result)}。{note}");
            }
        }
        if (cases.Count > 0)
        {
            text.AppendLine($"{Numeral(++section)}、{(kind == BulletinKind.Criticism ? "工单办理超期问题" : "工单办理情况")}");
            var k = 0;
            foreach (var c in cases)
            {
                var unit = units.GetValueOrDefault(c.LeadUnitId ?? "", "有关单位");
                var due = c.HandleDueAt is { } d ? $"办理时限为{Bulletin.DateText(d.CstDate())}{d.ToCst():HH:mm}，" : "";
                text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{++k}.{unit}办理的“{c.Title}”工单（工单编号{c.Number}），{due}{Lateness(c, now)}。"));
            }
        }
        if (!string.IsNullOrWhiteSpace(period))
        {
            var (start, _) = RankingService.Month(period);
            var month = start.ToCst();
            var rows = await rankings.UnitsAsync(period, ct);
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{Numeral(++section)}、{month.Year}年{month.Month}月工作排名情况"));
            if (rows.Count == 0)
            {
                text.AppendLine("该月没有派单或评价，未形成排名。");
            }
            else
            {
                var top = rows.Take(Math.Min(RankingShown, (rows.Count + 1) / 2)).ToList();
                var bottom = rows.Skip(top.Count).TakeLast(RankingShown).ToList();
                var line = $"按照响应率、解决率、满意率加权计算，综合得分排名前列的单位是：{Scores(top)}";
                line += bottom.Count > 0 ? $"；排名靠后的单位是：{Scores(bottom)}。" : "。";
                text.AppendLine(line);
            }
        }
        text.AppendLine($"{Numeral(++section)}、{(kind == BulletinKind.Criticism ? "有关要求" : "希望和要求")}");
        text.Append(kind == BulletinKind.Criticism
            ? "各单位要以此为戒、举一反三，对照通报问题逐项自查自纠，压实整改责任，切实转变工作作风。被通报单位要认真整改，并按要求报送整改情况。"
            : "希望受到表扬的单位珍惜荣誉、再接再厉。各单位要以先进为榜样，主动担当作为，不断提升为民服务水平。");
        return text.ToString();
    }

    /// <summary>How late a case was: replied after the handling limit, or still open past it.</summary>
    public static string Lateness(Case c, DateTimeOffset now)
    {
        if (c.HandleDueAt is not { } due)
        {
            return "尚未派单";
        }
        if (c.RepliedAt is { } replied)
        {
            return replied > due ? $"超过办理时限{Span(replied - due)}才答复" : "在办理时限内答复";
        }
        return now > due ? $"截至{Bulletin.DateText(now.CstDate())}仍未办结，已超过办理时限{Span(now - due)}" : "目前仍在办理时限内";
    }

    private static string Span(TimeSpan late)
        => late.TotalDays >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)late.TotalDays}天{(late.Hours > 0 ? $"{late.Hours}小时" : "")}")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (int)Math.Ceiling(late.TotalHours))}小时");

    private static string Scores(IEnumerable<UnitRanking> rows)
        => string.Join("、", rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.UnitName}（{r.Score:0.00}分）")));

    private static string Sentence(string s)
    {
        var t = s.Trim();
        return t.Length > 0 && "。！？；".Contains(t[^1], StringComparison.Ordinal) ? t : t + "。";
    }

    private static readonly string[] Digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    /// <summary>Chinese numerals for heading numbers: 一 … 九十九.</summary>
    public static string Numeral(int n) => n switch
    {
        < 10 => Digits[n],
        < 20 => "十" + (n % 10 == 0 ? "" : Digits[n % 10]),
        < 100 => Digits[n / 10] + "十" + (n % 10 == 0 ? "" : Digits[n % 10]),
        _ => n.ToString(CultureInfo.InvariantCulture),
    };
}
