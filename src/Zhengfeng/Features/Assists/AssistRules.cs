using System.ComponentModel.DataAnnotations;

namespace Zhengfeng.Features.Assists;

/// <summary>Configurable rules of 协办 (section "Assist").</summary>
public sealed class AssistRules
{
    /// <summary>
    /// An assist unit of a citizen case gives its input within this many working days of the dispatch, and never after
    /// the case's own handling deadline.
    /// </summary>
    [Range(1, 30)] public int CaseWorkdays { get; set; } = 3;
}
