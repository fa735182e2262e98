using System.Diagnostics;
using System.Net;

namespace Zhengfeng.Bench;

/// <summary>Runs N requests with C in flight and keeps each request's latency.</summary>
public static class Load
{
    public static async Task<Stats> RunAsync(string name, int count, int concurrency, Func<int, Task<HttpResponseMessage>> send, HttpStatusCode expected, Action<int, string>? onBody = null)
    {
        var latencies = new double[count];
        var next = -1;
        var errors = 0;
        string? firstError = null;
        var wall = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await send(i);
                var body = await response.Content.ReadAsStringAsync();
                latencies[i] = Stats.Ms(start);
                if (response.StatusCode != expected)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, $"{(int)response.StatusCode}: {body}", null);
                    continue;
                }
                onBody?.Invoke(i, body);
            }
        }).ToList();
        await Task.WhenAll(workers);
        wall.Stop();
        if (firstError is not null)
        {
            Console.WriteLine($"  {name}: first error {firstError[..Math.Min(300, firstError.Length)]}");
        }
        return new Stats(name, latencies, wall.Elapsed, errors);
    }

    /// <summary>One request after another, for read queries.</summary>
    public static async Task<Stats> TimeAsync(string name, int times, Func<Task> query)
    {
        var latencies = new List<double>(times);
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < times; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await query();
            latencies.Add(Stats.Ms(start));
        }
        return new Stats(name, latencies, wall.Elapsed, 0);
    }
}
