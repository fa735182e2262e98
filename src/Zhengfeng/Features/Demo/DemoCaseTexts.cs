namespace Zhengfeng.Features.Demo;

/// <summary>
/// What the demo county's residents ask about, per request category: a title and the request in the caller's words
/// ({0} is a place), the units that usually lead (unit codes, a code listed twice is twice as likely), and replies.
/// Every place and person here is invented.
/// </summary>
public static class DemoCaseTexts
{
    public sealed record Topic(string Title, string Content);

    public sealed record CategoryPlan(string Code, int Weight, string[] Units, Topic[] Topics);

    private static readonly string[] Towns = ["t-01", "t-01", "t-02", "t-03", "t-04", "t-05", "t-06", "t-07", "t-08", "t-09", "t-10", "t-11", "t-12"];

    public static readonly IReadOnlyList<string> Places =
    [
        "岚城街道青石巷", "岚城街道锦绣花园小区", "鹤鸣街道滨江路", "鹤鸣街道鹤鸣新村", "临溪街道临溪农贸市场", "临溪街道建设路",
        "望川镇集镇中心街", "望川镇望川中学门口", "石砚镇石砚村", "桐坪镇桐坪大道", "青禾镇青禾小学附近", "云岫镇云岫景区入口",
        "白鹭镇白鹭湾小区", "枫岭乡枫岭村三组", "芦汀乡芦汀渡口", "杏坞乡杏坞村", "县城人民路与解放路交叉口", "县城长青路",
        "县城东门菜市场", "县城文昌苑小区", "县城阳光花园小区", "县城北站公交站", "县城体育馆周边", "县城工业园区",
    ];

