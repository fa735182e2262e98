using System.Text;

namespace Zhengfeng.Data;

/// <summary>
/// The folder that holds the server's secrets, outside the database: the token signing key, the data-protection key ring
/// (cookies, antiforgery, TOTP secrets) and the audit checkpoint signing key. <c>keys/</c> in the data folder unless
/// <c>Security:KeysFolder</c> names another (several instances share one folder, or are each given the keys by
/// environment variable). The folder is made with mode 0700 and each key file with 0600, so no other account on the
/// machine reads them, and whoever copies or rewrites the database does not get them.
/// </summary>
public static class KeyFolder
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Where the keys are, without making anything (for the offline commands).</summary>
    public static string Resolve(IConfiguration config, string dataFolder)
        => Path.GetFullPath(config["Security:KeysFolder"] is { Length: > 0 } configured ? configured : Path.Combine(dataFolder, "keys"));

    /// <summary>The folder, made with mode 0700 when it does not exist yet.</summary>
    public static string Ensure(IConfiguration config)
    {
        var folder = Resolve(config, Database.DataFolder(config));
        Ensure(folder);
        return folder;
    }

    public static void Ensure(string folder)
    {
        if (Directory.Exists(folder))
        {
            return;
        }
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, OwnerOnlyFolder);
        }
    }

    /// <summary>
    /// The text of a key file; when there is none, <paramref name="make"/>'s text is written first, to a file created with
    /// mode 0600 (never readable by others, not even for a moment). Two instances starting together on one folder both
    /// read the one that was written first.
    /// </summary>
    public static string ReadOrCreate(string path, Func<string> make)
    {
        if (!File.Exists(path))
        {
            Ensure(Path.GetDirectoryName(path)!);
            try
            {
                WriteNew(path, make());
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process wrote it first: that one is the key.
            }
        }
        return File.ReadAllText(path).Trim();
    }

    /// <summary>Writes a new key file with mode 0600; fails when it exists.</summary>
    public static void WriteNew(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }
        using var stream = new FileStream(path, options);
        stream.Write(Encoding.UTF8.GetBytes(text.EndsWith('\n') ? text : text + "\n"));
        stream.Flush(flushToDisk: true);
    }
}
