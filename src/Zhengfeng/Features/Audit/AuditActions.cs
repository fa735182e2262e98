namespace Zhengfeng.Features.Audit;

/// <summary>The Chinese names of the audit log's action codes and entity types, so the log page never shows a bare code.</summary>
public static class AuditActions
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["auth.login"] = "登录",
        ["auth.login-failed"] = "登录失败",
        ["user.create"] = "新增账号",
        ["user.enable"] = "启用账号",
        ["user.disable"] = "停用账号",
        ["user.reset-password"] = "重置密码",
        ["user.bootstrap-admin"] = "创建初始管理员",
        ["security.create-signing-key"] = "生成令牌签名密钥",
        ["unit.create"] = "新增单位",
        ["unit.update"] = "修改单位",
        ["cadre.create"] = "新增干部",
        ["cadre.update"] = "修改干部",
        ["calendar.import"] = "导入节假日",
        ["calendar.load-shipped"] = "载入内置节假日",
        ["category.create"] = "新增诉求分类",
        ["category.update"] = "修改诉求分类",
        ["problem-type.create"] = "新增问题类型",
        ["problem-type.update"] = "修改问题类型",
        ["import.mapping.create"] = "新增导入映射",
        ["import.mapping.update"] = "修改导入映射",
        ["open311.key-issue"] = "发放Open311接口密钥",
        ["open311.key-revoke"] = "吊销Open311接口密钥",
        ["notification.read"] = "阅读消息",
        ["attachment.upload"] = "上传附件",
        ["demo.load"] = "载入演示数据",

        ["case.register"] = "受理诉求",
        ["case.dispatch"] = "派单",
        ["case.redispatch"] = "改派",
        ["case.sign"] = "签收工单",
        ["case.contact"] = "联系诉求人",
        ["case.reply"] = "答复工单",
        ["case.direct-answer"] = "直接答复",
        ["case.merge"] = "并单",
        ["case.close"] = "结案",
        ["case.rate"] = "群众评价",
        ["case.rate-bad"] = "差评重办",
        ["case.return-visit"] = "回访",
        ["case.return-request"] = "申请退单",
        ["case.return-approve"] = "同意退单",
        ["case.return-reject"] = "驳回退单",
        ["case.extension-request"] = "申请延期",
        ["case.extension-approve"] = "批准延期",
        ["case.extension-reject"] = "驳回延期",
        ["case.rating-appeal"] = "评价申诉",
        ["case.rating-appeal-decision"] = "评价申诉复核",
        ["case.reveal-reporter"] = "查看诉求人身份",
        ["case.reschedule"] = "期限重算",
        ["case.overdue-warning"] = "超期预警",
        ["case.overdue-yellowcard"] = "黄牌督办",
        ["case.overdue-redcard"] = "红牌督办",

        ["clue.register"] = "登记问题线索",
        ["clue.register-batch"] = "批量登记问题线索",
        ["clue.verify"] = "核查问题线索",
        ["rectification.create"] = "建立整改任务",
        ["rectification.report"] = "报告整改进展",
        ["rectification.evidence"] = "上传整改佐证",
        ["rectification.verify-pass"] = "整改验收通过",
        ["rectification.verify-fail"] = "整改验收不通过",
        ["rectification.close"] = "整改销号",
        ["rectification.follow-up-pass"] = "回头看通过",
        ["rectification.follow-up-reopen"] = "回头看重新整改",
        ["supervision.issue"] = "下发督办单",
        ["supervision.notify"] = "督办通知",
        ["supervision.reply"] = "回复督办单",
        ["supervision.accept"] = "认可督办回复",
        ["supervision.reject"] = "退回督办回复",
        ["bulletin.compose"] = "拟制通报",
        ["bulletin.issue"] = "印发通报",

        ["accountability.open"] = "问责立案",
        ["accountability.investigate"] = "问责调查",
        ["accountability.findings"] = "认定问责事实",
        ["accountability.decide"] = "作出问责决定",
        ["accountability.dismiss"] = "问责撤案",
        ["exemption.apply"] = "申请容错免责",
        ["exemption.approve"] = "同意容错免责",
        ["exemption.refuse"] = "不予容错免责",
        ["evaluation.create"] = "新建评议活动",
        ["evaluation.open"] = "开始评议",
        ["evaluation.issue-ballots"] = "发放评议票",
        ["evaluation.cast"] = "投票评议",
        ["evaluation.close"] = "结束评议",
        ["evaluation.refer"] = "评议结果移送问责",
        ["evaluation.praise"] = "评议结果通报表扬",
        ["assessment.record-batch"] = "录入年度考核",
        ["typical.draft"] = "起草典型案例",
        ["typical.edit"] = "修改典型案例",
        ["typical.submit"] = "提交典型案例审核",
        ["typical.return"] = "退回典型案例",
        ["typical.publish"] = "发布典型案例",
        ["typical.withdraw"] = "撤回典型案例",
    };

    /// <summary>The Chinese name of an action code; a save without a named action is "新增/修改/删除" plus the entity's name.</summary>
    public static string Label(string action)
    {
        if (Names.TryGetValue(action, out var name))
        {
            return name;
        }
        var dot = action.LastIndexOf('.');
        var verb = dot < 0 ? null : action[(dot + 1)..] switch
        {
            "create" => "新增",
            "update" => "修改",
            "delete" => "删除",
            _ => null,
        };
        var entity = dot < 0 ? null : EntityByCode.GetValueOrDefault(action[..dot]);
        return verb is not null && entity is not null ? verb + entity : "其他操作";
    }

    public static string EntityLabel(string type) => Entities.GetValueOrDefault(type, type);

    private static readonly Dictionary<string, string> Entities = new(StringComparer.Ordinal)
    {
        ["Unit"] = "单位",
        ["Cadre"] = "干部",
        ["UserAccount"] = "账号",
        ["HolidayDay"] = "节假日",
        ["AppSetting"] = "系统设置",
        ["ApiKey"] = "接口密钥",
        ["Attachment"] = "附件",
        ["Case"] = "工单",
        ["CaseEvent"] = "工单记录",
        ["CaseAlert"] = "超期提醒",
        ["Category"] = "诉求分类",
        ["Rating"] = "评价",
        ["ReturnRequest"] = "退单申请",
        ["ExtensionRequest"] = "延期申请",
        ["IdentityView"] = "身份查看记录",
        ["Clue"] = "问题线索",
        ["ProblemType"] = "问题类型",
        ["RectificationItem"] = "整改任务",
        ["ProgressReport"] = "整改进展",
        ["SupervisionNotice"] = "督办单",
        ["Bulletin"] = "通报",
        ["Notification"] = "消息",
        ["OutboxMessage"] = "待发消息",
        ["ImportMapping"] = "导入映射",
        ["AccountabilityCase"] = "问责案件",
        ["Exemption"] = "容错免责申请",
        ["EvaluationCampaign"] = "评议活动",
        ["CampaignGroup"] = "评议分组",
        ["CampaignUnit"] = "参评单位",
        ["Ballot"] = "评议票",
        ["BallotRating"] = "评议打分",
        ["EvaluationResult"] = "评议结果",
        ["EvaluationConsequence"] = "评议结果运用",
        ["AnnualAssessment"] = "年度考核",
        ["TypicalCase"] = "典型案例",
        ["DataProtectionKey"] = "数据保护密钥",
    };

    // "case.create" is written by a save of a Case without a named action: the code is the lower-cased type name.
    private static readonly Dictionary<string, string> EntityByCode = Entities.ToDictionary(e => e.Key.ToLowerInvariant(), e => e.Value);
}
