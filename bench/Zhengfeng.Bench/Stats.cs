using System.Diagnostics;

namespace Zhengfeng.Bench;

/// <summary>Latencies of one phase and its wall time; prints rate and percentiles.</summary>
public sealed class Stats(string name, IReadOnlyList<double> latenciesMs, TimeSpan wall, int errors)
{
    public string Name => name;
    public int Count => latenciesMs.Count;
    public int Errors => errors;
    public double Rate => Count / wall.TotalSeconds;
    public double P50 => Percentile(0.50);
    public double P95 => Percentile(0.95);
    public double P99 => Percentile(0.99);
    public double Max => latenciesMs.Count == 0 ? 0 : latenciesMs.Max();

    private double[]? _sorted;

    public double Percentile(double p)
    {
        _sorted ??= latenciesMs.Order().ToArray();
        if (_sorted.Length == 0)
        {
            return 0;
        }
        var rank = (int)Math.Ceiling(p * _sorted.Length) - 1;
        return _sorted[Math.Clamp(rank, 0, _sorted.Length - 1)];
    }

    public string Line()
        => $"{name,-34} n={Count,7}  {Rate,8:F0}/s  p50 {P50,7:F1} ms  p95 {P95,7:F1} ms  p99 {P99,7:F1} ms  max {Max,7:F1} ms  errors {errors}  ({wall.TotalSeconds:F1} s)";

    public string QueryLine()
        => $"{name,-52} p50 {P50,7:F1} ms  p95 {P95,7:F1} ms  max {Max,7:F1} ms";

    public static double Ms(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
}
