using Microsoft.AspNetCore.Http.HttpResults;
using Zhengfeng.Features.Exports;

namespace Zhengfeng.Features.Evaluations;

/// <summary>评议码发放表: freshly issued codes with the address to vote at, as .xlsx. Built only at issue time; the codes are not stored.</summary>
public static class BallotSheet
{
    public sealed record Row(int Number, string Group, string Code, string Url);

    public static string BaseUrl(HttpRequest http) => $"{http.Scheme}://{http.Host}{http.PathBase}";

    public static string VoteUrl(string baseUrl, string code) => $"{baseUrl}/ballot/{code}";

    public static FileContentHttpResult File(EvaluationCampaign campaign, RaterGroup group, IReadOnlyList<string> codes, string baseUrl)
    {
        var label = EvaluationCampaign.Label(group);
        var rows = codes.Select((c, i) => new Row(i + 1, label, c, VoteUrl(baseUrl, c))).ToList();
        var bytes = LedgerExports.Sheet("评议码", rows,
            new LedgerExports.Column<Row>("序号", 8, r => r.Number),
            new LedgerExports.Column<Row>("评议群体", 20, r => r.Group),
            new LedgerExports.Column<Row>("评议码", 18, r => r.Code),
            new LedgerExports.Column<Row>("投票网址", 50, r => r.Url));
        return TypedResults.File(bytes, LedgerExports.XlsxType, $"{campaign.Name}-{label}评议码.xlsx");
    }
}
