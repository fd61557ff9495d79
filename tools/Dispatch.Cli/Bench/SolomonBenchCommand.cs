using System.CommandLine;
using System.Globalization;
using Dispatch.Planning.Routing;
using Spectre.Console;

namespace Dispatch.Cli.Bench;

/// <summary><c>dispatch bench solomon</c>: the routing model on the 56 Solomon VRPTW instances against best-known distances.</summary>
internal static class SolomonBenchCommand
{
    public static Command Create()
    {
        var timeLimit = new Option<double>("--time-limit") { Description = "Seconds per instance", DefaultValueFactory = _ => 10 };
        var instances = new Option<string?>("--instances") { Description = "Comma-separated names (default: all in the bench folder), e.g. c101,r101" };
        var outDir = new Option<string?>("--out") { Description = "Write <instance>.sol files (CVRPLIB form) here" };
        var csv = new Option<string?>("--csv") { Description = "Write the results table as CSV to this file" };
        var benchDir = new Option<string?>("--bench-dir") { Description = "Folder with <name>.txt and bks.csv (default: shared/bench/solomon found upwards)" };
        var workers = new Option<int>("--workers") { Description = "Parallel searches per instance with different first solutions and seeds (2: both cores of this machine)", DefaultValueFactory = _ => 2 };
        var first = new Option<FirstSolution>("--first-solution") { Description = "First-solution heuristic", DefaultValueFactory = _ => FirstSolution.ParallelCheapestInsertion };
        var improvement = new Option<Improvement>("--improvement") { Description = "Improvement metaheuristic", DefaultValueFactory = _ => Improvement.RuinAndRecreate };
        var lambda = new Option<double>("--lambda") { Description = "Guided local search lambda coefficient", DefaultValueFactory = _ => 0.1 };

        var ruinStops = new Option<int>("--ruin-stops") { Description = "Ruin and recreate: stops removed per ruin, on average", DefaultValueFactory = _ => 10 };
        var startTemperature = new Option<double>("--start-temperature") { Description = "Ruin and recreate: annealing start temperature, in tenths of distance (300: 30 distance units, tuned on Solomon subsets)", DefaultValueFactory = _ => 300 };
        var endTemperature = new Option<double>("--end-temperature") { Description = "Ruin and recreate: annealing end temperature, in tenths of distance", DefaultValueFactory = _ => 3 };
        var iterations = new Option<long>("--iterations") { Description = "Ruin and recreate: iterations of the string-removal search per worker (the time limit only caps them)", DefaultValueFactory = _ => RuinAndRecreateSettings.DefaultIterations };
        var seed = new Option<int>("--seed") { Description = "Ruin and recreate: seed of the search; the same seed and iterations give the same routes", DefaultValueFactory = _ => 1 };

        var portfolio = new Option<bool>("--portfolio") { Description = "Run the tight-and-wide-windows portfolio (2 parallel searches) instead of --workers/--first-solution/--improvement/--lambda" };
        var droppable = new Option<bool>("--droppable") { Description = "Let the solver drop customers at a large penalty instead of requiring them" };

        var command = new Command("solomon", "Solve the Solomon VRPTW instances and compare with best-known distances")
        {
            timeLimit, instances, outDir, csv, benchDir, workers, first, improvement, lambda, ruinStops, startTemperature, endTemperature, iterations, seed, droppable, portfolio,
        };
        command.SetAction((parse, cancellation) =>
        {
            var options = new RoutingOptions(
                TimeSpan.FromSeconds(parse.GetValue(timeLimit)),
                parse.GetValue(first),
                parse.GetValue(improvement),
                GuidedLocalSearchLambda: parse.GetValue(lambda),
                Workers: parse.GetValue(workers),
                RuinAndRecreate: new RuinAndRecreateSettings(
                    parse.GetValue(ruinStops),
                    StartTemperature: parse.GetValue(startTemperature),
                    EndTemperature: parse.GetValue(endTemperature),
                    Seed: parse.GetValue(seed),
                    Iterations: parse.GetValue(iterations)),
                Portfolio: parse.GetValue(portfolio) ? RoutingOptions.TightAndWideWindows : null);
            return Task.FromResult(Run(parse.GetValue(benchDir), parse.GetValue(instances), options, parse.GetValue(droppable), parse.GetValue(outDir), parse.GetValue(csv), cancellation));
        });
        return command;
    }

