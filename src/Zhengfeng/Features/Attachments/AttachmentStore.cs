using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;
using Zhengfeng.Web;

namespace Zhengfeng.Features.Attachments;

/// <summary>
/// Stores uploads after checking their type by content (magic bytes), never by name or declared type, and their
/// size. Files are written under the data folder, outside the web root, and read back only through an endpoint
/// that has checked the reader's right to the owning record.
/// </summary>
public sealed class AttachmentStore(AppDb db, TimeProvider clock, IConfiguration config)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerOwner = 9;

    private string Folder
    {
        get
        {
            var dir = Path.Combine(Database.DataFolder(config), "files");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    /// <summary>The content type a file's first bytes prove, or null when it is not an allowed kind.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((byte[])[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }
        if (head.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }
        if (head.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }
        return null;
    }

    public async Task<Attachment> SaveAsync(string ownerType, string ownerId, string fileName, Stream content, string uploadedBy, CancellationToken ct)
    {
        var attachment = await StageAsync(ownerType, ownerId, fileName, content, uploadedBy, ct);
        try
        {
            db.PendingAction = "attachment.upload";
            await db.SaveChangesAsync(ct);
            return attachment;
        }
        catch
        {
            Discard([attachment]);
            throw;
        }
    }

    /// <summary>
    /// Checks and writes the file and adds its record without saving, so it can be saved with the record it belongs to.
    /// If that save fails, call <see cref="Discard"/>.
    /// </summary>
    public async Task<Attachment> StageAsync(string ownerType, string ownerId, string fileName, Stream content, string uploadedBy, CancellationToken ct)
    {
        if (await db.Set<Attachment>().CountAsync(a => a.OwnerType == ownerType && a.OwnerId == ownerId, ct) >= MaxPerOwner)
        {
            throw new RuleException("attachment.too_many", $"每条记录最多上传{MaxPerOwner}个文件", 422);
        }
        var id = Ids.New();
        var path = Path.Combine(Folder, id);
        long size = 0;
        string? type = null;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            await using (var file = File.Create(path))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    if (size == 0)
                    {
                        type = Sniff(buffer.AsSpan(0, read));
                        if (type is null)
                        {
                            throw new RuleException("attachment.bad_type", "只能上传 JPG、PNG、GIF、WebP 图片或 PDF 文件（按文件内容判断）", 400);
                        }
                    }
                    size += read;
                    if (size > MaxBytes)
                    {
                        throw new RuleException("attachment.too_large", $"单个文件不能超过{MaxBytes / 1024 / 1024}MB", 400);
                    }
                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            if (size == 0)
            {
                throw new RuleException("attachment.empty", "文件是空的", 400);
            }
            var attachment = new Attachment
            {
                Id = id, OwnerType = ownerType, OwnerId = ownerId, FileName = SafeName(fileName), ContentType = type!, Size = size,
                Sha256 = Convert.ToHexStringLower(sha.GetHashAndReset()), UploadedBy = uploadedBy, UploadedAt = clock.GetUtcNow(),
            };
            db.Add(attachment);
            return attachment;
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Removes the files of staged attachments whose save failed.</summary>
    public void Discard(IEnumerable<Attachment> staged)
    {
        foreach (var a in staged)
        {
            File.Delete(Path.Combine(Folder, a.Id));
        }
    }

    /// <summary>The attachments of several owners of one type (e.g. every progress report of an item).</summary>
    public Task<List<Attachment>> ListAsync(string ownerType, IReadOnlyCollection<string> ownerIds, CancellationToken ct)
        => db.Set<Attachment>().AsNoTracking().Where(a => a.OwnerType == ownerType && ownerIds.Contains(a.OwnerId)).OrderBy(a => a.UploadedAt).ToListAsync(ct);

    public Task<List<Attachment>> ListAsync(string ownerType, string ownerId, CancellationToken ct)
        => db.Set<Attachment>().AsNoTracking().Where(a => a.OwnerType == ownerType && a.OwnerId == ownerId).OrderBy(a => a.UploadedAt).ToListAsync(ct);

    public async Task<(Attachment Meta, Stream Content)> OpenAsync(string id, CancellationToken ct)
    {
        var meta = await db.Set<Attachment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("附件");
        return (meta, File.OpenRead(Path.Combine(Folder, meta.Id)));
    }

    private static string SafeName(string name)
    {
        var clean = Path.GetFileName(name ?? "").Replace("\"", "", StringComparison.Ordinal);
        return string.IsNullOrWhiteSpace(clean) ? "附件" : clean.Length > 200 ? clean[^200..] : clean;
    }
}
