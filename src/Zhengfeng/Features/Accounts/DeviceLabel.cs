namespace Zhengfeng.Features.Accounts;

/// <summary>A session's browser and system in the words a user knows (“谷歌浏览器 · Windows”), read from its User-Agent.</summary>
public static class DeviceLabel
{
    private static readonly (string Token, string Label)[] Browsers =
    [
        ("MicroMessenger", "微信"), ("Edg/", "Edge 浏览器"), ("Firefox/", "火狐浏览器"), ("Chrome/", "谷歌浏览器"), ("Chromium/", "谷歌浏览器"),
        ("Safari/", "Safari 浏览器"),
    ];

    private static readonly (string Token, string Label)[] Systems =
    [
        ("Android", "安卓"), ("iPhone", "iOS"), ("iPad", "iPadOS"), ("Windows", "Windows"), ("Mac OS", "macOS"), ("Linux", "Linux"),
    ];

    public static string Of(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "未知";
        }
        var browser = Browsers.FirstOrDefault(b => userAgent.Contains(b.Token, StringComparison.Ordinal)).Label;
        var system = Systems.FirstOrDefault(s => userAgent.Contains(s.Token, StringComparison.Ordinal)).Label;
        if (browser is null)
        {
            return "接口客户端或其他程序";
        }
        return system is null ? browser : $"{browser} · {system}";
    }
}
