using Zhengfeng.Data;
using Zhengfeng.Features.Cases;
using Zhengfeng.Features.Services;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Demo;

/// <summary>
/// 窗口服务: published service items of five windows with their full materials lists, and visits at them — done on the spot,
/// told what was missing, passed on, one over its promised limit and one applicant who had to come a second time.
/// </summary>
public sealed partial class DemoHistory
{
    private async Task<int> LoadServicesAsync(DemoCast cast, DateTimeOffset now, CancellationToken ct)
    {
        ServiceItem Item(string unitCode, string name, int promised, int legal, string materials, string? fees, string place, string basis)
        {
            var item = new ServiceItem
            {
                Id = Ids.New(), UnitId = cast.Units[unitCode].Id, Name = name, PromisedDays = promised, LegalDays = legal, Materials = materials, Fees = fees,
                Place = place, Hours = "工作日 上午8:30-12:00 下午14:30-17:30", LegalBasis = basis, Published = true, CreatedAt = now.AddDays(-90),
                UpdatedAt = now.AddDays(-90),
            };
            db.Add(item);
            return item;
        }
        var estate = Item("d-land", "不动产转移登记（二手房过户）", 5, 30,
            "不动产登记申请书\n买卖双方身份证明\n不动产权证书\n存量房买卖合同\n完税凭证\n婚姻状况证明", "住宅每件80元", "县政务服务中心二楼 不动产登记窗口（6-9号）",
            "《不动产登记暂行条例》第二十条");
        var card = Item("d-hr", "社会保障卡补办", 0, 10, "本人有效身份证件\n近期免冠一寸彩色照片（或现场拍照）\n委托代办的另需代办人身份证件和委托书", "不收费",
            "县政务服务中心一楼 人社窗口（12号）", "《社会保障卡管理办法》");
        var licence = Item("d-market", "个体工商户营业执照设立登记", 1, 15, "个体工商户登记（备案）申请书\n经营者身份证明\n经营场所使用证明（租赁合同或产权证明）",
            "不收费", "县政务服务中心一楼 市场准入窗口（3-5号）", "《促进个体工商户发展条例》《市场主体登记管理条例》第十九条");
        var move = Item("t-01", "户籍迁移（准迁证明代办）", 3, 20, "户口簿\n本人身份证\n迁入地房产证明或亲属关系证明\n结婚证（夫妻投靠的）", "不收费",
            "岚城街道便民服务中心 综合窗口", "《中华人民共和国户口登记条例》第十条");
        var signs = Item("d-urban", "户外广告及招牌设施设置审批", 5, 20, "户外广告（招牌）设置申请表\n营业执照复印件\n设置效果图及尺寸说明\n场地产权或使用证明",
            "不收费", "县政务服务中心二楼 城管窗口（15号）", "《城市市容和环境卫生管理条例》第十一条");

        var count = 0;
        WindowVisit Visit(ServiceItem item, int daysAgo, string name, string phone, string? repeatOf = null)
        {
            var at = ChinaTime.At(now.AddDays(-daysAgo).CstDate(), new TimeOnly(9, 10)).AddMinutes(37 * count); // windows open in office hours
            var staff = cast.StaffOf(item.UnitId);
            var id = Ids.New();
            var visit = new WindowVisit
            {
                Id = id, Number = "CK" + Case.NumberOf(id, at), UnitId = item.UnitId, ServiceItemId = item.Id, ReceivedAt = at,
                ApplicantNameEnc = identity.Protect(name), ApplicantPhoneEnc = identity.Protect(phone), ApplicantPhoneHash = identity.PhoneHash(phone),
                FirstReceiverId = staff.Id, FirstReceiverName = staff.Name, RecordedBy = staff.Id,
                DueAt = calendar.WorkdayDeadline(at, item.PromisedDays).DueAt, RepeatOfId = repeatOf,
            };
            db.Add(visit);
            count++;
            return visit;
        }
        Visit(card, 2, "王秀英", "13807351001").Complete(now.AddDays(-2).AddHours(-2), cast.StaffOf(card.UnitId).Id, onTheSpot: true);
        Visit(licence, 6, "陈国强", "13907351002").Complete(now.AddDays(-5), cast.StaffOf(licence.UnitId).Id);
        var first = Visit(estate, 25, "刘建华", "13607351003");
        first.Tell(first.ReceivedAt.AddMinutes(20), ["完税凭证", "婚姻状况证明"]);
        var second = Visit(estate, 12, "刘建华", "13607351003", first.Id);
        second.Complete(second.ReceivedAt.AddDays(4), cast.StaffOf(estate.UnitId).Id);
        // Over the promise: five working days promised, still open after three weeks.
        Visit(estate, 21, "张丽", "13707351004");
        var passed = Visit(move, 3, "赵明", "13507351005");
        passed.Transfer(passed.ReceivedAt.AddHours(1), cast.Units["d-hr"].Id, "涉及社保关系转移，转县人社局一并办理");
        var sign = Visit(signs, 4, "孙立新", "13307351006");
        sign.Tell(sign.ReceivedAt.AddMinutes(15), ["设置效果图及尺寸说明"]);
        await SaveAsync(ct);
        return count;
    }
}
