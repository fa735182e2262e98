using Zhengfeng.Features.Accountability;
using Zhengfeng.Features.Bulletins;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Org;
using Zhengfeng.Features.Rectification;

namespace Zhengfeng.Features.Campaigns;

/// <summary>The wording of a campaign's progress bulletin and closing summary, written from its ledger.</summary>
public static class CampaignTexts
{
    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    /// <summary>What the closing summary needs beyond the ledger.</summary>
    public sealed record SummaryFacts(IReadOnlyList<Clue> Clues, IReadOnlyDictionary<string, string> ProblemTypes, IReadOnlyList<RectificationItem> Items,
        IReadOnlyList<AccountabilityCase> Cases, IReadOnlyDictionary<string, Cadre> Cadres, IReadOnlyDictionary<string, string> UnitNames);

    /// <summary>关于××专项整治工作进展情况的通报: period, overall figures, every unit with the lowest named, zero reports and flags, next steps.</summary>
    public static IReadOnlyList<string> ProgressBulletin(Campaign c, CampaignLedgerView v)
    {
        var t = v.Totals;
        var lines = new List<string>
        {
            $"{c.Name}开展以来{Plan(c)}，各参加单位按照方案要求推进各项任务。现将截至{Bulletin.DateText(v.Today)}的工作进展情况通报如下。",
            "一、总体进展",
            $"本次专项整治自{Bulletin.DateText(c.StartsOn)}至{Bulletin.DateText(c.EndsOn)}开展，共有{t.Units}个参加单位"
                + (v.CurrentPhase is { } phase ? $"，目前处于第{Numeral(phase.Seq)}阶段“{phase.Name}”（{Bulletin.DateText(phase.StartsOn)}至{Bulletin.DateText(phase.EndsOn)}）。" : "。"),
            $"截至{Bulletin.DateText(v.Today)}，共交办责任清单任务{t.Tasks}项，已验收办结{t.Done}项，完成率{CampaignLedger.Percent(t.TaskRate)}；逾期未完成{t.Overdue}项。"
                + $"登记问题线索{t.Clues}条，其中核实属实{t.CluesVerified}条；建立整改任务{t.RectificationTotal}项，已销号{t.RectificationClosed}项，"
                + $"整改完成率{CampaignLedger.Percent(t.RectificationRate)}。各单位应报送情况{t.ReportsAsked}次，实际报送{t.ReportsFiled}次。",
            "二、各单位进展情况",
        };
        var units = v.Units.Where(u => u.Participating).OrderByDescending(u => u.Rate ?? -1).ThenBy(u => u.Overdue).ToList();
        for (var i = 0; i < units.Count; i++)
        {
            var u = units[i];
            lines.Add($"{i + 1}．{u.UnitName}：任务{u.Tasks}项，办结{u.Done}项，逾期{u.Overdue}项；整改任务{u.RectificationTotal}项，已销号{u.RectificationClosed}项；"
                + $"报送{u.ReportsFiled}次（应报{u.ReportsAsked}次）；完成率{CampaignLedger.Percent(u.Rate)}。");
        }
        if (v.Lowest is { } lowest)
        {
            lines.Add($"其中，{lowest.UnitName}进度最慢，整改完成率只有{CampaignLedger.Percent(lowest.Rate)}"
                + (lowest.Overdue > 0 ? $"，逾期未完成任务{lowest.Overdue}项" : "") + "。");
        }
        lines.Add("三、存在的问题");
        lines.Add("（一）零报告单位");
        lines.AddRange(ZeroReportLines(c, v));
        lines.Add("（二）报告“无问题”但被发现问题的单位");
        lines.AddRange(v.Flagged.Count == 0 ? ["未发现报告“无问题”而被其他渠道发现问题的单位。"] : v.Flagged.Select(f => f.Reason + "。"));
        lines.Add("（三）逾期未完成的任务");
        var overdue = v.Tasks.Where(x => x.Overdue).ToList();
        lines.AddRange(overdue.Count == 0 ? ["目前没有逾期未完成的任务。"]
            : overdue.Select(x => $"{x.UnitName}：{x.Number}“{x.Title}”，完成期限{Bulletin.DateText(x.DueOn)}，{x.StatusLabel}。"));
        lines.Add("四、下步工作要求");
        var step = 0;
        if (overdue.Count > 0)
        {
            lines.Add($"（{Numeral(++step)}）有逾期任务的单位要对照责任清单查找原因，倒排时间，尽快完成并报告；逾期不报的，按程序进入督办。");
        }
        if (v.ZeroReports.Count > 0 || v.Flagged.Count > 0)
        {
            lines.Add($"（{Numeral(++step)}）零报告单位要深入开展自查自纠，如实报送情况；报告“无问题”但被发现问题的单位要说明情况，查摆不实的予以通报。");
        }
        lines.Add($"（{Numeral(++step)}）各单位要按照实施方案规定的报送周期（{Campaign.Label(c.ReportCycle)}）报送工作进展，不得漏报、迟报。");
        lines.Add($"（{Numeral(++step)}）专项整治工作领导小组办公室将继续跟踪督促，定期通报进展情况。");
        return lines;
    }

