using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;

namespace Zhengfeng.Features.TypicalCases;

/// <summary>What the typical-case pages share.</summary>
public static class TypicalCasePages
{
    public static Task<Dictionary<string, string>> UnitNamesAsync(AppDb db, CancellationToken ct)
        => db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);

    public static string Tag(TypicalCaseStatus s) => s switch
    {
        TypicalCaseStatus.Published => "tag ok",
        TypicalCaseStatus.PendingReview => "tag warn",
        TypicalCaseStatus.Withdrawn => "tag red",
        _ => "tag",
    };

    public static string Tag(TypicalCaseKind k) => k == TypicalCaseKind.Positive ? "tag ok" : "tag red";
}
