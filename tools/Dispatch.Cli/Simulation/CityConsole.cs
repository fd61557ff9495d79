using Dispatch.Domain.Cities;
using Dispatch.Domain.Geography;
using Dispatch.Simulation.Cities;
using Spectre.Console;

namespace Dispatch.Cli.Simulation;

/// <summary>Runs a city simulation under one progress bar per district run, then prints a row per district and the city's total.</summary>
internal static class CityConsole
{
    public static CityResult RunWithProgress(Func<IProgress<CityProgress>, CityResult> run, LoadedCity city, IReadOnlyList<DistrictMove> moves)
    {
        CityResult result = null!;
        var touched = DistrictMoves.Touched(moves);
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var tasks = new Dictionary<(DistrictId, bool), ProgressTask>();
                foreach (var d in city.Districts)
                {
                    tasks[(d.District.Id, false)] = context.AddTask($"{d.District.Id}: waiting", maxValue: 1);
                }

                foreach (var d in city.Districts.Where(d => touched.Contains(d.District.Id)))
                {
                    tasks[(d.District.Id, true)] = context.AddTask($"{d.District.Id} after moves: waiting", maxValue: 1);
                }

                var gate = new object();
                result = run(new SynchronousProgress(p =>
                {
                    lock (gate)
                    {
                        var task = tasks[(p.District, p.AfterMoves)];
                        string name = p.AfterMoves ? $"{p.District} after moves" : p.District.ToString();
                        task.MaxValue = p.Days;
                        task.Value = p.Finished ? p.Days : p.Day - 1;
                        task.Description = Markup.Escape(p.Finished ? $"{name}: done" : $"{name}: day {p.Day} of {p.Days}, {p.Stage}");
                    }
                }));
            });
        return result;
    }

    public static void WriteDistricts(CityResult result)
    {
        bool moved = result.After is not null;
        var table = new Table().Title("districts")
            .AddColumns("district", "run", "trucks", "volunteers", "stock M&V/veg/rice/med", "ordering", "served", "on time", "shortfall", "bottleneck");
        for (int i = 0; i < result.Before.Count; i++)
        {
            AddRow(table, result.Before[i], moved ? "before" : "");
            if (result.After is { } after && !ReferenceEquals(after[i], result.Before[i]))
            {
                AddRow(table, after[i], "after moves");
            }
        }

        AddTotal(table, result.BeforeTotals, moved ? "before" : "");
        if (result.AfterTotals is { } afterTotals)
        {
            AddTotal(table, afterTotals, "after moves");
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"[bold]{result.BeforeTotals.Verdict()}[/]");
        if (result.AfterTotals is { } totals)
        {
            AnsiConsole.MarkupLineInterpolated($"[bold]after the moves: {totals.Verdict()}[/]");
        }
    }

    private static void AddRow(Table table, DistrictRun r, string run)
    {
        var s = r.Result.Summary;
        var stock = r.Resources.DailyStock;
        table.AddRow(
            Markup.Escape(r.District.Value),
            run,
            $"{r.Resources.Trucks}",
            $"{r.Resources.Volunteers}",
            $"{stock.MeatAndVegetable}/{stock.Vegetable}/{stock.RiceAndFlour}/{stock.Medicine}",
            $"{s.HouseholdsOrdering:N0}",
            $"{s.Served:N0} ({s.ServedShare:P1})",
            $"{s.ServedOnTime:N0} ({s.OnTimeShare:P1})",
            $"{r.Shortfall:N0}",
            r.Bottleneck?.ToString() ?? "none");
    }

    private static void AddTotal(Table table, CityTotals t, string run) =>
        table.AddRow("[bold]city[/]", run, "", "", "", $"{t.HouseholdsOrdering:N0}", $"{t.Served:N0} ({t.ServedShare:P1})", $"{t.ServedOnTime:N0} ({t.OnTimeShare:P1})", $"{t.Shortfall:N0}", t.Bottleneck?.ToString() ?? "none");

    private sealed class SynchronousProgress(Action<CityProgress> report) : IProgress<CityProgress>
    {
        public void Report(CityProgress value) => report(value);
    }
}
