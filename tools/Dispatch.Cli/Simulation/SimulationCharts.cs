using Dispatch.Simulation.Days;
using ScottPlot;

namespace Dispatch.Cli.Simulation;

/// <summary>
/// The report's PNG charts (ScottPlot): households served, lateness, utilisation, households late by community, and a
/// sweep's curve. Every series has its own colour, line pattern and marker, so lines that coincide stay visible; axes
/// are fitted to the data (a 10 % gap is not flattened by an axis from 0); counts of a different size go on the
/// right axis, and communities whose late counts differ tenfold share a log axis (<see cref="CountAxis"/>).
/// </summary>
internal static class SimulationCharts
{
    private const int WidthPixels = 1100;
    private const int HeightPixels = 480;
    private const int CommunitiesShown = 6;

    public const string ServedFile = "served.png";
    public const string LatenessFile = "lateness.png";
    public const string UtilisationFile = "utilisation.png";
    public const string CommunitiesFile = "communities.png";
    public const string SweepFile = "sweep.png";

    private static readonly Color[] s_palette =
    [
        Color.FromHex("#1f77b4"), Color.FromHex("#d62728"), Color.FromHex("#2ca02c"), Color.FromHex("#ff7f0e"),
        Color.FromHex("#9467bd"), Color.FromHex("#8c564b"), Color.FromHex("#e377c2"), Color.FromHex("#7f7f7f"),
    ];

