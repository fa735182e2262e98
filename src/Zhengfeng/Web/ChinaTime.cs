using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zhengfeng.Web;

/// <summary>
/// China Standard Time. Mainland China has kept UTC+8 without daylight saving since 1991, so a fixed
/// offset is exact for every date the product handles and needs no tz database on the host.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToCst(this DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateOnly CstDate(this DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>The instant a China-time wall clock shows <paramref name="time"/> on <paramref name="date"/>.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time) => new(date.ToDateTime(time), Offset);

    /// <summary>24:00 of the day (民法典 Art. 203 ¶2), expressed as 23:59:59 of that day as the contract shows.</summary>
    public static DateTimeOffset EndOfDay(DateOnly date) => At(date, new TimeOnly(23, 59, 59));

    public static string Format(DateTimeOffset? instant) => instant is null ? "" : instant.Value.ToCst().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>Writes every instant on the wire as ISO 8601 with +08:00 (contract).</summary>
public sealed class ChinaTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.ToCst().ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
}
