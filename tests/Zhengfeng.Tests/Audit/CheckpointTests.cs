using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhengfeng.Features.Audit;

namespace Zhengfeng.Tests.Audit;

/// <summary>
/// Signed checkpoints of the audit log and the offline check against them. The attacks are the ones a hash chain alone
/// misses: deleting the newest entries, and rewriting the whole table with every hash recomputed.
/// </summary>
public sealed class CheckpointTests
{
    [Fact]
    public void Checkpoints_signed_with_Ed25519_or_SM2_verify_and_an_altered_one_does_not()
    {
        foreach (var algorithm in Enum.GetValues<AuditSignatureAlgorithm>())
        {
            var key = new AuditSigningKey("zhengfeng/test", algorithm, Convert.FromHexString("1f" + new string('a', 62)));
            var checkpoint = AuditCheckpoint.Sign(key, 7, MerkleTree.LeafHash([1, 2, 3]), new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8)));
            var parsed = AuditCheckpoint.Parse(checkpoint.Text)!;
            Assert.Equal(7, parsed.Size);
            Assert.True(parsed.IsSignedBy(AuditVerifierKey.Parse(key.Verifier.Encode())!), algorithm.ToString());
            Assert.False((parsed with { Size = 8 }).IsSignedBy(key.Verifier));
            var other = new AuditSigningKey("zhengfeng/test", algorithm, Convert.FromHexString("2f" + new string('b', 62)));
            Assert.False(parsed.IsSignedBy(other.Verifier));
            var tampered = AuditCheckpoint.Parse(checkpoint.Text.Replace("\n7\n", "\n8\n", StringComparison.Ordinal));
            Assert.Equal(8, tampered!.Size);
            Assert.False(tampered.IsSignedBy(key.Verifier));
        }
    }

    [Fact]
    public async Task An_admin_signs_a_checkpoint_that_the_public_key_verifies_and_the_log_records_it()
    {
        await using var app = await AppFactory.StartAsync();
        var admin = await app.AdminAsync();
        await admin.CreateUnitAsync(app);

        var created = await admin.PostOkAsync("/api/v1/audit/checkpoints", new { }, HttpStatusCode.Created);
        var size = created.GetProperty("size").GetInt64();
        Assert.Equal("ed25519", created.GetProperty("algorithm").GetString());
        Assert.Equal("zhengfeng/default", created.GetProperty("origin").GetString());

        var text = await admin.GetStringAsync("/api/v1/audit/checkpoints/latest");
        var checkpoint = AuditCheckpoint.Parse(text)!;
        Assert.Equal(size, checkpoint.Size);
        var publicKey = AuditVerifierKey.Parse(await app.Anonymous().GetStringAsync("/api/v1/audit/public-key"))!;
        Assert.True(checkpoint.IsSignedBy(publicKey));

        // The contract's JSON form.
        var json = await admin.GetOkAsync("/api/v1/audit/checkpoint");
        Assert.Equal(size, json.GetProperty("size").GetInt64());
        Assert.Equal(checkpoint.RootHashHex, json.GetProperty("rootHash").GetString());
        Assert.Equal(publicKey.KeyIdHex, json.GetProperty("keyId").GetString());
        Assert.Equal(Convert.ToBase64String(checkpoint.Signature), json.GetProperty("signature").GetString());

        var list = await admin.GetOkAsync("/api/v1/audit/checkpoints?pageSize=10");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("size").GetInt64() == size);

        var log = await admin.GetOkAsync("/api/v1/audit?action=audit.checkpoint");
        var entry = Assert.Single(log.GetProperty("items").EnumerateArray());
        Assert.Equal(size + 1, entry.GetProperty("seq").GetInt64());
        Assert.Contains(checkpoint.RootHashHex, entry.GetProperty("after").GetString());

        // The key lives in the data folder, readable by its owner only, and never in the database.
        var keyFile = Path.Combine(app.DataDir, "keys", "audit-signing.key");
        Assert.True(File.Exists(keyFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }
        var privateKey = (await File.ReadAllTextAsync(keyFile)).Trim();
        var settings = await admin.GetStringAsync("/api/v1/audit?pageSize=200");
        Assert.DoesNotContain(privateKey, settings);
    }

    [Fact]
    public async Task The_consistency_proof_from_a_checkpoint_to_the_current_log_verifies()
    {
        await using var app = await AppFactory.StartAsync();
        var admin = await app.AdminAsync();
        var first = await admin.PostOkAsync("/api/v1/audit/checkpoints", new { }, HttpStatusCode.Created);
        await admin.CreateUnitAsync(app);
        await admin.CreateUnitAsync(app);
        var second = await admin.PostOkAsync("/api/v1/audit/checkpoints", new { }, HttpStatusCode.Created);
        var (m, n) = (first.GetProperty("size").GetInt64(), second.GetProperty("size").GetInt64());

        var view = await admin.GetOkAsync($"/api/v1/audit/consistency?from={m}&to={n}");
        var proof = view.GetProperty("proof").EnumerateArray().Select(p => Convert.FromHexString(p.GetString()!)).ToList();
        var firstRoot = Convert.FromHexString(first.GetProperty("rootHash").GetString()!);
        var secondRoot = Convert.FromHexString(second.GetProperty("rootHash").GetString()!);
        Assert.True(MerkleTree.VerifyConsistency(m, n, proof, firstRoot, secondRoot));
        Assert.False(MerkleTree.VerifyConsistency(m, n, proof, secondRoot, secondRoot));

        var inclusion = await admin.GetOkAsync($"/api/v1/audit/inclusion?seq=2&size={n}");
        Assert.True(MerkleTree.VerifyInclusion(1, n, Convert.FromHexString(inclusion.GetProperty("leafHash").GetString()!),
            [.. inclusion.GetProperty("proof").EnumerateArray().Select(p => Convert.FromHexString(p.GetString()!))], secondRoot));

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"/api/v1/audit/consistency?from={n + 5}&to={n}")).StatusCode);
    }

    [Fact]
    public async Task Only_an_admin_reads_or_signs_checkpoints()
    {
        await using var app = await AppFactory.StartAsync();
        var admin = await app.AdminAsync();
        var staff = await admin.UserAsync(app, await admin.CreateUnitAsync(app), "unit", "leader", "supervisor");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync("/api/v1/audit/checkpoints", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/audit/checkpoints/latest")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/audit/consistency?from=1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/audit/checkpoint")).StatusCode);
    }

    [Fact]
    public async Task The_offline_check_passes_an_untouched_log_and_needs_the_right_public_key()
    {
        await using var app = await AppFactory.StartAsync();
        var admin = await app.AdminAsync();
        var (checkpointFile, publicKeyFile) = await SignAsync(app, admin);
        await admin.CreateUnitAsync(app); // the log goes on after the checkpoint

        var run = await RunCliAsync(app, "--checkpoint", checkpointFile, "--public-key", publicKeyFile);
        Assert.Equal(0, run.Code);
        Assert.Contains("包含并延续检查点", run.Output);
        Assert.Equal(0, (await RunCliAsync(app, "--checkpoint", checkpointFile)).Code); // the key file in --data

        var otherKey = Path.Combine(Path.GetDirectoryName(publicKeyFile)!, "other.pub");
        await File.WriteAllTextAsync(otherKey, new AuditSigningKey("zhengfeng/default", AuditSignatureAlgorithm.Ed25519, new byte[32]).Verifier.Encode());
        var wrong = await RunCliAsync(app, "--checkpoint", checkpointFile, "--public-key", otherKey);
        Assert.Equal(1, wrong.Code);
        Assert.Contains("签名无效", wrong.Error);

        var forged = Path.Combine(Path.GetDirectoryName(checkpointFile)!, "forged.txt");
        var text = await File.ReadAllTextAsync(checkpointFile);
        var size = AuditCheckpoint.Parse(text)!.Size;
        await File.WriteAllTextAsync(forged, text.Replace($"\n{size}\n", $"\n{size - 1}\n", StringComparison.Ordinal));
        Assert.Equal(1, (await RunCliAsync(app, "--checkpoint", forged, "--public-key", publicKeyFile)).Code);
        Assert.Equal(1, (await RunCliAsync(app, "--checkpoint", Path.Combine(app.DataDir, "no-such-checkpoint"))).Code);
    }

    [Fact]
    public async Task Deleting_the_newest_entries_passes_the_chain_but_fails_against_the_checkpoint()
    {
        await using var app = await AppFactory.StartAsync();
        var admin = await app.AdminAsync();
        await admin.CreateUnitAsync(app);
        var (checkpointFile, publicKeyFile) = await SignAsync(app, admin);
        var size = AuditCheckpoint.Parse(await File.ReadAllTextAsync(checkpointFile))!.Size;

        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditEntries" WHERE "Seq" > {size - 3}"""));

        Assert.Equal(0, (await RunCliAsync(app)).Code); // what remains is a valid chain: the chain alone cannot tell
        var run = await RunCliAsync(app, "--checkpoint", checkpointFile, "--public-key", publicKeyFile);
        Assert.Equal(2, run.Code);
        Assert.Contains("截断", run.Output);

        // New entries after the cut make the log as long as before, but not the same log.
        await admin.CreateUnitAsync(app);
        await admin.CreateUnitAsync(app);
        Assert.Equal(2, (await RunCliAsync(app, "--checkpoint", checkpointFile, "--public-key", publicKeyFile)).Code);
    }

    [Fact]
    public async Task Rewriting_the_whole_log_with_recomputed_hashes_fails_against_the_checkpoint()
    {
        await using var app = await AppFactory.StartAsync();
        var admin = await app.AdminAsync();
        await admin.CreateUnitAsync(app, name: "改写前的单位");
        var (checkpointFile, publicKeyFile) = await SignAsync(app, admin);

        await app.WithDbAsync(async db =>
        {
            var entries = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Seq).ToListAsync();
            var prev = AuditTrail.Genesis;
            foreach (var e in entries)
            {
                var forged = new AuditEntry
                {
                    Seq = e.Seq, At = e.At, ActorId = e.ActorId, ActorName = e.ActorName == "系统管理员" ? "别人" : e.ActorName, Action = e.Action,
                    EntityType = e.EntityType, EntityId = e.EntityId, Before = e.Before, After = e.After?.Replace("改写前的单位", "改写后的单位", StringComparison.Ordinal),
                    PrevHash = prev,
                };
                forged.Hash = AuditTrail.ComputeHash(forged);
                await db.Database.ExecuteSqlAsync($"""
                    UPDATE "AuditEntries" SET "ActorName" = {forged.ActorName}, "After" = {forged.After}, "PrevHash" = {forged.PrevHash}, "Hash" = {forged.Hash}
                    WHERE "Seq" = {forged.Seq}
                    """);
                prev = forged.Hash;
            }
        });

        Assert.Equal(0, (await RunCliAsync(app)).Code); // a consistent forgery: the chain alone cannot tell
        var run = await RunCliAsync(app, "--checkpoint", checkpointFile, "--public-key", publicKeyFile);
        Assert.Equal(2, run.Code);
        Assert.Contains("改写", run.Output);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync("/api/v1/audit/checkpoints", null)).StatusCode); // nor does the server sign on
    }

    [Fact]
    public async Task A_missing_database_or_an_unreachable_server_is_refused_without_creating_anything()
    {
        var folder = Directory.CreateTempSubdirectory("zf-verify-").FullName;
        try
        {
            var missing = Path.Combine(folder, "nope", "zhengfeng.db");
            var run = await RunAsync(["audit", "verify", "--db", $"Data Source={missing}", "--data", Path.Combine(folder, "nope")]);
            Assert.Equal(1, run.Code);
            Assert.Contains("找不到数据库文件", run.Error);
            Assert.False(File.Exists(missing));
            Assert.False(Directory.Exists(Path.Combine(folder, "nope")));

            run = await RunAsync(["audit", "verify", "--data", Path.Combine(folder, "nope")]);
            Assert.Equal(1, run.Code);

            var empty = Path.Combine(folder, "empty.db");
            await File.WriteAllBytesAsync(empty, []);
            Assert.Equal(1, (await RunAsync(["audit", "verify", "--db", $"Data Source={empty}"])).Code);

            run = await RunAsync(["audit", "verify", "--db", "Host=127.0.0.1;Port=1;Database=zf;Username=zf;Password=x;Timeout=3"]);
            Assert.Equal(1, run.Code);
            Assert.Contains("无法读取审计日志", run.Error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task With_the_SM2_option_checkpoints_are_signed_with_SM2_and_SM3()
    {
        await using var app = new Sm2App();
        await app.InitializeAsync();
        var admin = await app.AdminAsync();
        var created = await admin.PostOkAsync("/api/v1/audit/checkpoints", new { }, HttpStatusCode.Created);
        Assert.Equal("sm2-sm3", created.GetProperty("algorithm").GetString());
        Assert.True(File.Exists(Path.Combine(app.DataDir, "keys", "audit-signing-sm2.key")));
        var (checkpointFile, _) = await SignAsync(app, admin);
        Assert.Equal(0, (await RunCliAsync(app, "--checkpoint", checkpointFile)).Code);
    }

    [Fact]
    public async Task The_checkpoint_job_signs_on_start_and_then_only_when_the_log_grew()
    {
        await using var app = await AppFactory.StartAsync();
        var job = app.Services.GetRequiredService<Zhengfeng.Jobs.AuditCheckpointJob>();
        var first = await job.RunOnceAsync(force: true, CancellationToken.None);
        Assert.NotNull(first);
        Assert.Null(await job.RunOnceAsync(force: false, CancellationToken.None));
        var admin = await app.AdminAsync();
        await admin.CreateUnitAsync(app);
        var next = await job.RunOnceAsync(force: false, CancellationToken.None);
        Assert.True(next!.Size > first.Size);
        Assert.True(File.Exists(Path.Combine(app.DataDir, "checkpoints", "latest.frontier")));
        // Extended from the saved frontier, the root is still the one of the whole log.
        await app.WithDbAsync(async db =>
        {
            var whole = new MerkleFrontier();
            await AuditLogTree.ExtendAsync(db, whole, next.Size, null, CancellationToken.None);
            Assert.Equal(whole.Root(), next.RootHash);
        });
    }

    [Fact]
    public async Task The_audit_page_signs_a_checkpoint_and_shows_it_with_the_public_key_and_how_to_verify()
    {
        await using var app = await AppFactory.StartAsync();
        var admin = await app.AdminAsync();
        Assert.Contains("尚未签发检查点", WebUtility.HtmlDecode(await admin.GetStringAsync("/audit")));

        var posted = await Zhengfeng.Tests.Scores.ScoreScenario.PostFormToAsync(admin, "/audit", "/audit?handler=Checkpoint");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/audit"));
        var checkpoint = AuditCheckpoint.Parse(await admin.GetStringAsync("/api/v1/audit/checkpoints/latest"))!;
        Assert.Contains(checkpoint.RootHashHex, page);
        Assert.Contains("ed25519", page);
        Assert.Contains("下载最新检查点", page);
        Assert.Contains("audit verify --checkpoint", page);
        Assert.Contains(AuditVerifierKey.Parse(await admin.GetStringAsync("/api/v1/audit/public-key"))!.Encode(), page);
        Assert.Contains("签发审计检查点", page); // the log's own entry about it
    }

    private sealed class Sm2App : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Audit:Signature", "sm2");
        }
    }

    /// <summary>Signs a checkpoint as an admin and saves it and the public key where a verifier would keep them (outside the data folder).</summary>
    private static async Task<(string Checkpoint, string PublicKey)> SignAsync(AppFactory app, HttpClient admin)
    {
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/v1/audit/checkpoints", null)).StatusCode);
        var folder = Path.Combine(app.DataDir, "..", Path.GetFileName(app.DataDir) + "-verifier");
        Directory.CreateDirectory(folder);
        var checkpoint = Path.Combine(folder, $"checkpoint-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(checkpoint, await admin.GetStringAsync("/api/v1/audit/checkpoints/latest"), Encoding.UTF8);
        var publicKey = Path.Combine(folder, "audit.pub");
        await File.WriteAllTextAsync(publicKey, await app.Anonymous().GetStringAsync("/api/v1/audit/public-key"));
        return (checkpoint, publicKey);
    }

    private static Task<ZhengfengCommand.Run> RunCliAsync(AppFactory app, params string[] args)
        => RunAsync(["audit", "verify", .. args, "--db", app.ConnectionString, "--data", app.DataDir]);

    private static Task<ZhengfengCommand.Run> RunAsync(string[] args) => ZhengfengCommand.RunAsync(args);
}
