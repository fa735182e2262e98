namespace Zhengfeng.Data;

/// <summary>Opaque string ids: time-ordered (UUID v7), so inserts stay at the end of the index.</summary>
public static class Ids
{
    public static string New() => Guid.CreateVersion7().ToString("N");
}
