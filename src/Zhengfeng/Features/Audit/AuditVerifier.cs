using Microsoft.EntityFrameworkCore;
using Zhengfeng.Data;

namespace Zhengfeng.Features.Audit;

public sealed record AuditVerifyResult(bool Ok, long Entries, long? BrokenSeq = null, string? Reason = null);

/// <summary>Walks the chain from the first entry: numbering without gaps, each link to the previous hash, each hash recomputed.</summary>
public static class AuditVerifier
{
    public static async Task<AuditVerifyResult> VerifyAsync(AppDb db, CancellationToken ct)
    {
        long expected = 1;
        var prev = AuditTrail.Genesis;
        await foreach (var e in db.AuditEntries.AsNoTracking().OrderBy(a => a.Seq).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (e.Seq != expected)
            {
                return new(false, expected - 1, expected, $"第 {expected} 条记录缺失（下一条为第 {e.Seq} 条）：有记录被删除");
            }
            if (e.PrevHash != prev)
            {
                return new(false, expected - 1, e.Seq, $"第 {e.Seq} 条记录与上一条的链接不符：前一条被修改或删除");
            }
            if (AuditTrail.ComputeHash(e) != e.Hash)
            {
                return new(false, expected - 1, e.Seq, $"第 {e.Seq} 条记录的内容与其哈希不符：记录被修改");
            }
            prev = e.Hash;
            expected++;
        }
        return new(true, expected - 1);
    }
}