    /// <summary>The closing summary: the plan and its phases, the figures, the problems found and fixed, accountability, shortcomings and lessons.</summary>
    public static IReadOnlyList<string> Summary(Campaign c, CampaignLedgerView v, SummaryFacts f)
    {
        var t = v.Totals;
        string UnitName(string? id) => id is null ? "" : f.UnitNames.GetValueOrDefault(id, id);
        var lines = new List<string>
        {
            "一、基本情况",
            (c.DocumentNumber is { } number ? $"根据实施方案{number}，" : "") + $"{c.Name}于{Bulletin.DateText(c.StartsOn)}至{Bulletin.DateText(c.EndsOn)}开展。" + (c.Goal is { } goal ? $"工作目标：{goal}" : ""),
        };
        if (c.Leaders.Count > 0)
        {
            lines.Add("成立了专项整治工作领导小组：" + string.Join("；", c.Leaders.Select(l => $"{l.Role}{l.Name}（{l.Post}）")) + "。");
        }
        lines.Add($"参加单位{t.Units}个：{string.Join("、", v.Units.Where(u => u.Participating).Select(u => u.UnitName))}。");
        lines.Add($"专项整治分{Numeral(c.Phases.Count)}个阶段推进：" + string.Join("；", c.Phases.Select(p =>
            $"第{Numeral(p.Seq)}阶段“{p.Name}”（{Bulletin.DateText(p.StartsOn)}至{Bulletin.DateText(p.EndsOn)}）")) + "。");
        lines.Add("二、主要工作和成效");
        lines.Add($"共交办责任清单任务{t.Tasks}项，已验收办结{t.Done}项，完成率{CampaignLedger.Percent(t.TaskRate)}；各单位报送情况{t.ReportsFiled}次（应报{t.ReportsAsked}次）；"
            + $"发出督办单{t.Notices}份，印发通报{t.Bulletins}期。");
        foreach (var p in v.Phases)
        {
            lines.Add($"第{Numeral(p.Seq)}阶段“{p.Name}”：任务{p.Tasks}项，办结{p.Done}项，逾期{p.Overdue}项；报送{p.ReportsFiled}次，登记问题线索{p.Clues}条。");
        }
        lines.Add("三、发现和整改的问题");
        if (f.Clues.Count == 0)
        {
            lines.Add("专项整治中未登记问题线索。");
        }
        else
        {
            var bySource = string.Join("、", f.Clues.GroupBy(x => x.Source).OrderByDescending(g => g.Count()).Select(g => $"{Clue.Label(g.Key)}{g.Count()}条"));
            var byType = string.Join("、", f.Clues.Where(x => x.IsTrue).GroupBy(x => x.ProblemType).OrderByDescending(g => g.Count())
                .Select(g => $"{f.ProblemTypes.GetValueOrDefault(g.Key, g.Key)}{g.Count()}条"));
            lines.Add($"共发现问题线索{f.Clues.Count}条（{bySource}），核实属实{f.Clues.Count(x => x.IsTrue)}条" + (byType.Length > 0 ? $"，其中{byType}。" : "。"));
        }
        var closed = f.Items.Count(i => i.Status == RectificationStatus.Closed);
        lines.Add($"建立整改任务{f.Items.Count}项，已整改销号{closed}项，整改完成率{CampaignLedger.Percent(CampaignLedger.Rate(closed, f.Items.Count))}。");
        foreach (var i in f.Items.Where(i => i.Status != RectificationStatus.Closed))
        {
            lines.Add($"尚未销号：{UnitName(i.UnitId)}“{i.Measures}”，整改期限{Bulletin.DateText(i.DueDate)}，{RectificationItem.Label(i.Status)}。");
        }
        lines.Add("四、问责情况");
        var decided = f.Cases.Where(a => a.Status == AccountabilityStatus.Decided).ToList();
        if (f.Cases.Count == 0)
        {
            lines.Add("专项整治中未启动问责。");
        }
        else
        {
            lines.Add($"启动问责{f.Cases.Count}件，已作出问责决定{decided.Count}件。");
            foreach (var a in decided)
            {
                var subject = a.CadreId is { } id && f.Cadres.TryGetValue(id, out var cadre) ? $"{UnitName(cadre.UnitId)}{cadre.Name}" : UnitName(a.UnitId);
                var forms = AccountabilityForms.Split(a.Forms).Select(AccountabilityForms.Label).Concat(a.SanctionActList().Take(1).Select(Sanctions.Label));
                lines.Add($"对{subject}作出问责决定：{string.Join("、", forms)}。");
            }
        }
        lines.Add("五、存在的不足");
        var shortcomings = new List<string>();
        if (v.ZeroReports.Count > 0)
        {
            shortcomings.AddRange(ZeroReportLines(c, v));
        }
        shortcomings.AddRange(v.Flagged.Select(x => x.Reason + "。"));
        shortcomings.AddRange(v.Tasks.Where(x => x.Overdue).Select(x => $"{x.UnitName}{x.Number}“{x.Title}”逾期未完成（完成期限{Bulletin.DateText(x.DueOn)}）。"));
        lines.AddRange(shortcomings.Count > 0 ? shortcomings : ["各参加单位均按要求报送，任务均在期限内推进。"]);
        lines.Add("六、经验和下步打算");
        lines.AddRange(string.IsNullOrWhiteSpace(c.Summary)
            ? ["（请在总结结束专项整治时填写经验做法、建立的长效机制和下步打算。）"]
            : c.Summary.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
        return lines;
    }

    private static IEnumerable<string> ZeroReportLines(Campaign c, CampaignLedgerView v)
    {
        if (v.ZeroReports.Count == 0)
        {
            yield return "各参加单位均已按阶段报送情况或登记自查自纠问题。";
            yield break;
        }
        foreach (var phase in v.ZeroReports.GroupBy(z => (z.PhaseSeq, z.PhaseName)))
        {
            yield return $"第{Numeral(phase.Key.PhaseSeq)}阶段“{phase.Key.PhaseName}”：{string.Join("、", phase.Select(z => z.UnitName))}"
                + "未报送专项整治情况，也未登记自查自纠问题。";
        }
    }

    private static string Plan(Campaign c) => c.DocumentNumber is { } n ? $"（根据实施方案{n}）" : "";

    private static string Numeral(int n) => n >= 1 && n <= Numerals.Length ? Numerals[n - 1] : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
