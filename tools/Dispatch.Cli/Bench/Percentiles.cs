namespace Dispatch.Cli.Bench;

/// <summary>Nearest-rank percentiles of latencies already sorted ascending.</summary>
public static class Percentiles
{
    /// <param name="share">0..1 (0.5 is the median).</param>
    /// <returns>NaN when there are none.</returns>
    public static double Of(IReadOnlyList<double> sorted, double share) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)];
}
