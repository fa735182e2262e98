using System.Globalization;

namespace Zhengfeng.Web;

/// <summary>
/// Dates in query strings: <c>yyyy-MM-dd</c> (an instant is taken as its China date) between <see cref="Earliest"/> and
/// <see cref="Latest"/>; anything else is a 400 naming the field. The range keeps date arithmetic (a month on, a window
/// back, 24:00 in China time) inside what the types can hold.
/// </summary>
public static class WireDate
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2100, 12, 31);
    public const string RangeText = "1900-01-01 至 2100-12-31";

    public static bool InRange(DateOnly date) => date >= Earliest && date <= Latest;

    public static DateOnly? ParseOptional(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var date = DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t.CstDate()
            : throw new RuleException("bad_value", $"字段“{field}”：“{value}”不是有效的日期，格式为 yyyy-MM-dd", StatusCodes.Status400BadRequest);
        return Checked(date, field);
    }

    public static DateOnly Parse(string? value, string field)
        => ParseOptional(value, field)
            ?? throw new RuleException("bad_value", $"字段“{field}”：请填写日期，格式为 yyyy-MM-dd", StatusCodes.Status400BadRequest);

    /// <summary>The date itself, or a 400 naming the field when it lies outside the range the product handles.</summary>
    public static DateOnly Checked(DateOnly date, string field)
        => InRange(date) ? date
            : throw new RuleException("bad_value", $"字段“{field}”：日期 {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} 超出范围，应在 {RangeText} 之间",
                StatusCodes.Status400BadRequest);
}
