namespace Zhengfeng.Web;

/// <summary>Page number and size of a list: outside 1..<see cref="MaxPage"/> and 1..<see cref="MaxPageSize"/> a 400 naming the field.</summary>
public static class Paging
{
    public const int MaxPage = 1_000_000;
    public const int MaxPageSize = 200;

    public static (int Page, int PageSize) Check(int page, int pageSize)
    {
        if (page is < 1 or > MaxPage)
        {
            throw new RuleException("bad_value", $"字段“page”：页码应在 1 至 {MaxPage} 之间", StatusCodes.Status400BadRequest);
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new RuleException("bad_value", $"字段“pageSize”：每页条数应在 1 至 {MaxPageSize} 之间", StatusCodes.Status400BadRequest);
        }
        return (page, pageSize);
    }
}

/// <summary>A list's 上一页/下一页 bar (<c>Features/Shared/_Pager.cshtml</c>): the page shown, the page count and the link to page n.</summary>
public sealed record Pager(int Number, int Pages, Func<int, string> Link);
