using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Cases;

/// <summary>
/// Keeps the case full-text index (<see cref="CaseTextIndex"/>, in <c>search/</c> of the data folder) current with the
/// database, which stays the source of truth: before each query it reads the cases created since the last indexed one
/// (by id: ids are time-ordered; with a margin of minutes, as other instances' saves may commit a little out of order), and
/// at start-up and once a minute it compares counts and indexes any case it still lacks. A missing or
/// unreadable folder is rebuilt from the database. Each app instance keeps its own index in its own data folder.
/// </summary>
public sealed class CaseIndex(IServiceScopeFactory scopes, IConfiguration config, ILogger<CaseIndex> log) : IDisposable
{
    public const string FolderName = "search";
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan CountCheck = TimeSpan.FromMinutes(1);
    private const int Batch = 2_000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<string> _recent = new(StringComparer.Ordinal); // ids read within the margin
    private CaseTextIndex? _index;
    private long _checkedAt = long.MinValue;
    private long _committedAt;
    private string? _through; // read, maybe not committed yet

    public string Folder => Path.Combine(Database.DataFolder(config), FolderName);

    /// <summary>The index, brought up to date with the database first (waits a little for a catch-up under way elsewhere).</summary>
    public async Task<CaseTextIndex> CurrentAsync(CancellationToken ct)
    {
        if (!await _gate.WaitAsync(TimeSpan.FromSeconds(3), ct))
        {
            // a rebuild is under way: search what is indexed so far rather than keep the user waiting
            return _index ?? throw new RuleException("search.building", "检索索引正在建立，请稍后再试", 503);
        }
        try
        {
            var index = _index ??= CaseTextIndex.Open(Folder);
            await CatchUpAsync(index, ct);
            return index;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>At start-up: opens (or rebuilds) the index and reads every case it lacks.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await CurrentAsync(ct);
        log.LogInformation("Case index ready: {Count} cases in {Ms} ms", _index?.Count, watch.ElapsedMilliseconds);
    }

    private async Task CatchUpAsync(CaseTextIndex index, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var cases = db.Set<Case>().AsNoTracking();
        var added = 0;
        var through = index.Through;
        var after = Before(through, Margin);
        while (true)
        {
            var from = after;
            var q = from is null ? cases : cases.Where(c => string.Compare(c.Id, from) > 0);
            var rows = await Rows(q.OrderBy(c => c.Id)).Take(Batch).ToListAsync(ct);
            var fresh = rows.Where(r => !_recent.Contains(r.Id)).ToList();
            index.Add(fresh);
            added += fresh.Count;
            if (rows.Count == 0)
            {
                break;
            }
            if (string.CompareOrdinal(rows[^1].Id, through) > 0)
            {
                through = rows[^1].Id;
            }
            var recent = Before(through, Margin);
            _recent.UnionWith(rows.Where(r => string.CompareOrdinal(r.Id, recent) > 0).Select(r => r.Id));
            if (_recent.Count > 20_000 || rows.Count < Batch)
            {
                _recent.RemoveWhere(id => string.CompareOrdinal(id, recent) <= 0);
            }
            if (rows.Count < Batch)
            {
                break;
            }
            after = rows[^1].Id;
            if (added % 100_000 < Batch)
            {
                log.LogInformation("Case index: {Count} cases read", added);
            }
        }
        var now = Environment.TickCount64;
        if (now - _checkedAt > CountCheck.TotalMilliseconds || _checkedAt == long.MinValue)
        {
            _checkedAt = now;
            index.Refresh();
            if (await cases.CountAsync(ct) != index.Count)
            {
                added += await ReconcileAsync(index, cases, ct);
            }
        }
        if (added > 0 || through != index.Through)
        {
            index.Refresh();
            _through = through;
            if (now - _committedAt > 10_000 || added > Batch)
            {
                index.Commit(through);
                _committedAt = now;
            }
        }
    }

    /// <summary>Indexes every case of the database the index lacks (by id).</summary>
    private async Task<int> ReconcileAsync(CaseTextIndex index, IQueryable<Case> cases, CancellationToken ct)
    {
        var known = index.Ids();
        var missing = new List<string>();
        await foreach (var id in cases.Select(c => c.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!known.Contains(id))
            {
                missing.Add(id);
            }
        }
        foreach (var chunk in missing.Chunk(500))
        {
            index.Add(await Rows(cases.Where(c => chunk.Contains(c.Id))).ToListAsync(ct));
        }
        if (missing.Count > 0)
        {
            log.LogInformation("Case index: {Count} cases added by reconciliation", missing.Count);
        }
        return missing.Count;
    }

    /// <summary>
    /// The smallest id made <paramref name="margin"/> before <paramref name="id"/> (ids are UUID v7: their first 12 hex digits are the
    /// creation time in milliseconds), or null when there is no id or it is not of that form.
    /// </summary>
    public static string? Before(string? id, TimeSpan margin)
    {
        if (id is null || id.Length < 12 || !long.TryParse(id.AsSpan(0, 12), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var ms))
        {
            return null;
        }
        return Math.Max(0, ms - (long)margin.TotalMilliseconds).ToString("x12", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static IQueryable<CaseDoc> Rows(IQueryable<Case> q)
        => q.Select(c => new CaseDoc(c.Id, c.Title, c.Content, c.Address, c.CategoryCode, c.RegisteredAt, c.Lat, c.Lon, c.ReporterPhoneHash));

    public void Dispose()
    {
        if (_index is { } index)
        {
            try
            {
                index.Commit(_through);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                log.LogWarning(e, "Case index not committed on shutdown");
            }
            index.Dispose();
        }
        _gate.Dispose();
    }
}

/// <summary>Builds or catches up the case index when the app starts, without delaying the start.</summary>
public sealed class CaseIndexStartup(CaseIndex index, ILogger<CaseIndexStartup> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await index.StartAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Case index could not be built at start-up; searches will try again");
        }
    }
}