    private static readonly LinePattern[] s_patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];

    private static readonly MarkerShape[] s_markers =
        [MarkerShape.FilledCircle, MarkerShape.OpenSquare, MarkerShape.FilledTriangleUp, MarkerShape.OpenDiamond, MarkerShape.FilledSquare, MarkerShape.OpenCircle, MarkerShape.OpenTriangleDown, MarkerShape.Cross];

    public static void WriteDays(IReadOnlyList<SimulatedDay> days, string folder)
    {
        double[] x = days.Select(d => (double)d.Day).ToArray();
        WriteServed(days, x, folder);
        WriteLateness(days, x, folder);
        WriteUtilisation(days, x, folder);
        WriteCommunities(days, x, folder);
    }

    private static void WriteServed(IReadOnlyList<SimulatedDay> days, double[] x, string folder)
    {
        var plot = NewPlot("Households per day", "day", "households ordering / served");
        var ordering = days.Select(d => (double)d.HouseholdsOrdering).ToArray();
        var served = days.Select(d => (double)d.Served).ToArray();
        var onTime = days.Select(d => (double)d.ServedOnTime).ToArray();
        Series(plot, x, ordering, "ordering (new + waiting)", 7, 0, 0, 2);

        // Wide and pale under the narrow on-time line: where every served household was on time both still show.
        var servedLine = Series(plot, x, served, "served", 0, 0, 5, 7);
        servedLine.LineColor = servedLine.LineColor.WithAlpha(0.45);
        Series(plot, x, onTime, "served on time", 1, 1, 1, 2);
        FitY(plot, plot.Axes.Left, [.. ordering, .. served, .. onTime]);

        var waiting = days.Select(d => (double)d.CarriedToNextDay).ToArray();
        var right = Series(plot, x, waiting, "not served, waits for tomorrow (right axis)", 3, 2, 2, 2);
        right.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = "households waiting";
        plot.Axes.SetLimitsY(0, Math.Max(10, waiting.Max() * 1.15), plot.Axes.Right);
        Save(plot, folder, ServedFile, days: true);
    }

    private static void WriteLateness(IReadOnlyList<SimulatedDay> days, double[] x, string folder)
    {
        var plot = NewPlot("Late households (served after the deadline of the day they ordered, or not served) and how late", "day", "hours late");
        var mean = days.Select(d => d.MeanLatenessSeconds / 3600).ToArray();
        var p95 = days.Select(d => d.LatenessP95Seconds / 3600.0).ToArray();
        var max = days.Select(d => d.MaxLatenessSeconds / 3600.0).ToArray();
        // The longest wait wide and pale underneath: when the 95th percentile reaches it, both still show.
        var longest = Series(plot, x, max, "longest wait", 7, 0, 3, 7);
        longest.LineColor = longest.LineColor.WithAlpha(0.4);
        Series(plot, x, mean, "mean of the late", 1, 0, 0, 2);
        Series(plot, x, p95, "95th percentile of the late", 4, 1, 1, 2);
        plot.Axes.SetLimitsY(0, Math.Max(1, max.Max() * 1.1));

        var late = days.Select(d => (double)d.LateHouseholds).ToArray();
        var right = Series(plot, x, late, "late households (right axis)", 3, 3, 2, 2);
        right.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = "late households";
        plot.Axes.SetLimitsY(0, Math.Max(10, late.Max() * 1.15), plot.Axes.Right);
        Save(plot, folder, LatenessFile, days: true);
    }

    private static void WriteUtilisation(IReadOnlyList<SimulatedDay> days, double[] x, string folder)
    {
        var plot = NewPlot("Utilisation: district averages, and at the gate where most households wait", "day", "% used");
        Series(plot, x, days.Select(d => d.Utilisation.Stock * 100).ToArray(), "stock", 2, 0, 0, 2);
        Series(plot, x, days.Select(d => d.Utilisation.Trucks * 100).ToArray(), "trucks", 5, 0, 1, 2);
        Series(plot, x, days.Select(d => d.Utilisation.DisinfectionZones * 100).ToArray(), "disinfection zones", 4, 0, 2, 2);
        Series(plot, x, days.Select(d => d.Utilisation.Volunteers * 100).ToArray(), "volunteers", 1, 0, 3, 2);
        Series(plot, x, days.Select(d => d.Utilisation.PickupZones * 100).ToArray(), "pickup zones", 6, 0, 4, 2);
        Series(plot, x, days.Select(d => (SimulationReport.MostWaitingGate(d)?.VolunteerUse ?? 0) * 100).ToArray(), "volunteers at the gate where most wait", 1, 1, 5, 3);
        Series(plot, x, days.Select(d => (SimulationReport.MostWaitingGate(d)?.ZoneUse ?? 0) * 100).ToArray(), "zone at the gate where most wait", 4, 2, 6, 3);
        plot.Axes.SetLimitsY(0, 105);
        Save(plot, folder, UtilisationFile, days: true);
    }

    private static void WriteCommunities(IReadOnlyList<SimulatedDay> days, double[] x, string folder)
    {
        var worst = days.SelectMany(d => d.Communities).GroupBy(c => c.CommunityId, StringComparer.Ordinal)
            .Select(g => (Id: g.Key, Late: g.Sum(c => c.Late)))
            .Where(c => c.Late > 0)
            .OrderByDescending(c => c.Late).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Take(CommunitiesShown)
            .Select(c => c.Id)
            .ToList();
        var series = worst
            .Select(id => days.Select(d => (double)(d.Communities.FirstOrDefault(c => c.CommunityId == id)?.Late ?? 0)).ToArray())
            .ToList();
        var rest = days.Select(d => (double)d.Communities.Where(c => !worst.Contains(c.CommunityId)).Sum(c => c.Late)).ToArray();
        series.Add(rest);

        // One community far ahead of the rest would press the others flat along the bottom of a linear axis.
        var axis = CountAxis.For(series);
        var plot = NewPlot("Late households per community (the communities with the most; the rest together)", "day", axis.Label("late households"));
        for (int i = 0; i < worst.Count; i++)
        {
            Series(plot, x, axis.Plotted(series[i]), worst[i], i, i % s_patterns.Length, i, 2);
        }

        Series(plot, x, axis.Plotted(rest), worst.Count == 0 ? "all communities" : "other communities", 7, 3, 7, 2);
        double top = Math.Max(1, series.Max(s => s.Max()));
        if (axis.IsLog)
        {
            var (positions, labels) = axis.LogTicks(top);
            plot.Axes.Left.SetTicks(positions, labels);
            plot.Axes.SetLimitsY(0, Math.Log10(1 + top) * 1.08);
        }
        else
        {
            plot.Axes.SetLimitsY(0, (top * 1.1) + 1);
        }

        Save(plot, folder, CommunitiesFile, days: true);
    }

    public static void WriteSweep(string key, IReadOnlyList<SweepPoint> points, string folder)
    {
        double[] x = points.Select(p => p.Value).ToArray();
        var plot = NewPlot($"Served share against {key}", key, "% of household-days");
        var served = points.Select(p => p.Result.Summary.ServedShare * 100).ToArray();
        var onTime = points.Select(p => p.Result.Summary.OnTimeShare * 100).ToArray();
        var line = Series(plot, x, served, "served", 0, 0, 5, 7);
        line.LineColor = line.LineColor.WithAlpha(0.45);
        Series(plot, x, onTime, "served on time", 1, 1, 1, 2);
        FitY(plot, plot.Axes.Left, [.. served, .. onTime], ceiling: 100);
        Save(plot, folder, SweepFile, days: false);
    }

    private static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    private static ScottPlot.Plottables.Scatter Series(Plot plot, double[] x, double[] y, string label, int colour, int pattern, int marker, float width)
    {
        var scatter = plot.Add.Scatter(x, y);
        scatter.LegendText = label;
        scatter.Color = s_palette[colour % s_palette.Length];
        scatter.LinePattern = s_patterns[pattern % s_patterns.Length];
        scatter.MarkerShape = s_markers[marker % s_markers.Length];
        scatter.LineWidth = width;
        scatter.MarkerSize = 7;
        return scatter;
    }

    /// <summary>A y range around the data with a margin, so differences of a few percent show; never below 0 or above the ceiling.</summary>
    private static void FitY(Plot plot, IYAxis axis, double[] values, double? ceiling = null)
    {
        double low = values.Min();
        double high = values.Max();
        double margin = Math.Max((high - low) * 0.15, Math.Max(1, high * 0.01));
        double top = high + margin;
        plot.Axes.SetLimitsY(Math.Max(0, low - margin), ceiling is { } c ? Math.Min(c + (margin / 3), top) : top, axis);
    }

    private static void Save(Plot plot, string folder, string file, bool days)
    {
        if (days)
        {
            // Days are whole: one tick a day.
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);
        }

        plot.ShowLegend(Edge.Bottom);
        plot.SavePng(Path.Combine(folder, file), WidthPixels, HeightPixels);
    }
}
