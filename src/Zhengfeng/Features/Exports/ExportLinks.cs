namespace Zhengfeng.Features.Exports;

/// <summary>The "导出 Excel" link of a ledger page: its export with the page's current filters (blank ones left out).</summary>
public static class ExportLinks
{
    public static string Xlsx(string path, params (string Key, string? Value)[] filters)
        => path + QueryString.Create(filters.Where(f => !string.IsNullOrWhiteSpace(f.Value)).Select(f => KeyValuePair.Create(f.Key, f.Value))).ToUriComponent();
}
