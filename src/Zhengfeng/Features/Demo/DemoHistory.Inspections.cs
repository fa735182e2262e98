using Zhengfeng.Data;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Clues;
using Zhengfeng.Features.Inspections;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Demo;

/// <summary>
/// 暗访: one issued plan for the window units, visited by the supervision office and the outside visitor (特邀监督员), with two
/// submitted record sheets; one sheet's non-conformity (no photo) is already a clue of the visited unit.
/// </summary>
public sealed partial class DemoHistory
{
    private static readonly string[] VisitedUnits = ["d-urban", "t-03", "d-market"];

    private async Task LoadInspectionsAsync(DemoCast cast, Actor visitor, DateTimeOffset now, CancellationToken ct)
    {
        var supervisor = cast.Supervisor;
        var start = now.AddDays(-6);
        var id = Ids.New();
        var plan = new MysteryInspection { Id = id, Number = "AF" + Case.NumberOf(id, start), CreatedBy = supervisor.Id, CreatedAt = start };
        plan.Revise("窗口单位作风暗访（第四季度）", "检查窗口单位工作人员在岗在位、工作纪律和服务态度，落实一次性告知、首问负责制度情况。",
            start.CstDate(), now.AddDays(14).CstDate(), "在岗在位\n工作纪律\n服务态度\n一次性告知\n首问负责", start);
        plan.Issue(start.AddHours(2));
        db.Add(plan);
        var units = VisitedUnits.Select(code => cast.Units[code].Id).ToList();
        db.AddRange(units.Select(u => new InspectionTarget { PlanId = id, UnitId = u }));
        db.AddRange(new[] { supervisor.Id, visitor.Id }.Where(u => u != Actor.System.Id).Distinct()
            .Select(u => new InspectionVisitor { PlanId = id, UserId = u }));

        InspectionSheet Sheet(string unitId, DateTimeOffset at, string place, string? findings, params (MarkResult Result, string? Note)[] marks)
        {
            var sheet = new InspectionSheet { Id = Ids.New(), PlanId = id, UnitId = unitId, CreatedBy = visitor.Id, CreatedAt = at };
            sheet.Fill(at, place, findings, at);
            sheet.Submit(visitor.Id, at.AddMinutes(40));
            db.Add(sheet);
            for (var i = 0; i < plan.Items.Count; i++)
            {
                var (result, note) = i < marks.Length ? marks[i] : (MarkResult.Unchecked, null);
                db.Add(new InspectionMark { Id = Ids.New(), SheetId = sheet.Id, Line = i + 1, Item = plan.Items[i], Result = result, Note = note });
            }
            return sheet;
        }

        Sheet(units[0], now.AddDays(-4).AddHours(-5), "县城管局一楼办事窗口", null,
            (MarkResult.Conforming, null), (MarkResult.Conforming, null), (MarkResult.Conforming, "主动起身接待"), (MarkResult.Conforming, null), (MarkResult.Conforming, null));
        var bad = Sheet(units[1], now.AddDays(-3).AddHours(-6), "镇便民服务中心", "下午三点十分到达，民政窗口无人，等候二十五分钟后工作人员返回，未说明去向。",
            (MarkResult.NonConforming, "民政窗口无人值守约25分钟"), (MarkResult.Conforming, null), (MarkResult.Conforming, null), (MarkResult.Unchecked, null),
            (MarkResult.Conforming, null));
        await SaveAsync(ct);

        var mark = db.Set<InspectionMark>().Single(m => m.SheetId == bad.Id && m.Line == 1);
        var clue = new Clue
        {
            Id = Ids.New(), Source = ClueSource.Mystery, UnitId = units[1], ProblemType = "laxity",
            Content = $"暗访发现（{plan.Number}，{ChinaTime.Format(bad.VisitedAt)}）：在岗在位不符合要求。{mark.Note}", Place = bad.Place,
            RegisteredBy = supervisor.Id, RegisteredAt = now.AddDays(-2),
        };
        db.Add(clue);
        mark.ClueId = clue.Id;
        await SaveAsync(ct);
    }
}
