using System.Reflection;
using Zhengfeng.Web;

namespace Zhengfeng.Tests.Workflows;

/// <summary>
/// Walks every (status, action) pair of every workflow table through the aggregate's own action methods: a row of the
/// table moves the aggregate to its target, every other pair is refused with a 409 and leaves the status alone.
/// </summary>
public sealed class TransitionTableTests
{
    private static readonly IReadOnlyList<IWorkflowDriver> Drivers = typeof(TransitionTableTests).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(IWorkflowDriver).IsAssignableFrom(t))
        .Select(t => (IWorkflowDriver)Activator.CreateInstance(t)!)
        .OrderBy(d => d.Name)
        .ToList();

    public static TheoryData<string, string, string> EveryPair()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var driver in Drivers)
        {
            foreach (var (from, action) in driver.Pairs())
            {
                data.Add(driver.Name, from, action);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void A_row_of_the_table_moves_and_every_other_pair_is_refused_with_409(string workflow, string from, string action)
        => Drivers.Single(d => d.Name == workflow).Walk(from, action);

    [Fact]
    public void Every_table_in_the_app_is_walked()
    {
        var tables = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(StateMachine<,>))
            .Select(f => f.GetValue(null)!)
            .ToList();
        Assert.NotEmpty(tables);
        var walked = Drivers.Select(d => d.Machine).ToList();
        Assert.All(tables, table => Assert.Contains(table, walked));
    }
}

public interface IWorkflowDriver
{
    string Name { get; }

    object Machine { get; }

    IEnumerable<(string From, string Action)> Pairs();

    void Walk(string from, string action);
}

/// <summary>
/// One aggregate in <see cref="TransitionTableTests"/>: <see cref="At"/> builds an aggregate in a status by its own
/// actions, <see cref="Do"/> runs one action with valid arguments, so only the table decides what is refused.
/// </summary>
public abstract class WorkflowDriver<TAggregate, TStatus, TAction> : IWorkflowDriver
    where TStatus : struct, Enum
    where TAction : struct, Enum
{
    public string Name => typeof(TAggregate).Name;

    public abstract StateMachine<TStatus, TAction> Table { get; }

    object IWorkflowDriver.Machine => Table;

    protected static DateTimeOffset Now { get; } = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));

    protected abstract TAggregate At(TStatus status);

    protected abstract void Do(TAggregate item, TAction action);

    protected abstract TStatus StatusOf(TAggregate item);

    public IEnumerable<(string From, string Action)> Pairs()
        => from s in Enum.GetValues<TStatus>() from a in Enum.GetValues<TAction>() select (s.ToString(), a.ToString());

    public void Walk(string from, string action)
    {
        var status = Enum.Parse<TStatus>(from);
        var step = Enum.Parse<TAction>(action);
        var item = At(status);
        Assert.Equal(status, StatusOf(item));
        if (Table.Next.TryGetValue((status, step), out var to))
        {
            Do(item, step);
            Assert.Equal(to, StatusOf(item));
        }
        else
        {
            var refused = Assert.ThrowsAny<RuleException>(() => Do(item, step));
            Assert.Equal(409, refused.Status);
            Assert.EndsWith(".illegal_transition", refused.Code);
            Assert.Equal(status, StatusOf(item));
        }
    }
}
