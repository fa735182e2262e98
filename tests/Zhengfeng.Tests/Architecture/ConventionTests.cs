using System.Reflection;
using System.Runtime.CompilerServices;
using Zhengfeng.Web;

namespace Zhengfeng.Tests.Architecture;

/// <summary>The habits of the code that no analyzer checks for public types: sealed classes, aggregates that own their actions.</summary>
public sealed class ConventionTests
{
    private static readonly Type[] AppTypes = typeof(Program).Assembly.GetTypes();

    [Fact]
    public void Every_class_that_nothing_derives_from_is_sealed()
    {
        var bases = AppTypes.Select(t => t.BaseType).OfType<Type>().Select(t => t.IsGenericType ? t.GetGenericTypeDefinition() : t).ToHashSet();
        var open = AppTypes
            .Where(t => t.IsClass && !t.IsAbstract && !t.IsSealed && !bases.Contains(t))
            .Where(t => t.Namespace?.StartsWith("Zhengfeng", StringComparison.Ordinal) == true)
            .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute)) && !t.Name.Contains('<', StringComparison.Ordinal))
            .Where(t => t != typeof(Program) && t.Namespace?.Contains(".Migrations", StringComparison.Ordinal) != true)
            .Select(t => t.FullName)
            .ToList();
        Assert.Empty(open);
    }

    public static TheoryData<string> Aggregates()
    {
        var data = new TheoryData<string>();
        foreach (var t in AggregateTypes())
        {
            data.Add(t.FullName!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Aggregates))]
    public void An_aggregate_with_a_transition_table_changes_only_through_its_own_actions(string typeName)
    {
        var type = AggregateTypes().Single(t => t.FullName == typeName);
        var setters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } set && !IsInitOnly(set))
            .Select(p => p.Name);
        Assert.Empty(setters);
        var mutators = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName)
            .Select(m => m.Name)
            .Where(n => n == "Apply" || n == "Record" || n.StartsWith("Mark", StringComparison.Ordinal) || n.StartsWith("Set", StringComparison.Ordinal));
        Assert.Empty(mutators);
    }

    /// <summary>A type that holds (or whose status enum's table is held in) a <see cref="StateMachine{TStatus,TAction}"/>.</summary>
    private static IEnumerable<Type> AggregateTypes()
    {
        var statusTypes = AppTypes
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(StateMachine<,>))
            .Select(f => f.FieldType.GetGenericArguments()[0])
            .ToHashSet();
        return AppTypes.Where(t => t.IsClass && t.GetProperty("Status") is { } p && statusTypes.Contains(p.PropertyType));
    }

    private static bool IsInitOnly(MethodInfo setter)
        => setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
}
