namespace Zhengfeng.Tests.Suggestions;

/// <summary>
/// The evaluation sets live beside the repository (shared/data), not in it: they carry no licence, so tests read them where they
/// are at run time and skip when they are absent.
/// </summary>
public static class SharedData
{
    public static string? Find() => Zhengfeng.Features.Suggestions.EvaluationData.Find(AppContext.BaseDirectory);
}

/// <summary>A fact that is skipped when the shared evaluation data is not on this machine.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Find() is null)
        {
            Skip = "shared/data (评测数据) is not present";
        }
    }
}
