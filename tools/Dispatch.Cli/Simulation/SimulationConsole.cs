using Dispatch.Simulation.Days;
using Spectre.Console;

namespace Dispatch.Cli.Simulation;

/// <summary>Runs a simulation or a sweep under a Spectre progress bar and prints the per-day table and the verdict.</summary>
internal static class SimulationConsole
{
    public static SimulationResult RunWithProgress(Func<IProgress<SimulationProgress>, SimulationResult> run, int days)
    {
        SimulationResult result = null!;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var overall = context.AddTask($"{days} days", maxValue: days);
                var stage = context.AddTask("day 1", maxValue: 1);
                var gate = new object();
                var clock = System.Diagnostics.Stopwatch.StartNew();
                string current = "";
                result = run(new SynchronousProgress(p =>
                {
                    lock (gate)
                    {
                        if (p.Stage != current)
                        {
                            StageSeconds[current] = StageSeconds.GetValueOrDefault(current) + clock.Elapsed.TotalSeconds;
                            clock.Restart();
                            current = p.Stage;
                        }

                        if (p.Stage == "day done")
                        {
                            overall.Value = p.Day;
                            return;
                        }

                        stage.Description = $"day {p.Day}: {p.Stage}";
                        stage.MaxValue = Math.Max(1, p.StageTotal);
                        stage.Value = p.StageDone;
                    }
                }));
                overall.Value = overall.MaxValue;
                stage.Value = stage.MaxValue;
            });
        return result;
    }

    /// <summary>Wall time per planner stage over the last run, for tuning (the stage of a report lasts until the next report).</summary>
    public static Dictionary<string, double> StageSeconds { get; } = new(StringComparer.Ordinal);

    public static IReadOnlyList<SweepPoint> RunSweepWithProgress(Func<IProgress<SweepPoint>, IReadOnlyList<SweepPoint>> run, int points)
    {
        IReadOnlyList<SweepPoint> result = [];
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask($"{points} runs", maxValue: points);
                var gate = new object();
                result = run(new SynchronousProgress<SweepPoint>(p =>
                {
                    lock (gate)
                    {
                        task.Increment(1);
                        AnsiConsole.MarkupLineInterpolated($"  {p.Setting}: {p.Result.Summary.Verdict()}");
                    }
                }));
                task.Value = task.MaxValue;
            });
        return result;
    }

    public static void WriteDays(SimulationResult result)
    {
        var table = new Table().Title("simulated days")
            .AddColumns("day", "ordering", "waiting", "served", "on time", "late: households, mean/p95 h", "unfilled M&V/veg/rice/med", "util stock/trucks/zones/vol", "trucks", "volunteers", "bottleneck");
        foreach (var d in result.Days)
        {
            table.AddRow(
                $"{d.Day}",
                $"{d.HouseholdsOrdering:N0}",
                $"{d.WaitingOrders:N0}",
                $"{d.Served:N0} ({d.ServedShare:P1})",
                $"{d.ServedOnTime:N0} ({d.OnTimeShare:P1})",
                $"{d.LateHouseholds:N0}: {SimulationTable.Hours(d.MeanLatenessSeconds)} / {SimulationTable.Hours(d.LatenessP95Seconds)}",
                $"{d.Unfilled.MeatAndVegetable}/{d.Unfilled.Vegetable}/{d.Unfilled.RiceAndFlour}/{d.Unfilled.Medicine}",
                $"{d.Utilisation.Stock:P0}/{d.Utilisation.Trucks:P0}/{d.Utilisation.DisinfectionZones:P0}/{d.Utilisation.Volunteers:P0}",
                $"{d.TrucksOnDuty}",
                $"{d.VolunteersOnDuty}",
                Markup.Escape((d.Bottleneck?.ToString() ?? "none") + (d.Probed ? " (probed)" : "")));
        }

        AnsiConsole.Write(table);
        foreach (var day in result.Days.Where(d => d.Events.Count > 0))
        {
            AnsiConsole.MarkupLineInterpolated($"day {day.Day}: {string.Join("; ", day.Events)}");
        }

        AnsiConsole.MarkupLineInterpolated($"[bold]{result.Summary.Verdict()}[/]");
        AnsiConsole.WriteLine(SimulationReport.Explanation(result));
        AnsiConsole.MarkupLineInterpolated($"time per stage: {string.Join(", ", StageSeconds.Where(s => s.Key is not ("" or "day done")).Select(s => $"{s.Key} {s.Value:F1} s"))}");
    }

    private sealed class SynchronousProgress(Action<SimulationProgress> report) : IProgress<SimulationProgress>
    {
        public void Report(SimulationProgress value) => report(value);
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
