using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Features.Cases;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Import;

/// <summary>
/// Imports a work-order export row by row through <see cref="CaseWorkflow.CreateAsync"/> (so every case gets its
/// register event and audit entries). A bad row is reported and skipped; a row whose external id was already
/// imported is skipped, which the unique (Channel, ExternalId) index guarantees even under concurrent imports.
/// </summary>
public sealed class CaseImporter(AppDb db, CaseWorkflow flow, ImportMappings mappings, ILogger<CaseImporter> log)
{
    public const string Channel = "import";

    /// <summary>The response lists at most this many row errors; <see cref="ImportResult.Failed"/> still counts all.</summary>
    public const int MaxErrors = 500;

    public async Task<ImportResult> ImportAsync(string mappingId, Stream file, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var mapping = await mappings.GetAsync(mappingId, ct);
        var sheet = await SheetReader.ReadAsync(file, ct);
        var categories = await db.Set<Category>().AsNoTracking().Where(c => c.IsActive).ToListAsync(ct);
        var reader = new ImportRow(mapping, sheet.Header, categories);
        if (reader.MissingColumns.Count > 0)
        {
            throw new RuleException("import.missing_columns", $"文件缺少映射所需的列：{string.Join("、", reader.MissingColumns)}", 400);
        }

        var errors = new List<RowError>();
        var parsed = new List<(int Row, ParsedRow Data)>();
        var failedRows = new HashSet<int>();
        foreach (var row in sheet.Rows.Where(r => !r.IsBlank))
        {
            var before = errors.Count;
            if (reader.Read(row, errors) is { } p)
            {
                parsed.Add((row.Number, p));
            }
            else if (errors.Count > before)
            {
                failedRows.Add(row.Number);
            }
        }

        var seen = await ExistingAsync(parsed.Select(p => p.Data.ExternalId).Distinct().ToList(), ct);
        int imported = 0, skipped = 0;
        foreach (var (number, row) in parsed)
        {
            if (!seen.Add(row.ExternalId))
            {
                skipped++;
                continue;
            }
            try
            {
                await flow.CreateAsync(row.Request, ct, channel: Channel, externalId: row.ExternalId, registeredAt: row.RegisteredAt);
                imported++;
            }
            catch (RuleException e)
            {
                errors.Add(new RowError(number, e.Code == "case.unknown_category" ? reader.CategoryColumn : "", e.Message));
                failedRows.Add(number);
            }
            catch (Exception e) when (SaveConflict.Is(e))
            {
                db.ChangeTracker.Clear();
                if (!await ExistsAsync(row.ExternalId, ct))
                {
                    throw;
                }
                skipped++; // another import took this row in the meantime
            }
            finally
            {
                db.ChangeTracker.Clear(); // keeps each save small: 1,000 tracked cases would make every later save slower
            }
        }

        log.LogInformation("Import with mapping {Mapping}: {Imported} imported, {Skipped} skipped, {Failed} failed in {Elapsed} ms",
            mapping.Name, imported, skipped, failedRows.Count, watch.ElapsedMilliseconds);
        return new ImportResult(imported, skipped, failedRows.Count, errors.OrderBy(e => e.Row).Take(MaxErrors).ToList(), watch.ElapsedMilliseconds);
    }

    /// <summary>External ids already imported, asked in chunks so the IN list stays small.</summary>
    private async Task<HashSet<string>> ExistingAsync(List<string> ids, CancellationToken ct)
    {
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(500))
        {
            var found = await db.Set<Case>().AsNoTracking()
                .Where(c => c.Channel == Channel && chunk.Contains(c.ExternalId!))
                .Select(c => c.ExternalId!).ToListAsync(ct);
            existing.UnionWith(found);
        }
        return existing;
    }

    private Task<bool> ExistsAsync(string externalId, CancellationToken ct)
        => db.Set<Case>().AnyAsync(c => c.Channel == Channel && c.ExternalId == externalId, ct);
}
