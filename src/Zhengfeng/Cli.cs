namespace Zhengfeng;

/// <summary>The command line: a verb first, then the ASP.NET Core options (--urls, --db, --data).</summary>
public sealed record Cli(string Verb, string[] Rest)
{
    public const string Usage = """
        正风 Zhengfeng — 作风效能监督平台

        用法:
          zhengfeng serve  [--urls http://127.0.0.1:5080] [--db 连接串] [--data 目录]   启动服务
          zhengfeng demo   [同上]                                                        载入演示县数据并启动服务
          zhengfeng audit verify [--checkpoint 文件 [--public-key 文件]] [--db 连接串] [--data 目录]
                                                                                         离线只读校验审计日志：哈希链，以及（给出检查点时）
                                                                                         检查点签名和当前日志是否包含并延续该检查点
                                                                                         退出码 0 完整，2 被篡改，1 无法校验（数据库或检查点不可用）
          zhengfeng backup --out 文件 [--data 目录]                                      在线备份 SQLite 数据库（服务可在运行），校验后附签名检查点（文件.checkpoint）
          zhengfeng restore --from 文件 [--force] [--checkpoint 文件] [--data 目录]       先校验备份（哈希链、它的检查点、数据目录中它应包含的最新检查点），
                                                                                         通过后才替换数据库（请先停止服务；原库另存为 .before-restore 文件）
                                                                                         PostgreSQL 用 pg_dump / pg_restore，恢复后运行 audit verify --checkpoint
          zhengfeng model evaluate [--data 目录] [--scale 件数] [--folds 折数] [--tune]       评测派单推荐模型：问政留言一级分类的交叉验证准确率、macro-F1
                                                                                         （与朴素贝叶斯基线对比），NYC 311 承办机构，及规模化训练耗时和推荐延迟
                                                                                         数据目录默认 ../shared/data，件数默认 100000（0 不测规模），--tune 另列调参网格

        --db 或环境变量 ZHENGFENG_DB：postgres://… 或 Host=… 使用 PostgreSQL，否则使用 --data 目录下的 SQLite 文件。
        环境变量 ZHENGFENG_ADMIN_PASSWORD：首次启动时 admin 账号的密码（未设置时自动生成并打印一次）。
        密钥在数据目录的 keys/ 下（或 Security:KeysFolder），不在数据库中，也不在备份中。
        审计检查点保存在数据目录的 checkpoints/ 下，签名私钥在 keys/audit-signing.key（或环境变量 ZHENGFENG_AUDIT_KEY，base64）；
        Audit:Signature=sm2 改用 SM2/SM3 国密签名。
        """;

    public static Cli Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return new Cli("serve", args);
        }
        return args[0] switch
        {
            "serve" or "demo" or "backup" or "restore" => new Cli(args[0], args[1..]),
            "audit" when args.Length > 1 && args[1] == "verify" => new Cli("audit", args[2..]),
            "model" when args.Length > 1 && args[1] == "evaluate" => new Cli("model", args[2..]),
            _ => new Cli("help", []),
        };
    }
}
