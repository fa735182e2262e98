using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml.Linq;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Open311;

/// <summary>An Open311 error: the spec answers errors as a list of these, not as problem details.</summary>
public sealed record Open311Error(int Code, string Description);

/// <summary>
/// Writes Open311 answers in either format. The JSON shape is the source: the XML is made from it with the
/// spec's element names (a list <c>notes</c> holds <c>note</c> elements, the root list is named by the caller).
/// </summary>
public static class Open311Xml
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new ChinaTimeJsonConverter() },
    };

    public static bool IsFormat(string? format) => format is "json" or "xml";

    public static IResult Write(string format, object value, string root, string item, int status = StatusCodes.Status200OK)
        => format == "xml"
            ? Results.Text(ToXml(JsonSerializer.SerializeToElement(value, Json), root, item), "text/xml; charset=utf-8", Encoding.UTF8, status)
            : Results.Json(value, Json, "application/json; charset=utf-8", status);

    public static IResult Error(string format, int status, string description)
        => Write(IsFormat(format) ? format : "json", new[] { new Open311Error(status, description) }, "errors", "error", status);

    public static string ToXml(JsonElement value, string root, string item)
    {
        var doc = new XDocument(new XDeclaration("1.0", "utf-8", null), Element(root, value, item));
        return doc.Declaration + "\n" + doc.Root;
    }

    private static XElement Element(string name, JsonElement value, string? item = null) => value.ValueKind switch
    {
        JsonValueKind.Object => new XElement(name, value.EnumerateObject().Select(p => Element(p.Name, p.Value))),
        JsonValueKind.Array => new XElement(name, value.EnumerateArray().Select(e => Element(item ?? Singular(name), e))),
        JsonValueKind.String => new XElement(name, Clean(value.GetString()!)),
        JsonValueKind.True => new XElement(name, "true"),
        JsonValueKind.False => new XElement(name, "false"),
        JsonValueKind.Number => new XElement(name, value.GetRawText()),
        _ => new XElement(name),
    };

    private static string Singular(string plural) => plural.EndsWith('s') ? plural[..^1] : plural + "_item";

    /// <summary>XML 1.0 cannot carry most control characters; a stray one in a citizen's text must not break the answer.</summary>
    private static string Clean(string text)
        => text.Any(c => c < 0x20 && c is not ('\t' or '\n' or '\r')) ? new string(text.Where(c => c >= 0x20 || c is '\t' or '\n' or '\r').ToArray()) : text;
}
