using Dispatch.Simulation.Days;
using ScottPlot;

namespace Dispatch.Cli.Simulation;

/// <summary>The report's PNG charts (ScottPlot): served against ordering, lateness, utilisation, and a sweep's curve.</summary>
internal static class SimulationCharts
{
    private const int WidthPixels = 1100;
    private const int HeightPixels = 480;

    public const string ServedFile = "served.png";
    public const string LatenessFile = "lateness.png";
    public const string UtilisationFile = "utilisation.png";
    public const string SweepFile = "sweep.png";

    public static void WriteDays(IReadOnlyList<SimulatedDay> days, string folder)
    {
        double[] x = days.Select(d => (double)d.Day).ToArray();

        var served = NewPlot("Households per day", "day", "households");
        Line(served, x, days.Select(d => (double)d.HouseholdsOrdering), "ordering (new + waiting)");
        Line(served, x, days.Select(d => (double)d.Served), "served");
        Line(served, x, days.Select(d => (double)d.ServedOnTime), "served on time");
        Line(served, x, days.Select(d => (double)d.WaitingOrders), "waiting from earlier days");
        served.Axes.SetLimitsY(0, Math.Max(1, days.Max(d => d.HouseholdsOrdering)) * 1.1);
        Save(served, folder, ServedFile);

        var lateness = NewPlot("Lateness past the deadline (served households)", "day", "minutes");
        Line(lateness, x, days.Select(d => d.MeanLatenessSeconds / 60.0), "mean");
        Line(lateness, x, days.Select(d => d.LatenessP95Seconds / 60.0), "95th percentile");
        lateness.Axes.SetLimitsY(0, Math.Max(10, days.Max(d => d.LatenessP95Seconds / 60.0) * 1.1));
        Save(lateness, folder, LatenessFile);

        var utilisation = NewPlot("Utilisation per resource", "day", "% used");
        Line(utilisation, x, days.Select(d => d.Utilisation.Stock * 100), "stock");
        Line(utilisation, x, days.Select(d => d.Utilisation.Trucks * 100), "trucks");
        Line(utilisation, x, days.Select(d => d.Utilisation.DisinfectionZones * 100), "disinfection zones");
        Line(utilisation, x, days.Select(d => d.Utilisation.Volunteers * 100), "volunteers");
        Line(utilisation, x, days.Select(d => d.Utilisation.PickupZones * 100), "pickup zones");
        utilisation.Axes.SetLimitsY(0, 110);
        Save(utilisation, folder, UtilisationFile);
    }

    public static void WriteSweep(string key, IReadOnlyList<SweepPoint> points, string folder)
    {
        double[] x = points.Select(p => p.Value).ToArray();
        var plot = NewPlot($"Served share against {key}", key, "% of household-days");
        Line(plot, x, points.Select(p => p.Result.Summary.ServedShare * 100), "served");
        Line(plot, x, points.Select(p => p.Result.Summary.OnTimeShare * 100), "served on time");
        plot.Axes.SetLimitsY(0, 105);
        Save(plot, folder, SweepFile);
    }

    private static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    private static void Line(Plot plot, double[] x, IEnumerable<double> y, string label)
    {
        var scatter = plot.Add.Scatter(x, y.ToArray());
        scatter.LegendText = label;
        scatter.LineWidth = 2;
        scatter.MarkerSize = 6;
    }

    private static void Save(Plot plot, string folder, string file)
    {
        if (file != SweepFile)
        {
            // Days are whole: one tick a day.
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);
        }

        plot.ShowLegend(Edge.Right);
        plot.SavePng(Path.Combine(folder, file), WidthPixels, HeightPixels);
    }
}
