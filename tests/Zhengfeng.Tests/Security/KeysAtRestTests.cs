using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Zhengfeng.Features.Accounts;
using Zhengfeng.Features.Cases;
using Zhengfeng.Web;

namespace Zhengfeng.Tests.Security;

/// <summary>
/// The token signing key and the data-protection key ring are files readable only by the server's account, not rows of the
/// database: a copy of the database (a backup, a dump, a read-only leak) mints no token and decrypts no cookie.
/// </summary>
public sealed class KeysAtRestTests
{
    [Fact]
    public async Task The_keys_sit_in_owner_only_files_and_the_database_holds_none()
    {
        await using var app = await AppFactory.StartAsync();
        var admin = await app.AdminAsync();
        (await admin.GetAsync("/api/v1/inbox")).EnsureSuccessStatusCode();
        (await app.Anonymous().GetAsync("/login")).EnsureSuccessStatusCode(); // the antiforgery token needs the key ring

        var keys = Path.Combine(app.DataDir, "keys");
        var tokenKey = Path.Combine(keys, TokenKeys.FileName);
        Assert.True(File.Exists(tokenKey));
        Assert.Equal(32, Convert.FromBase64String(File.ReadAllText(tokenKey).Trim()).Length);
        var ring = Directory.GetFiles(Path.Combine(keys, KeyRing.FolderName), "*.xml");
        Assert.NotEmpty(ring);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tokenKey));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
        }
        await app.WithDbAsync(async db =>
        {
            Assert.False(await db.Settings.AnyAsync(s => s.Key == TokenKeys.LegacySettingKey));
            Assert.Equal(0, await db.DataProtectionKeys.CountAsync());
        });
    }

    [Fact]
    public async Task Keys_an_earlier_version_kept_in_the_database_or_beside_it_move_to_the_key_folder()
    {
        await using var app = await AppFactory.StartAsync();
        var legacyKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        const string ringXml = "<key id=\"0f5c6d1e-0000-4000-8000-000000000001\" version=\"1\" />";
        await app.WithDbAsync(async db =>
        {
            db.Settings.Add(new Zhengfeng.Data.AppSetting { Key = TokenKeys.LegacySettingKey, Value = legacyKey });
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "key-0f5c6d1e-0000-4000-8000-000000000001", Xml = ringXml });
            await db.SaveChangesAsync();
        });
        var identityKey = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());
        File.WriteAllText(Path.Combine(app.DataDir, ReporterIdentity.FileName), identityKey); // beside the database, as before
        var moved = Path.Combine(app.DataDir, "moved-keys");
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["data"] = app.DataDir,
            ["Security:KeysFolder"] = moved,
        }).Build();

        await app.WithDbAsync(async db =>
        {
            var tokens = new TokenKeys();
            await tokens.LoadAsync(db, config, default);
            await KeyRing.MoveOutOfDatabaseAsync(db, config, default);
            Assert.Equal(Convert.FromBase64String(legacyKey), tokens.Key.Key); // tokens signed before the move stay valid
        });
        var identity = new ReporterIdentity(config);
        Assert.Equal("陈某某", identity.Unprotect(identity.Protect("陈某某")));
        Assert.Equal(identityKey, File.ReadAllText(Path.Combine(moved, ReporterIdentity.FileName)).Trim()); // names encrypted before still open
        Assert.False(File.Exists(Path.Combine(app.DataDir, ReporterIdentity.FileName)));

        Assert.Equal(legacyKey, File.ReadAllText(Path.Combine(moved, TokenKeys.FileName)).Trim());
        Assert.Equal(ringXml, File.ReadAllText(Path.Combine(moved, KeyRing.FolderName, "key-0f5c6d1e-0000-4000-8000-000000000001.xml")).Trim());
        await app.WithDbAsync(async db =>
        {
            Assert.False(await db.Settings.AnyAsync(s => s.Key == TokenKeys.LegacySettingKey));
            Assert.Equal(0, await db.DataProtectionKeys.CountAsync());
            var actions = await db.AuditEntries.Select(a => a.Action).ToListAsync();
            Assert.Contains("security.move-signing-key", actions);
            Assert.Contains("security.move-key-ring", actions);
        });
    }
}
