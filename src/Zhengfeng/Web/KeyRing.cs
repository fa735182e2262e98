using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;

namespace Zhengfeng.Web;

/// <summary>
/// The data-protection key ring (it protects the sign-in cookie, antiforgery tokens and TOTP secrets) lives in
/// <c>data-protection/</c> of the <see cref="KeyFolder"/>, not in the database. Keys an earlier version kept in the database
/// are moved there on the first start, so cookies already issued stay valid.
/// </summary>
public static class KeyRing
{
    public const string FolderName = "data-protection";

    public static void AddZhengfengKeyRing(this IServiceCollection services, IConfiguration config)
    {
        var folder = Path.Combine(KeyFolder.Ensure(config), FolderName);
        KeyFolder.Ensure(folder);
        services.AddDataProtection().SetApplicationName("zhengfeng").PersistKeysToFileSystem(new DirectoryInfo(folder));
    }

    public static async Task MoveOutOfDatabaseAsync(AppDb db, IConfiguration config, CancellationToken ct)
    {
        var rows = await db.DataProtectionKeys.ToListAsync(ct);
        if (rows.Count == 0)
        {
            return;
        }
        var folder = Path.Combine(KeyFolder.Ensure(config), FolderName);
        KeyFolder.Ensure(folder);
        foreach (var row in rows)
        {
            var name = string.IsNullOrWhiteSpace(row.FriendlyName) ? $"key-moved-{row.Id}" : Path.GetFileName(row.FriendlyName);
            var path = Path.Combine(folder, name + ".xml");
            if (!File.Exists(path) && row.Xml is not null)
            {
                KeyFolder.WriteNew(path, row.Xml);
            }
        }
        db.DataProtectionKeys.RemoveRange(rows);
        db.RecordEvent("security.move-key-ring", "DataProtectionKey", FolderName, $"{{\"keys\":{rows.Count}}}");
        await db.SaveChangesAsync(ct);
    }
}
