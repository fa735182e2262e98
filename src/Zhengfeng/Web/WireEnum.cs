using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zhengfeng.Web;

/// <summary>
/// Enums on the wire: the snake_case of the member's name (<c>return_requested</c>), or the name a
/// <see cref="JsonStringEnumMemberNameAttribute"/> fixes where the contract spells it otherwise (<c>longterm</c>).
/// Reading also takes the member's own name in any case. Numbers and unknown names are refused with a Chinese
/// message that lists the allowed values, so a request record can carry the enum itself.
/// </summary>
public static class WireEnum
{
    public static string Name<T>(T value) where T : struct, Enum => Map<T>.Names[value];

    public static IReadOnlyList<string> Allowed<T>() where T : struct, Enum => Map<T>.Allowed;

    public static IReadOnlyList<string> Allowed(Type enumType)
        => (IReadOnlyList<string>)typeof(WireEnum).GetMethod(nameof(AllowedOf), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(enumType).Invoke(null, null)!;

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
        => Map<T>.Values.TryGetValue(text?.Trim() ?? "", out value);

    /// <summary>A query or form value that must name a member: otherwise a 400 naming the field and the allowed values.</summary>
    public static T Parse<T>(string? text, string field) where T : struct, Enum
        => TryParse<T>(text, out var value)
            ? value
            : throw new RuleException("bad_value", $"字段“{field}”：{Refusal<T>(text)}", StatusCodes.Status400BadRequest);

    /// <summary>Like <see cref="Parse{T}"/>, but an empty value means "not given".</summary>
    public static T? ParseOptional<T>(string? text, string field) where T : struct, Enum
        => string.IsNullOrWhiteSpace(text) ? null : Parse<T>(text, field);

    public static string Refusal<T>(string? text) where T : struct, Enum
        => $"“{text}”不是有效的取值，可选值：{string.Join("、", Map<T>.Allowed)}";

    private static string[] AllowedOf<T>() where T : struct, Enum => Map<T>.Allowed;

    private static class Map<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> Names = Enum.GetValues<T>().ToFrozenDictionary(v => v, WireName);

        public static readonly string[] Allowed = [.. Names.Values];

        public static readonly FrozenDictionary<string, T> Values = Names
            .Select(n => KeyValuePair.Create(n.Value, n.Key))
            .Concat(Enum.GetValues<T>().Select(v => KeyValuePair.Create(v.ToString(), v)))
            .DistinctBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

        private static string WireName(T value)
        {
            var member = typeof(T).GetField(value.ToString())!;
            return member.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
                ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(member.Name);
        }
    }
}

/// <summary>The JSON converter for every enum of the API (registered once in Program.cs).</summary>
public sealed class WireEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        => (JsonConverter)Activator.CreateInstance(typeof(WireEnumConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class WireEnumConverter<T> : JsonConverter<T> where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            return WireEnum.TryParse<T>(text, out var value)
                ? value
                : throw new JsonException(WireEnum.Refusal<T>(text ?? RawText(ref reader)));
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
            => writer.WriteStringValue(WireEnum.Name(value));

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => Read(ref reader, typeToConvert, options);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
            => writer.WritePropertyName(WireEnum.Name(value));

        private static string RawText(ref Utf8JsonReader reader)
            => reader.HasValueSequence ? "" : System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
    }
}
