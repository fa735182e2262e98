using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Zhengfeng.Web;

/// <summary>The OpenAPI document lists every enum's wire names, the same ones <see cref="WireEnumConverterFactory"/> accepts.</summary>
public static class OpenApiEnums
{
    public static Task ListAllowedValues(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type.IsEnum)
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = [.. WireEnum.Allowed(type).Select(name => (JsonNode)JsonValue.Create(name))];
        }
        return Task.CompletedTask;
    }
}
