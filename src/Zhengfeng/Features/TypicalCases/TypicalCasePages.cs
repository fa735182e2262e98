using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.TypicalCases;

/// <summary>What the typical-case pages share.</summary>
public static class TypicalCasePages
{
    public static Task<Dictionary<string, string>> UnitNamesAsync(AppDb db, CancellationToken ct)
        => db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);

    /// <summary>A record's source as it stands now, or null when it can no longer be shown (gone, or no longer fit).</summary>
    public static async Task<SourceRecord?> SourceOrNullAsync(TypicalSources sources, TypicalSourceType type, string id, CancellationToken ct)
    {
        try
        {
            return await sources.LoadAsync(type, id, ct);
        }
        catch (RuleException)
        {
            return null;
        }
    }

    public static string Tag(TypicalCaseStatus s) => s switch
    {
        TypicalCaseStatus.Published => "tag ok",
        TypicalCaseStatus.PendingReview => "tag warn",
        TypicalCaseStatus.Withdrawn => "tag red",
        _ => "tag",
    };

    public static string Tag(TypicalCaseKind k) => k == TypicalCaseKind.Positive ? "tag ok" : "tag red";
}
