namespace Zhengfeng.Web;

/// <summary>
/// A workflow's transition table, (from, action) → to, read as a diagram where it is declared. Every aggregate steps
/// through one of these; a pair that is not in the table is refused with a 409 naming the state and the action in
/// Chinese. The tables are found by reflection in the tests, so every row of every one is walked.
/// </summary>
public sealed class StateMachine<TStatus, TAction>(
    string code,
    IReadOnlyDictionary<(TStatus From, TAction Action), TStatus> next,
    Func<TStatus, string> statusLabel,
    Func<TAction, string> actionLabel)
    where TStatus : struct, Enum
    where TAction : struct, Enum
{
    /// <summary>The prefix of the refusal's code (<c>case</c> → <c>case.illegal_transition</c>).</summary>
    public string Code => code;

    public IReadOnlyDictionary<(TStatus From, TAction Action), TStatus> Next => next;

    public string Label(TStatus status) => statusLabel(status);

    public string Label(TAction action) => actionLabel(action);

    public bool Allows(TStatus from, TAction action) => next.ContainsKey((from, action));

    /// <summary>The state after <paramref name="action"/>, or a 409 when the table has no such row.</summary>
    public TStatus Step(TStatus from, TAction action)
        => next.TryGetValue((from, action), out var to)
            ? to
            : throw new RuleException($"{code}.illegal_transition", $"当前状态为“{statusLabel(from)}”，不能{actionLabel(action)}",
                StatusCodes.Status409Conflict);
}