    public static readonly IReadOnlyList<CategoryPlan> Categories =
    [
        new("safety", 3, ["d-emergency", "d-fire", "d-fire", "t-01", "t-04"],
        [
            new("楼道堆放杂物堵塞消防通道", "{0}楼道和消防通道长期堆放杂物和电动车，存在火灾隐患，请相关部门尽快清理。"),
            new("施工围挡倾斜存在倒塌风险", "{0}路边施工围挡被风吹得倾斜，随时可能倒塌，行人经过很危险。"),
            new("电动车楼道内充电", "{0}有住户把电动车推进楼道里充电，晚上也不拔，担心起火。"),
        ]),
        new("utilities", 6, ["d-water", "d-water", "d-housing", "t-01", "t-02"],
        [
            new("小区停水未提前通知", "{0}从今天早上开始停水，没有任何通知，家里老人孩子生活不便，请问什么时候恢复供水？"),
            new("自来水发黄有异味", "{0}自来水发黄并有异味，已经持续好几天，担心影响健康。"),
            new("燃气表读数异常", "{0}燃气费比往月高出一倍多，怀疑燃气表读数有问题，请帮忙核实。"),
        ]),
        new("roads", 9, ["d-urban", "d-urban", "d-transport", "t-02"],
        [
            new("路灯不亮", "{0}一段路灯已经坏了两周多，晚上出行一片漆黑，请尽快维修。"),
            new("井盖缺失", "{0}人行道上有一个井盖缺失，只用树枝挡着，晚上很容易掉进去。"),
            new("道路坑洼积水", "{0}路面坑洼严重，下雨天积水，车辆经过溅水，行人无法通行。"),
        ]),
        new("environment", 7, ["d-eco", "d-eco", "d-urban"],
        [
            new("餐馆油烟扰民", "{0}临街餐馆油烟直排，楼上住户窗户都不敢开，请环保部门处理。"),
            new("夜间施工噪音", "{0}工地晚上十一点后还在施工，噪音很大，严重影响休息。"),
            new("河道有异味", "{0}附近河道发黑发臭，怀疑有企业偷排污水。"),
        ]),
        new("sanitation", 8, ["d-urban", "t-01", "t-01", "t-02", "t-03", "t-05"],
        [
            new("生活垃圾清运不及时", "{0}垃圾桶已经满了好几天没人清运，气味很大，招苍蝇。"),
            new("建筑垃圾乱倾倒", "{0}路边空地被人倾倒大量建筑垃圾，请尽快清理并查处。"),
            new("公厕无人保洁", "{0}公共厕所长期无人打扫，卫生状况很差。"),
        ]),
        new("urban", 9, ["d-urban", "d-urban", "t-01", "t-02", "t-03"],
        [
            new("占道经营影响通行", "{0}早晚有商贩占道摆摊，人行道被占满，行人只能走机动车道。"),
            new("楼顶违章搭建", "{0}有住户在楼顶违章搭建彩钢房，存在安全隐患，请城管查处。"),
            new("共享单车乱停放", "{0}大量共享单车乱停放，堵住了小区出入口。"),
        ]),
        new("housing", 7, ["d-housing", "d-housing", "t-01", "t-02"],
        [
            new("物业不作为", "{0}物业收费后不履行服务，电梯坏了一个月没修，请住建部门督促。"),
            new("房屋漏水无人维修", "{0}楼顶防水层破损，雨天顶楼住户家中漏水，物业推诿不修。"),
            new("办理房产证遇阻", "{0}交房已满三年，开发商迟迟不给办理不动产权证。"),
        ]),
        new("market", 6, ["d-market", "d-market", "d-commerce"],
        [
            new("预付卡商家跑路", "{0}一家健身房办卡后突然关门，预付的三千元无法退还。"),
            new("超市价格标签不符", "{0}超市商品标价与结账价格不一致，多收费。"),
            new("网购商品质量问题", "本人在县城一家门店购买的家电出现质量问题，商家拒绝退换，地址{0}。"),
        ]),
        new("food", 4, ["d-market", "d-market", "d-health"],
        [
            new("餐馆后厨卫生差", "{0}一家小吃店后厨卫生状况很差，餐具不消毒。"),
            new("销售过期食品", "在{0}的小超市买到过期牛奶，要求查处。"),
            new("校园周边流动摊贩卖三无食品", "{0}学校门口有流动摊贩销售三无食品，担心学生健康。"),
        ]),
        new("labour", 6, ["d-hr", "d-hr", "d-housing"],
        [
            new("工地拖欠农民工工资", "本人在{0}的工地干活，老板拖欠工资四个月共两万余元，多次讨要无果。"),
            new("单位未缴纳社保", "我在{0}一家企业上班两年，单位一直没有给我缴纳社保。"),
            new("辞职后不结算工资", "在{0}的餐馆辞职后，老板以各种理由扣押最后一个月工资。"),
        ]),
        new("social", 6, ["d-civil", "d-civil", "d-medical", "t-04", "t-10"],
        [
            new("申请低保无回音", "家住{0}，家中困难，两个月前提交了低保申请，一直没有回音。"),
            new("高龄补贴未到账", "{0}的老人年满八十岁，高龄津贴一直没有到账，请帮忙查询。"),
            new("残疾人补贴咨询", "{0}居民咨询残疾人两项补贴的申请条件和办理流程。"),
        ]),
        new("health", 5, ["d-health", "d-hospital", "d-hospital", "d-medical"],
        [
            new("医院挂号难", "县人民医院专家号很难挂，网上一放号就没有，怀疑有号贩子，我住{0}。"),
            new("医保报销不能异地结算", "{0}居民在外地住院，医保无法直接结算，回来报销手续繁琐。"),
            new("村卫生室经常不开门", "{0}村卫生室经常关门，村民看小病要跑很远。"),
        ]),
        new("education", 7, ["d-edu", "d-edu", "d-edu"],
        [
            new("孩子入学学位问题", "户籍在{0}，孩子今年上小学，被告知片区学位已满，请问如何安排？"),
            new("校外培训机构乱收费", "{0}一家培训机构一次性收取一年学费，现在要退费被拒。"),
            new("校车接送不规范", "{0}学校接送孩子的车辆超载，很危险。"),
        ]),
        new("transport", 4, ["d-transport", "d-transport", "d-police"],
        [
            new("公交车不按点发车", "{0}的公交车经常不按时刻表发车，等车要一个多小时。"),
            new("出租车拒载绕路", "在{0}打车，司机拒载并要求一口价。"),
            new("公交站台损坏", "{0}的公交站台顶棚破损，下雨天无处避雨。"),
        ]),
        new("agriculture", 5, ["d-agri", "d-land", "d-forest", "t-04", "t-05", "t-10", "t-11"],
        [
            new("耕地被占用", "{0}有人在基本农田上建房，请国土部门查处。"),
            new("购买到假种子", "{0}农户购买的玉米种子出苗率很低，怀疑是假种子。"),
            new("土地流转费拖欠", "{0}的土地流转费已经拖欠一年没有支付。"),
        ]),
        new("business", 4, ["d-approval", "d-tax", "d-market", "d-fund"],
        [
            new("办理营业执照来回跑", "在{0}开店，办理营业执照被要求反复补交材料，跑了四五趟还没办好。"),
            new("公积金提取手续繁琐", "{0}职工提取住房公积金，被要求提供很多证明，手续繁琐。"),
            new("企业开办审批慢", "{0}的企业申请项目备案超过承诺时限还没有结果。"),
        ]),
        new("conduct", 3, ["d-approval", "d-land", "d-housing", "d-civil", "t-03", "t-06", "t-09"],
        [
            new("窗口工作人员态度差", "到{0}的服务窗口办事，工作人员态度冷淡，对咨询爱理不理。"),
            new("工作日办事无人在岗", "工作日上午十点到{0}办事，窗口没有人，等了一个小时。"),
            new("办事推诿踢皮球", "在{0}办事，几个部门互相推诿，谁都说不归自己管。"),
        ]),
        new("other", 3, Towns,
        [
            new("邻里纠纷请求调解", "{0}邻居长期占用公共楼道，协商不成，请求调解。"),
            new("流浪犬伤人隐患", "{0}附近流浪犬很多，已有孩子被追咬。"),
            new("咨询政策办理流程", "{0}居民咨询相关政策的办理流程和所需材料。"),
        ]),
    ];

