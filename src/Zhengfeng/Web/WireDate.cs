using System.Globalization;

namespace Zhengfeng.Web;

/// <summary>Dates in query strings: <c>yyyy-MM-dd</c> (an instant is taken as its China date); anything else is a 400 naming the field.</summary>
public static class WireDate
{
    public static DateOnly? ParseOptional(string? value, string field)
        => string.IsNullOrWhiteSpace(value) ? null
            : DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t.CstDate()
            : throw new RuleException("bad_value", $"字段“{field}”：“{value}”不是有效的日期，格式为 yyyy-MM-dd", StatusCodes.Status400BadRequest);

    public static DateOnly Parse(string? value, string field)
        => ParseOptional(value, field)
            ?? throw new RuleException("bad_value", $"字段“{field}”：请填写日期，格式为 yyyy-MM-dd", StatusCodes.Status400BadRequest);
}
