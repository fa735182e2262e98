using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Zhengfeng.Data;
using Zhengfeng.Features.Accounts;
using Zhengfeng.Features.Audit;
using Zhengfeng.Features.Calendar;
using Zhengfeng.Features.Demo;
using Zhengfeng.Features.Figures;
using Zhengfeng.Features.Scores;
using Zhengfeng.Web;

namespace Zhengfeng;

/// <summary>What runs once before the server accepts requests: migrations, the calendar, keys, the score rules, the first admin, demo data.</summary>
public static class Startup
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static async Task PrepareAsync(IServiceProvider services, IConfiguration config, Cli command, CancellationToken ct)
    {
        await Database.MigrateAsync(services, ct);
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDb>();
        if (db.IsPostgres)
        {
            await AuditSequencer.For(db).FlushAsync(ct); // numbers what an instance that died left staged
        }
        else
        {
            Console.WriteLine($"数据库：SQLite，synchronous={Database.Synchronous(config)}");
        }
        if (await FigureRecount.EnsureBuiltAsync(db, ct) is { } built)
        {
            Console.WriteLine($"已按现有记录生成统计数：{built.Months} 个月、{built.Figures} 项（用时 {built.Seconds:0.#} 秒）");
        }
        await sp.GetRequiredService<CalendarImport>().LoadShippedAsync(ct);
        await services.GetRequiredService<TokenKeys>().LoadAsync(db, config, ct);
        await KeyRing.MoveOutOfDatabaseAsync(db, config, ct);
        _ = services.GetRequiredService<AuditCheckpoints>(); // the checkpoint signing key file is made on the first start
        await ScoreRuleTable.SeedAsync(db, ct);
        var generated = await sp.GetRequiredService<AccountService>().EnsureBootstrapAdminAsync(config["ADMIN_PASSWORD"], ct);
        if (generated is not null)
        {
            Console.WriteLine($"已创建管理员账号 admin，初始密码：{generated}（仅显示这一次，请登录后修改）");
        }
        DemoAccounts? demo = null;
        if (command.Verb == "demo")
        {
            demo = await sp.GetRequiredService<DemoCounty>().LoadAsync(ct);
            await sp.GetRequiredService<DemoWork>().LoadAsync(ct);
            if (await sp.GetRequiredService<DemoHistory>().LoadAsync(ct) is { } history)
            {
                var r = history.Records;
                Console.WriteLine($"已载入演示县近一年的工单 {history.Cases} 件、问题线索 {history.Clues} 条、问责案件 {r.Accountability} 件、容错免责申请 {r.Exemptions} 件、"
                    + $"通报 {r.Bulletins} 份、评议票 {r.Ballots} 张、年度考核 {r.Assessments} 人（用时 {history.Took.TotalSeconds:0.0} 秒）");
            }
        }
        var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStarted.Register(() => PrintBanner(services, demo));
    }

    private static void PrintBanner(IServiceProvider services, DemoAccounts? demo)
    {
        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            Console.WriteLine($"正风 Zhengfeng 已启动：{address}");
        }
        if (demo is not null)
        {
            Console.WriteLine(demo.Describe());
        }
    }
}
