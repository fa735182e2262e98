using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;
using Zhengfeng.Features.Bulletins;

namespace Zhengfeng.Tests.Bulletins;

/// <summary>
/// A fact that needs LibreOffice and poppler. Skipped on a developer machine without them; under CI (CI set, as
/// test.sh does) it always runs, so a missing tool fails the build instead of passing silently.
/// </summary>
public sealed class RendersWithLibreOfficeFactAttribute : FactAttribute
{
    public RendersWithLibreOfficeFactAttribute()
    {
        var missing = new[] { "soffice", "pdfinfo", "pdftoppm" }.Where(tool => Tools.Find(tool) is null).ToList();
        if (missing.Count > 0 && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = $"{string.Join(", ", missing)} not installed; test.sh installs libreoffice-writer-nogui and poppler-utils";
        }
    }
}

internal static class Tools
{
    public static string? Find(string name)
        => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    public static async Task<string> RunAsync(string file, string arguments, string workDir, TimeSpan timeout)
    {
        using var process = Process.Start(new ProcessStartInfo(Find(file) ?? throw new InvalidOperationException($"{file} 未安装"), arguments)
        {
            WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        using var cts = new CancellationTokenSource(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(cts.Token);
        var stderr = process.StandardError.ReadToEndAsync(cts.Token);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {arguments} did not finish in {timeout}");
        }
        Assert.True(process.ExitCode == 0, $"{file} exited with {process.ExitCode}: {await stderr}");
        return await stdout;
    }
}

public sealed class BulletinRenderingTests(ITestOutputHelper output)
{
    [RendersWithLibreOfficeFact]
    public async Task The_docx_renders_as_an_A4_page_with_a_red_letterhead_and_black_text()
    {
        var dir = Directory.CreateTempSubdirectory("zf-render-").FullName;
        var bulletin = new Bulletin
        {
            Id = "render", Kind = BulletinKind.Criticism, OrganName = "中共X县纪委办公室", Prefix = "X纪办发", PrintedBy = "中共X县纪委办公室",
            Title = "关于近期作风问题典型案例的通报", Recipients = "各乡镇党委、政府，县直各单位", CopyTo = "县委办公室，县政府办公室",
            Body = "为严肃工作纪律，现将有关情况通报如下。\n一、查实的作风问题\n（一）城市管理局窗口纪律松弛问题\n暗访发现窗口人员上班时间玩手机。经核查，属实。\n二、有关要求\n各单位要以此为戒。",
            CreatedBy = "test", CreatedAt = DateTimeOffset.UnixEpoch,
        };
        bulletin.Issue(7, new DateOnly(2026, 11, 23), "test", DateTimeOffset.UnixEpoch);
        var docx = Path.Combine(dir, "bulletin.docx");
        await File.WriteAllBytesAsync(docx, BulletinDocx.Write(bulletin, new DateOnly(2026, 11, 23)));

        // A private profile per run: parallel or concurrent soffice instances must not share one.
        var profile = new Uri(Path.Combine(dir, "profile")).AbsoluteUri;
        await Tools.RunAsync("soffice", $"-env:UserInstallation={profile} --headless --norestore --convert-to pdf --outdir \"{dir}\" \"{docx}\"", dir, TimeSpan.FromMinutes(3));
        var pdf = Path.Combine(dir, "bulletin.pdf");
        Assert.True(File.Exists(pdf), "LibreOffice wrote no PDF");

        var info = await Tools.RunAsync("pdfinfo", $"\"{pdf}\"", dir, TimeSpan.FromMinutes(1));
        var size = Regex.Match(info, @"Page size:\s+([\d.]+) x ([\d.]+) pts");
        Assert.True(size.Success, info);
        Assert.Equal(595.3, double.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture), 0.5);  // 210 mm
        Assert.Equal(841.9, double.Parse(size.Groups[2].Value, CultureInfo.InvariantCulture), 0.5);  // 297 mm

        await Tools.RunAsync("pdftoppm", $"-png -r 60 -f 1 -l 1 -singlefile \"{pdf}\" page", dir, TimeSpan.FromMinutes(1));
        var png = new FileInfo(Path.Combine(dir, "page.png"));
        Assert.True(png.Exists && png.Length > 5_000, "the page image is missing or blank");
        output.WriteLine($"rendered page: {png.FullName}");

        await Tools.RunAsync("pdftoppm", $"-r 30 -f 1 -l 1 -singlefile \"{pdf}\" page", dir, TimeSpan.FromMinutes(1));
        var (width, height, pixels) = ReadPpm(await File.ReadAllBytesAsync(Path.Combine(dir, "page.ppm")));
        var red = 0;
        var dark = 0;
        var redTop = height;
        for (var i = 0; i < width * height; i++)
        {
            var (r, g, b) = (pixels[3 * i], pixels[3 * i + 1], pixels[3 * i + 2]);
            if (r > 180 && g < 110 && b < 110)
            {
                red++;
                redTop = Math.Min(redTop, i / width);
            }
            else if (r < 110 && g < 110 && b < 110)
            {
                dark++;
            }
        }
        Assert.True(red > 50, $"no red letterhead ({red} red pixels)");
        Assert.True(dark > 200, $"no black text ({dark} dark pixels)");
        Assert.True(redTop < height / 3, "the red letterhead is not at the top of the first page");
        Directory.Delete(dir, recursive: true); // kept only when an assertion fails, for a look at the page
    }

    /// <summary>Binary PPM (P6): "P6 width height 255" then RGB bytes.</summary>
    private static (int Width, int Height, byte[] Pixels) ReadPpm(byte[] data)
    {
        var fields = new List<string>();
        var pos = 0;
        while (fields.Count < 4)
        {
            while (char.IsWhiteSpace((char)data[pos]))
            {
                pos++;
            }
            var start = pos;
            while (!char.IsWhiteSpace((char)data[pos]))
            {
                pos++;
            }
            fields.Add(System.Text.Encoding.ASCII.GetString(data, start, pos - start));
        }
        Assert.Equal("P6", fields[0]);
        return (int.Parse(fields[1], CultureInfo.InvariantCulture), int.Parse(fields[2], CultureInfo.InvariantCulture), data[(pos + 1)..]);
    }
}