    private static int Run(string? benchDir, string? names, RoutingOptions options, bool droppable, string? outDir, string? csvPath, CancellationToken cancellation)
    {
        string? dir = benchDir ?? BenchDirectory.Find("solomon");
        if (dir is null || !Directory.Exists(dir))
        {
            AnsiConsole.MarkupLine("[red]No Solomon folder: pass --bench-dir.[/]");
            return 2;
        }

        var bks = File.Exists(Path.Combine(dir, "bks.csv"))
            ? SolomonBks.Read(Path.Combine(dir, "bks.csv"))
            : new Dictionary<string, SolomonBks>();
        var files = names is null
            ? Directory.GetFiles(dir, "*.txt").OrderBy(f => f, StringComparer.Ordinal).ToList()
            : names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(n => Path.Combine(dir, n.ToLowerInvariant() + ".txt"))
                .ToList();
        var missing = files.Where(f => !File.Exists(f)).ToList();
        if (missing.Count > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Missing: {string.Join(", ", missing)}[/]");
            return 2;
        }

        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            // Logs and pipes get the whole table rather than an 80-column squeeze.
            AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 160);
        }

        AnsiConsole.MarkupLineInterpolated(
            $"Solomon: {files.Count} instances, {options.TimeLimit.TotalSeconds:0.#} s each, {Describe(options)}, {(droppable ? "droppable" : "required")} customers");
        var results = new List<SolomonResult>();
        foreach (var file in files)
        {
            if (cancellation.IsCancellationRequested)
            {
                break;
            }

            string name = Path.GetFileNameWithoutExtension(file);
            var result = SolomonRun.Solve(file, bks.GetValueOrDefault(name), options, droppable, cancellation);
            results.Add(result);
            AnsiConsole.MarkupLineInterpolated(
                $"{result.Instance,-6} vehicles {result.Vehicles,2} distance {result.Distance,8:F1} bks {result.Bks?.DimacsDistance,8:F1} gap {result.GapPercent,6:F2}% hier-vehicles {result.Bks?.HierarchicalVehicles,2} {(result.Feasible ? "feasible" : "INFEASIBLE: " + string.Join("; ", result.Violations.Take(3)))} {result.Elapsed.TotalSeconds:F1}s");
            if (outDir is not null)
            {
                SolomonReport.WriteSolution(outDir, result);
            }
        }

        AnsiConsole.Write(ResultTable(results));
        AnsiConsole.Write(SummaryTable(results));
        if (csvPath is not null)
        {
            SolomonReport.WriteCsv(csvPath, results);
        }

        return results.All(r => r.Feasible) ? 0 : 1;
    }

    private static string Describe(RoutingOptions options) =>
        options.Portfolio is { Count: > 0 } portfolio
            ? "portfolio " + string.Join(" | ", portfolio.Select(p => $"{p.FirstSolution} + {p.Improvement} (lambda {p.GuidedLocalSearchLambda})"))
            : $"{options.FirstSolution} + {options.Improvement}, lambda {options.GuidedLocalSearchLambda}, workers {options.Workers}";

    private static Table ResultTable(IReadOnlyList<SolomonResult> results)
    {
        var table = new Table().Title("Solomon VRPTW (distance objective, arcs truncated to 0.1)");
        foreach (var column in new[] { "instance", "vehicles", "distance", "BKS (dimacs)", "gap %", "hier-2dp vehicles", "feasible", "time s" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var r in results)
        {
            table.AddRow(
                r.Instance,
                r.Vehicles.ToString(CultureInfo.InvariantCulture),
                r.Distance.ToString("F1", CultureInfo.InvariantCulture),
                r.Bks?.DimacsDistance?.ToString("F1", CultureInfo.InvariantCulture) ?? "-",
                r.GapPercent?.ToString("F2", CultureInfo.InvariantCulture) ?? "-",
                r.Bks?.HierarchicalVehicles?.ToString(CultureInfo.InvariantCulture) ?? "-",
                r.Feasible ? "yes" : "[red]NO[/]",
                r.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture));
        }

        return table;
    }

    private static Table SummaryTable(IReadOnlyList<SolomonResult> results)
    {
        var table = new Table().Title("Mean gap to dist-dimacs BKS");
        table.AddColumn("class");
        table.AddColumn(new TableColumn("instances").RightAligned());
        table.AddColumn(new TableColumn("feasible").RightAligned());
        table.AddColumn(new TableColumn("mean gap %").RightAligned());
        var groups = results.GroupBy(r => r.Class).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Items: g.ToList()))
            .Append(("overall", results.ToList()));
        foreach (var (name, items) in groups)
        {
            var gaps = items.Where(r => r.GapPercent is not null).Select(r => r.GapPercent!.Value).ToList();
            table.AddRow(
                name,
                items.Count.ToString(CultureInfo.InvariantCulture),
                items.Count(r => r.Feasible).ToString(CultureInfo.InvariantCulture),
                gaps.Count == 0 ? "-" : gaps.Average().ToString("F2", CultureInfo.InvariantCulture));
        }

        return table;
    }
}
