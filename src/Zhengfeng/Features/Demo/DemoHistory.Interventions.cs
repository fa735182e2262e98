using Zhengfeng.Data;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Interventions;

namespace Zhengfeng.Features.Demo;

/// <summary>
/// 说情、打招呼 as the people who received them recorded them: one man who called three different people about the same
/// enterprise's complaint (the count by person shows him first), and two single calls.
/// </summary>
public sealed partial class DemoHistory
{
    private void LoadInterventions(DemoCast cast, DateTimeOffset now)
    {
        var recipients = cast.UnitStaff.Values.OrderBy(a => a.Id, StringComparer.Ordinal).Take(3).Append(cast.Dispatcher).Where(a => a.UnitId is not null).ToList();
        if (recipients.Count == 0)
        {
            return;
        }
        void Record(Actor by, int daysAgo, string name, string? org, InterventionChannel channel, string matter, string request, string response)
        {
            var at = now.AddDays(-daysAgo).AddHours(-3);
            db.Add(new Intervention
            {
                Id = Ids.New(), IntervenerName = name, IntervenerOrg = org, Channel = channel, OccurredAt = at, Matter = matter, Request = request,
                Response = response, RecordedBy = by.Id, RecordedByUnitId = by.UnitId!, RecordedAt = at.AddHours(2),
            });
        }
        const string Plant = "某建材公司夜间施工噪声扰民投诉的办理";
        Record(recipients[0], 40, "钱某", "某建材公司董事长", InterventionChannel.Phone, Plant,
            "希望把工单按“已解决”回复，不要再上门检查。", "明确拒绝，告知必须按规定核查并如实答复，已向分管领导报告。");
        Record(recipients[^1], 33, "钱 某", "某建材公司董事长", InterventionChannel.InPerson, Plant,
            "来到热线中心，希望把同类投诉合并后不再派单。", "告知派单规则，拒绝其要求，当场登记。");
        Record(recipients[Math.Min(1, recipients.Count - 1)], 21, "钱某", "某建材公司董事长", InterventionChannel.Banquet, Plant,
            "托人约饭，席间提出希望对整改期限“宽限一下”。", "未赴宴，电话告知对方不接受宴请，整改期限按督办单执行。");
        Record(recipients[Math.Min(2, recipients.Count - 1)], 12, "李某", "县某局退休干部", InterventionChannel.Message, "亲属经营的餐馆油烟扰民投诉",
            "微信请求“关照一下，别罚款”。", "回复依法依规处理，未作任何承诺。");
    }
}
