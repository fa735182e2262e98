using Zhengfeng.Features.Org;

namespace Zhengfeng.Features.Demo;

/// <summary>
/// One department or township of the demo county. <see cref="Topics"/> are the matters it usually handles
/// (space-separated), so demo cases can be routed to a plausible lead unit.
/// Section codes are the unit code plus "-s1", "-s2", … in the order of <see cref="Sections"/>.
/// </summary>
public sealed record DemoUnitSpec(
    string Code, string Name, UnitKind Kind, string HeadPost, string DeputyPost,
    IReadOnlyList<string> Sections, string Topics = "", string StaffPost = "科员")
{
    public string SectionCode(int index) => $"{Code}-s{index + 1}";
}

/// <summary>The fictional county: every place and person name here is invented.</summary>
public static class DemoNames
{
    public const string CountyName = "青岚县";

    /// <summary>The city above the county, and the city's second district (a few units only: enough to see the levels).</summary>
    public const string CityName = "云岭市";
    public const string EastName = "东城区";

    public const string Hotline = "d-hotline";
    public const string Conduct = "d-conduct";
    public const string Discipline = "d-discipline";

    public static readonly IReadOnlyList<DemoUnitSpec> Departments =
    [
        Dept("d-office", "县人民政府办公室", "主任", "副主任", ["秘书科", "综合调研科", "督查室"], "政务公开 会议 公文"),
        Dept(Conduct, "县作风效能建设办公室", "主任", "副主任", ["综合科", "督查督办科", "评议考核科"], "作风 效能 推诿 拖延 不作为"),
        Dept(Discipline, "县纪委监委", "县委常委、县纪委书记、县监委主任", "县纪委副书记、县监委副主任",
            ["党风政风监督室", "信访室", "第一监督检查室", "案件审理室"], "违纪 违法 吃拿卡要 作风问题 举报"),
        Dept(Hotline, "县政务服务中心（12345热线）", "主任", "副主任", ["热线受理科", "派单督办科", "回访考评科"], "热线 咨询 政务服务"),
        Dept("d-org", "县委组织部", "县委常委、组织部部长", "副部长", ["组织科", "干部科", "干部监督科"], "干部 党员 基层党组织"),
        Dept("d-publicity", "县委宣传部", "县委常委、宣传部部长", "副部长", ["宣传科", "网络舆情科"], "宣传 舆情 网络"),
        Dept("d-dev", "县发展和改革局", "局长", "副局长", ["综合规划股", "价格管理股", "项目管理股"], "价格 项目 粮食 能源"),
        Dept("d-edu", "县教育局", "局长", "副局长", ["基础教育股", "招生考试办公室", "学生资助管理中心", "教育督导室"],
            "入学 学校 教师 校外培训 学生资助 校车"),
        Dept("d-industry", "县工业和信息化局", "局长", "副局长", ["企业服务股", "节能与综合利用股"], "企业 工业园区 通信 网络信号"),
        Dept("d-police", "县公安局", "局长", "政委", ["治安管理大队", "交通警察大队", "户政科", "岚城派出所"],
            "治安 户籍 身份证 交通违法 噪音扰民 诈骗", "民警"),
        Dept("d-civil", "县民政局", "局长", "副局长", ["社会救助股", "养老服务股", "婚姻登记处"], "低保 救助 养老 婚姻登记 殡葬"),
        Dept("d-justice", "县司法局", "局长", "副局长", ["法律援助中心", "人民调解股", "社区矫正股"], "法律援助 调解 公证"),
        Dept("d-finance", "县财政局", "局长", "副局长", ["预算股", "国库支付中心", "农业农村股"], "补贴发放 财政资金 惠民资金"),
        Dept("d-hr", "县人力资源和社会保障局", "局长", "副局长", ["就业服务中心", "劳动保障监察大队", "社会保险中心", "人事股"],
            "欠薪 社保 就业 劳动合同 退休"),
        Dept("d-land", "县自然资源局", "局长", "副局长", ["国土空间规划股", "不动产登记中心", "执法监察大队"], "不动产登记 宅基地 违法占地 规划"),
        Dept("d-eco", "县生态环境局", "局长", "副局长", ["污染防治股", "环境监测站", "环境执法大队"], "污染 排污 油烟 异味 噪声"),
        Dept("d-housing", "县住房和城乡建设局", "局长", "副局长", ["房地产市场监管股", "建筑市场监管股", "物业管理办公室"],
            "物业 房产 施工 老旧小区 燃气"),
        Dept("d-transport", "县交通运输局", "局长", "副局长", ["公路管理所", "运输管理股", "交通综合执法大队"], "公交 出租车 道路 客运 货运"),
        Dept("d-water", "县水利局", "局长", "副局长", ["河湖管理股", "水旱灾害防御股", "农村供水站"], "供水 河道 水库 防汛"),
        Dept("d-agri", "县农业农村局", "局长", "副局长", ["种植业股", "农村经营管理站", "畜牧兽医站", "农业综合执法大队"],
            "农资 种植 养殖 农村土地承包 村务"),
        Dept("d-forest", "县林业局", "局长", "副局长", ["森林资源管理股", "林业站"], "林地 砍伐 森林防火"),
        Dept("d-commerce", "县商务局", "局长", "副局长", ["市场运行股", "外贸外资股"], "商场 电商 成品油 预付卡"),
        Dept("d-culture", "县文化和旅游局", "局长", "副局长", ["公共文化股", "旅游服务中心", "文化市场综合执法大队"], "景区 旅行社 网吧 演出"),
        Dept("d-health", "县卫生健康局", "局长", "副局长", ["医政医管股", "公共卫生股", "卫生健康综合监督执法大队"], "医院 诊所 疫苗 计生"),
        Dept("d-veterans", "县退役军人事务局", "局长", "副局长", ["优抚股", "就业创业股"], "退役军人 优抚 安置"),
        Dept("d-emergency", "县应急管理局", "局长", "副局长", ["安全生产监督管理股", "防灾减灾股", "应急救援指挥中心"], "安全生产 隐患 灾害"),
        Dept("d-audit", "县审计局", "局长", "副局长", ["财政审计股", "经济责任审计股"], "审计"),
        Dept("d-market", "县市场监督管理局", "局长", "副局长", ["食品安全监管股", "价格监督检查股", "消费者权益保护股", "岚城市场监管所"],
            "食品安全 消费投诉 价格欺诈 营业执照 计量"),
        Dept("d-medical", "县医疗保障局", "局长", "副局长", ["待遇保障股", "基金监管股", "医保服务中心"], "医保 报销 异地就医"),
        Dept("d-urban", "县城市管理局", "局长", "副局长", ["市容环卫股", "市政设施管理所", "城管执法大队"],
            "占道经营 垃圾 路灯 井盖 违章搭建 绿化"),
        Dept("d-approval", "县行政审批局", "局长", "副局长", ["投资项目审批股", "市场准入审批股", "社会事务审批股"], "审批 办证 许可"),
        Dept("d-petition", "县信访局", "局长", "副局长", ["来访接待股", "办信股", "督查股"], "信访 来信 来访"),
        Dept("d-stats", "县统计局", "局长", "副局长", ["综合股", "普查中心"], "统计 普查"),
        Dept("d-tax", "县税务局", "局长", "副局长", ["纳税服务股", "征收管理股", "第一税务分局"], "发票 纳税 社保费缴纳"),
        Dept("d-fund", "县住房公积金管理中心", "主任", "副主任", ["归集股", "贷款股"], "公积金 提取 贷款", "工作人员"),
        Dept("d-fire", "县消防救援大队", "大队长", "教导员", ["防火监督股", "城区消防救援站"], "消防 消防通道 火灾隐患", "消防员"),
        Dept("d-women", "县妇女联合会", "主席", "副主席", ["权益部", "家庭和儿童工作部"], "妇女儿童权益 家庭暴力", "干事"),
        Dept("d-disabled", "县残疾人联合会", "理事长", "副理事长", ["康复就业股", "维权股"], "残疾人 残疾证 康复", "干事"),
        Dept("d-hospital", "县人民医院", "院长", "副院长", ["医务科", "护理部", "患者服务中心"], "就医 医疗纠纷 挂号", "工作人员"),
        Dept("d-media", "县融媒体中心", "主任", "副主任", ["新闻采编部", "网络运维部"], "新闻 媒体", "工作人员"),
    ];

