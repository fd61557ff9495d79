namespace Dispatch.Cli.Simulation;

/// <summary>
/// The y axis of a chart of counts whose series differ in size by an order of magnitude (one community with thousands
/// of late households, the others with tens): on a linear axis the small ones lie on top of each other along the
/// bottom, so such charts plot log10(1 + count), with ticks labelled by the counts themselves (0, 1, 10, 100, ...).
/// </summary>
internal sealed class CountAxis
{
    // The largest series must reach this many times the next largest before the axis turns logarithmic.
    private const double LogWhenLargestIsTimes = 10;

    private CountAxis(bool isLog) => IsLog = isLog;

    public bool IsLog { get; }

    public static CountAxis For(IReadOnlyList<double[]> series)
    {
        var peaks = series.Select(s => s.Length == 0 ? 0 : s.Max()).OrderByDescending(p => p).ToList();
        return new CountAxis(peaks.Count > 1 && peaks[1] > 0 && peaks[0] >= LogWhenLargestIsTimes * peaks[1]);
    }

    /// <summary>Where the counts are drawn: themselves, or log10(1 + count).</summary>
    public double[] Plotted(double[] counts) => IsLog ? counts.Select(c => Math.Log10(1 + c)).ToArray() : counts;

    /// <summary>The axis label, saying when the scale is logarithmic.</summary>
    public string Label(string what) => IsLog ? $"{what} (log scale)" : what;

    /// <summary>Tick positions and labels for a log axis up to <paramref name="largestCount"/>: 0 and 1, 2, 5 per decade.</summary>
    public (double[] Positions, string[] Labels) LogTicks(double largestCount)
    {
        var counts = new List<double> { 0 };
        for (double decade = 1; decade <= Math.Max(1, largestCount) * 10; decade *= 10)
        {
            counts.AddRange(new[] { decade, 2 * decade, 5 * decade }.Where(c => c <= Math.Max(1, largestCount) * 1.5));
        }

        return (counts.Select(c => Math.Log10(1 + c)).ToArray(), counts.Select(c => c.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)).ToArray());
    }
}
