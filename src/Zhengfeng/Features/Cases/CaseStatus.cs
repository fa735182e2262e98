using Zhengfeng.Web;
using static Zhengfeng.Features.Cases.CaseAction;
using static Zhengfeng.Features.Cases.CaseStatus;

namespace Zhengfeng.Features.Cases;

// 受理 Register · 派单 Dispatch · 签收 Sign · 退单 Return · 改派 Redispatch · 延期 Extension · 答复 Reply
// 回访 ReturnVisit · 差评 BadRating · 重办 Rework · 并单 Merge · 直接答复 DirectAnswer · 转回待派单 Requeue

public enum CaseStatus { Registered, Dispatched, Handling, ReturnRequested, Replied, Reopened, Closed, Merged }

public enum CaseAction { Dispatch, DirectAnswer, Merge, Sign, RequestReturn, ApproveReturn, RejectReturn, Reply, RateGood, RateBad, Close, Requeue }

/// <summary>The case workflow as a table: (from, action) -> to. Anything not in the table is refused.</summary>
public static class CaseTransitions
{
    public static readonly StateMachine<CaseStatus, CaseAction> Table = new("case", new Dictionary<(CaseStatus, CaseAction), CaseStatus>
    {
        [(Registered, Dispatch)] = Dispatched,
        [(Registered, DirectAnswer)] = Replied,      // a consultation answered on the spot
        [(Registered, Merge)] = Merged,
        [(Dispatched, Dispatch)] = Dispatched,       // 改派 before the unit signs
        [(Dispatched, Merge)] = Merged,
        [(Dispatched, Sign)] = Handling,
        [(Dispatched, RequestReturn)] = ReturnRequested,
        [(Handling, RequestReturn)] = ReturnRequested,
        [(ReturnRequested, ApproveReturn)] = Dispatched,
        [(ReturnRequested, RejectReturn)] = Handling, // the dispatcher's ruling binds: the unit handles it
        [(Handling, Reply)] = Replied,
        [(Reopened, Reply)] = Replied,
        [(Replied, RateGood)] = Closed,
        [(Replied, RateBad)] = Reopened,              // 1–2 stars: handle again and visit the reporter
        [(Reopened, Requeue)] = Registered,           // answered on the spot, so no unit to handle it again: back to dispatch
        [(Replied, Close)] = Closed,                  // closed without a rating after the return visit
    }, Label, Label);

    public static bool IsOpen(CaseStatus s) => s is Dispatched or Handling or ReturnRequested or Reopened;

    public static string Label(CaseStatus s) => s switch
    {
        Registered => "已登记",
        Dispatched => "待签收",
        Handling => "办理中",
        ReturnRequested => "退单中",
        Replied => "已答复",
        Reopened => "重办中",
        Closed => "已办结",
        _ => "已并单",
    };

    public static string Label(CaseAction a) => a switch
    {
        Dispatch => "派单",
        DirectAnswer => "直接答复",
        Merge => "并单",
        Sign => "签收",
        RequestReturn => "申请退单",
        ApproveReturn => "同意退单",
        RejectReturn => "驳回退单",
        Reply => "答复",
        RateGood => "评价",
        RateBad => "差评重办",
        Requeue => "转回待派单",
        _ => "结案",
    };

    /// <summary>The wire name of a status (contract: snake_case, e.g. "return_requested").</summary>
    public static string Wire(CaseStatus s) => WireEnum.Name(s);
}

/// <summary>
/// What a line of the timeline records: every table action, plus the steps that leave the status alone. Stored as the
/// codes of <see cref="CaseEvents.Code"/>, which are also the <c>timeline[].action</c> strings on the wire.
/// </summary>
public enum CaseEventKind
{
    Register, Dispatch, DirectAnswer, Merge, Sign, RequestReturn, ApproveReturn, RejectReturn, Reply, RateGood, RateBad, Close,
    Contact, ExtensionRequest, ExtensionApprove, ExtensionReject, Rework, MergeIn, MergedAnswer, ReturnVisit,
    RatingAppeal, RatingAppealDecision, Reschedule, Warning, YellowCard, RedCard, Escalate, Assign, Requeue,
}

public static class CaseEvents
{
    /// <summary>The stored and wire code; table actions keep their historical run-together spelling ("requestreturn").</summary>
    public static string Code(CaseEventKind k) => k switch
    {
        CaseEventKind.ExtensionRequest => "extension-request",
        CaseEventKind.ExtensionApprove => "extension-approve",
        CaseEventKind.ExtensionReject => "extension-reject",
        CaseEventKind.MergeIn => "merge-in",
        CaseEventKind.MergedAnswer => "merged-answer",
        CaseEventKind.ReturnVisit => "return-visit",
        CaseEventKind.RatingAppeal => "rating-appeal",
        CaseEventKind.RatingAppealDecision => "rating-appeal-decision",
        _ => k.ToString().ToLowerInvariant(),
    };

    private static readonly Dictionary<string, CaseEventKind> ByCode = Enum.GetValues<CaseEventKind>().ToDictionary(Code);

    public static CaseEventKind Parse(string code) => ByCode[code];

    public static CaseEventKind Of(CaseAction a) => Enum.Parse<CaseEventKind>(a.ToString());

    public static string Label(CaseEventKind k) => k switch
    {
        CaseEventKind.Register => "受理",
        CaseEventKind.Dispatch => "派单",
        CaseEventKind.DirectAnswer => "直接答复",
        CaseEventKind.Merge => "并单",
        CaseEventKind.Sign => "签收",
        CaseEventKind.RequestReturn => "申请退单",
        CaseEventKind.ApproveReturn => "同意退单",
        CaseEventKind.RejectReturn => "驳回退单",
        CaseEventKind.Reply => "答复",
        CaseEventKind.RateGood => "评价",
        CaseEventKind.RateBad => "差评重办",
        CaseEventKind.Close => "结案",
        CaseEventKind.Contact => "联系诉求人",
        CaseEventKind.ExtensionRequest => "申请延期",
        CaseEventKind.ExtensionApprove => "批准延期",
        CaseEventKind.ExtensionReject => "驳回延期",
        CaseEventKind.Rework => "重办",
        CaseEventKind.MergeIn => "并入重复诉求",
        CaseEventKind.MergedAnswer => "告知并单诉求人",
        CaseEventKind.ReturnVisit => "回访",
        CaseEventKind.RatingAppeal => "评价申诉",
        CaseEventKind.RatingAppealDecision => "申诉复核",
        CaseEventKind.Reschedule => "期限重算",
        CaseEventKind.Warning => "超期预警",
        CaseEventKind.YellowCard => "黄牌督办",
        CaseEventKind.RedCard => "红牌督办",
        CaseEventKind.Assign => "指定承办人",
        CaseEventKind.Requeue => "转回待派单",
        _ => "转为问题线索",
    };
}
