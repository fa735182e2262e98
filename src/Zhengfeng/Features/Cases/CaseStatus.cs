using static Zhengfeng.Features.Cases.CaseAction;
using static Zhengfeng.Features.Cases.CaseStatus;

namespace Zhengfeng.Features.Cases;

// 受理 Register · 派单 Dispatch · 签收 Sign · 退单 Return · 改派 Redispatch · 延期 Extension · 答复 Reply
// 回访 ReturnVisit · 差评 BadRating · 重办 Rework · 并单 Merge · 直接答复 DirectAnswer

public enum CaseStatus { Registered, Dispatched, Handling, ReturnRequested, Replied, Reopened, Closed, Merged }

public enum CaseAction { Dispatch, DirectAnswer, Merge, Sign, RequestReturn, ApproveReturn, RejectReturn, Reply, RateGood, RateBad, Close }

/// <summary>The case workflow as a table: (from, action) -> to. Anything not in the table is refused.</summary>
public static class CaseTransitions
{
    public static readonly IReadOnlyDictionary<(CaseStatus From, CaseAction Action), CaseStatus> Next = new Dictionary<(CaseStatus, CaseAction), CaseStatus>
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
        [(Replied, Close)] = Closed,                  // closed without a rating after the return visit
    };

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
        _ => "结案",
    };

    /// <summary>The wire name of a status (contract: snake_case, e.g. "return_requested").</summary>
    public static string Wire(CaseStatus s) => s switch
    {
        ReturnRequested => "return_requested",
        _ => s.ToString().ToLowerInvariant(),
    };

    public static bool TryParseWire(string? value, out CaseStatus status)
    {
        status = default;
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }
        foreach (var s in Enum.GetValues<CaseStatus>())
        {
            if (Wire(s) == value)
            {
                status = s;
                return true;
            }
        }
        return false;
    }
}