    public static readonly IReadOnlyList<DemoUnitSpec> Townships =
    [
        Town("t-01", "岚城街道"), Town("t-02", "鹤鸣街道"), Town("t-03", "临溪街道"),
        Town("t-04", "望川镇"), Town("t-05", "石砚镇"), Town("t-06", "桐坪镇"), Town("t-07", "青禾镇"),
        Town("t-08", "云岫镇"), Town("t-09", "白鹭镇"),
        Town("t-10", "枫岭乡"), Town("t-11", "芦汀乡"), Town("t-12", "杏坞乡"),
    ];

    /// <summary>County leaders on the root unit: the first is its head, the second its deputy.</summary>
    public static readonly IReadOnlyList<(string Post, CadreRank Rank)> CountyLeaders =
    [
        ("县委书记", CadreRank.Division),
        ("县委副书记、县长", CadreRank.Division),
        ("县委常委、常务副县长", CadreRank.DeputyDivision),
        ("副县长", CadreRank.DeputyDivision),
        ("副县长", CadreRank.DeputyDivision),
    ];

    public static readonly string Surnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万严覃武戴莫孔向汤";

    public static readonly string GivenFirst = "建志明海晓春秀玉文俊子思雨立德永红丽慧振宏书学继家嘉佳雅欣凯浩天云亦少新宇梦晨诗婉若鹏国燕兴庆";

    public static readonly string GivenSecond = "平军峰辉芳娟敏静婷杰涛斌磊洋勇超霞琳洁鑫颖璐瑶宁林荣昊帆骏楠涵怡然晖彬琦蕾";

    private static DemoUnitSpec Dept(string code, string name, string head, string deputy, string[] sections, string topics, string staff = "科员")
        => new(code, name, UnitKind.Department, head, deputy, sections, topics, staff);

    private static DemoUnitSpec Town(string code, string name)
    {
        if (name.EndsWith("街道", StringComparison.Ordinal))
        {
            return new(code, name, UnitKind.Township, "党工委书记", "办事处主任", ["党政综合办公室", "社区建设办公室", "平安建设办公室", "综合行政执法队"]);
        }
        if (name.EndsWith('镇'))
        {
            return new(code, name, UnitKind.Township, "党委书记", "镇长", ["党政综合办公室", "经济发展办公室", "社会事务办公室", "便民服务中心"]);
        }
        return new(code, name, UnitKind.Township, "党委书记", "乡长", ["党政综合办公室", "农业综合服务中心", "社会事务办公室"]);
    }
}
