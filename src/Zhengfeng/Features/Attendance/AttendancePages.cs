using Zhengfeng.Features.Cases;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Attendance;

/// <summary>What the attendance pages share: the units the user may pick, named with their parents.</summary>
public static class AttendancePages
{
    public static async Task<List<DispatchChoices.Choice>> UnitChoicesAsync(DispatchChoices choices, CurrentUser user, CancellationToken ct)
    {
        var all = await choices.AllAsync(ct);
        return await user.VisibleUnitsAsync(ct) is { } visible ? all.Where(u => visible.Contains(u.Id)).ToList() : all;
    }

    public static string MonthLabel(string month) => $"{month[..4]}年{int.Parse(month[5..], System.Globalization.CultureInfo.InvariantCulture)}月";
}
