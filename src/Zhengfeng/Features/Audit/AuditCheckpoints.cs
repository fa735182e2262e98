using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Zhengfeng.Data;

namespace Zhengfeng.Features.Audit;

/// <summary>
/// Signs checkpoints of the audit log and keeps them as files in <c>&lt;data&gt;/checkpoints/</c>, outside the database: one
/// file per checkpoint (<c>000000001234-20261102T010000Z.txt</c>), <c>latest</c> (a copy of the newest) and <c>latest.frontier</c>
/// (the tree's right edge at that size, and the hash of its last entry), so the next checkpoint hashes only the entries added since.
/// </summary>
public sealed partial class AuditCheckpoints : IDisposable
{
    public const string LatestFile = "latest";
    public const string FolderName = "checkpoints";
    private const string FrontierFile = "latest.frontier";

    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly TimeProvider _clock;

    public AuditCheckpoints(IConfiguration config, TimeProvider clock)
    {
        _clock = clock;
        Key = AuditSigning.LoadOrCreate(config);
        Folder = Path.Combine(Database.DataFolder(config), FolderName);
    }

    public AuditSigningKey Key { get; }

    public void Dispose() => _writing.Dispose();

    public string Folder { get; }

    public sealed record Listing(string Name, AuditCheckpoint Checkpoint);

    [GeneratedRegex(@"^\d{12}-\d{8}T\d{9}Z\.txt$")]
    private static partial Regex FileName();

    /// <summary>
    /// Signs and saves a checkpoint of the whole log; without <paramref name="force"/>, only when the log grew since the latest.
    /// Throws <see cref="AuditBrokenException"/> when the log is shorter than the latest checkpoint or an added entry is broken.
    /// </summary>
    public async Task<AuditCheckpoint?> CreateAsync(AppDb db, bool force, CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            await AuditSequencer.For(db).FlushAsync(ct); // entries still staged (their request died before numbering) go in first
        }
        await _writing.WaitAsync(ct);
        try
        {
            var latest = await LatestAsync(ct);
            var size = await AuditLogTree.SizeAsync(db, ct);
            if (latest is not null && size < latest.Size)
            {
                throw new AuditBrokenException(size + 1, $"审计日志只有 {size} 条，比上一个检查点的 {latest.Size} 条少：记录被删除");
            }
            if (!force && latest is not null && size == latest.Size)
            {
                return null;
            }
            MerkleFrontier? frontier = new();
            string? head = AuditTrail.Genesis;
            if (latest is not null)
            {
                (frontier, head) = await SavedFrontierAsync(latest, ct);
            }
            if (frontier is null)
            {
                // No usable frontier: rebuild it, and never sign on from a log that no longer has the latest checkpoint's root.
                frontier = new MerkleFrontier();
                head = await AuditLogTree.ExtendAsync(db, frontier, latest!.Size, AuditTrail.Genesis, ct);
                if (!frontier.Root().AsSpan().SequenceEqual(latest.RootHash))
                {
                    throw new AuditBrokenException(1, $"审计日志的前 {latest.Size} 条与上一个检查点不符：记录被改写");
                }
            }
            head = await AuditLogTree.ExtendAsync(db, frontier, size, head, ct);
            var checkpoint = AuditCheckpoint.Sign(Key, frontier.Size, frontier.Root(), _clock.GetUtcNow());
            Directory.CreateDirectory(Folder);
            var name = string.Create(CultureInfo.InvariantCulture, $"{checkpoint.Size:D12}-{checkpoint.At.UtcDateTime:yyyyMMdd'T'HHmmssfff}Z.txt");
            await File.WriteAllTextAsync(Path.Combine(Folder, name), checkpoint.Text, ct);
            await ReplaceAsync(FrontierFile, frontier.ToText() + (head is null ? "" : "head " + head + "\n"), ct);
            await ReplaceAsync(LatestFile, checkpoint.Text, ct);
            return checkpoint;
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>An admin's checkpoint on demand: always signed, and logged (after it is written, so the entry about it follows it).</summary>
    public async Task<AuditCheckpoint> CreateNowAsync(AppDb db, CancellationToken ct)
    {
        var checkpoint = (await CreateAsync(db, force: true, ct))!;
        db.RecordEvent("audit.checkpoint", "AuditCheckpoint", checkpoint.Size.ToString(CultureInfo.InvariantCulture),
            JsonSerializer.Serialize(new { checkpoint.Size, RootHash = checkpoint.RootHashHex, Algorithm = Key.Verifier.AlgorithmName, KeyId = checkpoint.KeyIdHex }));
        await db.SaveChangesAsync(ct);
        return checkpoint;
    }

    public async Task<AuditCheckpoint?> LatestAsync(CancellationToken ct)
    {
        var path = Path.Combine(Folder, LatestFile);
        return File.Exists(path) ? AuditCheckpoint.Parse(await File.ReadAllTextAsync(path, ct)) : null;
    }

    /// <summary>The saved checkpoints, newest first.</summary>
    public (IReadOnlyList<Listing> Items, int Total) List(int page, int pageSize)
    {
        var names = SavedNames(Folder);
        var items = names.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(n => (Name: n, Checkpoint: AuditCheckpoint.Parse(File.ReadAllText(Path.Combine(Folder, n)))))
            .Where(x => x.Checkpoint is not null).Select(x => new Listing(x.Name, x.Checkpoint!)).ToList();
        return (items, names.Count);
    }

    /// <summary>The file names of the checkpoints saved in <paramref name="folder"/>, newest (largest) first; reads only.</summary>
    public static List<string> SavedNames(string folder)
        => Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>().Where(n => FileName().IsMatch(n)).OrderDescending(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>The text of one saved checkpoint by its file name; null for any other name.</summary>
    public async Task<string?> ReadAsync(string name, CancellationToken ct)
    {
        var path = Path.Combine(Folder, name);
        return (name == LatestFile || FileName().IsMatch(name)) && File.Exists(path) ? await File.ReadAllTextAsync(path, ct) : null;
    }

    /// <summary>
    /// The frontier saved with <paramref name="latest"/>, if it still gives that checkpoint's size and root, and the hash of the
    /// checkpoint's last entry (its "head" line), which the next entry must link to.
    /// </summary>
    private async Task<(MerkleFrontier?, string?)> SavedFrontierAsync(AuditCheckpoint latest, CancellationToken ct)
    {
        var path = Path.Combine(Folder, FrontierFile);
        if (!File.Exists(path))
        {
            return (null, null);
        }
        var lines = (await File.ReadAllTextAsync(path, ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var head = lines.FirstOrDefault(l => l.StartsWith("head ", StringComparison.Ordinal))?[5..];
        var frontier = MerkleFrontier.Parse(string.Join('\n', lines.Where(l => !l.StartsWith("head ", StringComparison.Ordinal))));
        return frontier is not null && head is not null && frontier.Size == latest.Size && frontier.Root().AsSpan().SequenceEqual(latest.RootHash)
            ? (frontier, head)
            : (null, null);
    }

    /// <summary>Written beside and renamed over, so a reader never sees half a file.</summary>
    private async Task ReplaceAsync(string file, string text, CancellationToken ct)
    {
        var path = Path.Combine(Folder, file);
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, text, ct);
        File.Move(temporary, path, overwrite: true);
    }
}