    public static readonly IReadOnlyList<string> ResolvedReplies =
    [
        "接单后我单位立即安排工作人员到现场核实，问题已处理完毕，并已电话告知诉求人，诉求人表示认可。",
        "经现场查看，情况属实，已责成责任单位于当日整改到位，后续将加强日常巡查。",
        "已协调相关方面处理，问题已解决，并向诉求人说明了处理结果。",
    ];

    public static readonly IReadOnlyList<string> PartialReplies =
    [
        "经核实，已先行处置了主要问题，剩余部分需列入下一阶段计划，已向诉求人说明时间安排。",
        "已约谈涉事方并责令整改，目前已部分整改，我单位将跟踪督促直至全部完成。",
    ];

    public static readonly IReadOnlyList<string> ExplainedReplies =
    [
        "已电话联系诉求人，就相关政策规定和办理流程作了详细解释，诉求人表示理解。",
        "经核实，该事项依法应通过司法途径解决，已告知诉求人维权渠道并提供法律援助联系方式。",
    ];

    public static readonly IReadOnlyList<string> UnresolvedReplies =
    [
        "经核实，诉求涉及历史遗留问题，暂不具备解决条件，已向诉求人说明情况并做好解释工作。",
    ];

    public static readonly IReadOnlyList<string> ReturnReasons =
    [
        "经核实，该事项不属于本单位职责范围，建议改派属地乡镇（街道）办理。",
        "诉求地点不在本单位辖区，请改派。",
        "该事项由行业主管部门负责，本单位无执法权限。",
    ];

    public static readonly IReadOnlyList<string> ExtensionReasons =
    [
        "需协调多个部门并等待第三方检测结果，无法在期限内办结。",
        "涉及资金拨付，需履行审批程序。",
        "施工受天气影响，需延后完成维修。",
    ];

    public static readonly IReadOnlyList<string> BadComments = ["问题没有解决，只是打了个电话", "答复敷衍，没有人到现场", "说了很多次还是老样子"];

    public static readonly IReadOnlyList<string> GoodComments = ["处理及时，态度很好", "问题已经解决，谢谢", "工作人员很负责"];
}
