using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Audit;
using Zhengfeng.Features.Cases;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Open311;

/// <summary>
/// Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2) under /open311/v2: every resource in .json and .xml,
/// errors as <c>[{code, description}]</c>. Reading is anonymous; filing a request needs an api_key.
/// A search without explicit ids lists many tracking codes (each of which lets its holder rate the case),
/// so it also needs a key; looking up ids one already holds does not.
/// </summary>
public static class Open311Api
{
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";

    public static void MapOpen311(this IEndpointRouteBuilder app)
    {
        app.MapOpen311Keys();

        var v2 = app.MapGroup("/open311/v2").AllowAnonymous().DisableAntiforgery().RequireRateLimiting(RateLimits.Open311).WithTags("Open311").AddEndpointFilter(AsOpen311Errors);
        v2.MapGet("/discovery.{format}", Discovery);
        v2.MapGet("/services.{format}", Services);
        v2.MapGet("/services/{code}.{format}", Definition);
        v2.MapGet("/requests.{format}", Search);
        v2.MapPost("/requests.{format}", Create);
        v2.MapGet("/requests/{id}.{format}", Get);
        v2.MapGet("/tokens/{token}.{format}", Token);
        app.Map("/open311/{**rest}", () => Open311Xml.Error("json", 404, "没有这个 Open311 资源，请查看 /open311/v2/discovery.json"))
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
    }

    private static IResult Discovery(string format, HttpRequest request)
    {
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}/open311/v2";
        var endpoint = new
        {
            specification = Specification,
            url,
            changeset = new DateTimeOffset(2026, 1, 1, 0, 0, 0, ChinaTime.Offset),
            type = "production",
            formats = new[] { "text/xml", "application/json" },
        };
        var discovery = new { changeset = endpoint.changeset, contact = "12345 政务服务便民热线", key_service = "向本县政务服务平台管理员申请 api_key", endpoints = new[] { endpoint } };
        return Open311Xml.Write(format, discovery, "discovery", "endpoint");
    }

    private static async Task<IResult> Services(string format, AppDb db, CancellationToken ct)
        => Open311Xml.Write(format, await Open311Requests.ServicesAsync(db, ct), "services", "service");

    private static async Task<IResult> Definition(string code, string format, AppDb db, CancellationToken ct)
    {
        var category = await db.Set<Category>().AsNoTracking().FirstOrDefaultAsync(c => c.Code == code && c.IsActive && c.AreaId == null, ct);
        return category is null
            ? Open311Xml.Error(format, 404, $"没有编码为“{code}”的服务")
            : Open311Xml.Write(format, new Open311Definition(category.Code, []), "service_definition", "attribute");
    }

    private static async Task<IResult> Search(string format, HttpRequest request, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Query["service_request_id"]) && await ApiKeysApi.FindActiveAsync(db, request.Query["api_key"], ct) is null)
        {
            return Open311Xml.Error(format, 403, "按条件检索诉求需要有效的 api_key；按 service_request_id 查询无需密钥");
        }
        return Open311Xml.Write(format, await Open311Requests.SearchAsync(db, request.Query, clock.GetUtcNow(), ct), "service_requests", "request");
    }

    private static async Task<IResult> Get(string id, string format, AppDb db, CancellationToken ct)
    {
        var c = await Open311Requests.FindAsync(db, id, ct);
        return c is null
            ? Open311Xml.Error(format, 404, $"没有编号为“{id}”的诉求")
            : Open311Xml.Write(format, await Open311Requests.ViewsAsync(db, [c], ct), "service_requests", "request");
    }

    private static async Task<IResult> Token(string token, string format, AppDb db, CancellationToken ct)
    {
        // Requests are created at once, so the token handed out is the service request id itself.
        var c = await Open311Requests.FindAsync(db, token, ct);
        return c is null
            ? Open311Xml.Error(format, 404, $"没有令牌为“{token}”的诉求")
            : Open311Xml.Write(format, new[] { new Open311Token(c.TrackingCode, c.TrackingCode) }, "service_requests", "request");
    }

    private static async Task<IResult> Create(string format, HttpRequest request, AppDb db, CaseWorkflow flow, AuditActor actor, IConfiguration config, CancellationToken ct)
    {
        var fields = await ReadFieldsAsync(request, ct);
        var key = await ApiKeysApi.FindActiveAsync(db, fields.GetValueOrDefault("api_key"), ct);
        if (key is null)
        {
            return Open311Xml.Error(format, 403, fields.ContainsKey("api_key") ? "api_key 无效或已被吊销" : "提交诉求需要 api_key");
        }
        actor.Id = "open311:" + key.Id;
        actor.Name = "Open311：" + key.Name;
        var c = await Open311Requests.CreateAsync(flow, fields, config["Open311:JurisdictionId"], ct);
        return Open311Xml.Write(format, new[] { new Open311Created(c.TrackingCode, Open311Requests.Notice(c.TrackingCode), null) }, "service_requests", "request");
    }

    /// <summary>The spec posts form fields; JSON objects with the same names are accepted too.</summary>
    private static async Task<Dictionary<string, string>> ReadFieldsAsync(HttpRequest request, CancellationToken ct)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (request.HasFormContentType)
        {
            foreach (var (name, value) in await request.ReadFormAsync(ct))
            {
                fields[name] = value.ToString().Trim();
            }
        }
        else if (request.HasJsonContentType())
        {
            using var doc = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new RuleException("open311.bad_body", "JSON 请求体应为一个对象", 400);
            }
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                {
                    fields[p.Name] = (p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()).Trim();
                }
            }
        }
        foreach (var (name, value) in request.Query)
        {
            fields.TryAdd(name, value.ToString().Trim()); // some clients put api_key in the query string
        }
        return fields;
    }

    /// <summary>Unknown formats are 404; refusals from the workflow become Open311 error lists in the asked-for format.</summary>
    private static async ValueTask<object?> AsOpen311Errors(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var format = context.HttpContext.Request.RouteValues["format"] as string;
        if (!Open311Xml.IsFormat(format))
        {
            return Open311Xml.Error("json", 404, $"不支持的格式“{format}”，请使用 .json 或 .xml");
        }
        try
        {
            return await next(context);
        }
        catch (RuleException e)
        {
            return Open311Xml.Error(format!, e.Status is 403 or 404 ? e.Status : 400, e.Message);
        }
        catch (Exception e) when (e is BadHttpRequestException or JsonException or InvalidDataException)
        {
            return Open311Xml.Error(format!, 400, "请求格式不正确");
        }
    }
}
