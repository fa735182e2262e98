using System.Diagnostics;

namespace Zhengfeng.Tests;

/// <summary>Runs the real <c>zhengfeng</c> command (the built app beside the tests) and collects its exit code and output.</summary>
public static class ZhengfengCommand
{
    public sealed record Run(int Code, string Output, string Error);

    public static async Task<Run> RunAsync(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "zhengfeng.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Run(process.ExitCode, await output, await error);
    }
}
