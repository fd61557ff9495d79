using System.CommandLine;
using System.Diagnostics;
using Dispatch.Cli.Commands;
using Dispatch.Cli.Planning;
using Dispatch.Domain.Scenarios;
using Dispatch.Planning.Checks;
using Dispatch.Planning.District;
using Dispatch.Planning.Routing;
using Spectre.Console;

namespace Dispatch.Cli.Bench;

/// <summary>`dispatch bench plan`: one full district day with the default settings, timed, checked and summarised.</summary>
public static class PlanBenchCommand
{
    public static Command Create()
    {
        var scenario = new Option<string>("--scenario") { Description = "Scenario folder", DefaultValueFactory = _ => "seeds/jining-high-tech" };
        var day = new Option<int>("--day") { Description = "Plan day", DefaultValueFactory = _ => 1 };
        var seed = new Option<int>("--seed") { Description = "Seed of the day's generated orders", DefaultValueFactory = _ => 1 };
        var runs = new Option<int>("--runs") { Description = "Plans to time (the first also warms up the JIT and OR-Tools)", DefaultValueFactory = _ => 2 };
        var ordersFile = new Option<string?>("--orders") { Description = "Orders CSV (default: the day's orders generated from the scenario with --seed)" };
        var wallClock = new Option<bool>("--wall-clock") { Description = "Search under wall-clock limits (PlanningSettings.WallClock) instead of the deterministic default" };
        var volunteerShare = new Option<double>("--volunteer-share") { Description = "Keep this share of each gate's volunteers (below 1 makes a short day, so the bottleneck probes run)", DefaultValueFactory = _ => 1.0 };
        var truckImprovement = new Option<Improvement[]>("--truck-improvement")
        {
            Description = "Truck-stage improvement to compare (repeatable): each is planned --runs times and its truck objective printed; default: the settings' own",
        };
        var truckIterations = new Option<long?>("--truck-iterations") { Description = "Iterations of the truck stage's string-removal search (ruin and recreate); default: the settings' own" };
        var truckBalance = new Option<long?>("--truck-balance") { Description = "Truck stage's cost per second of the day's span (TruckBalanceCostPerSecond); default: the settings' own" };
        var trucksOnly = new Option<bool>("--trucks-only") { Description = "With --truck-improvement: the truck stage alone, no gates" };
        var noProbe = new Option<bool>("--no-probe") { Description = "Skip the bottleneck probes (re-plans with each resource doubled)" };
        var command = new Command("plan", "Plan the seeded district's day: wall time, stage times, served share, lateness, rule check")
        {
            scenario, day, seed, ordersFile, runs, volunteerShare, wallClock, truckImprovement, truckIterations, truckBalance, trucksOnly, noProbe,
        };
        command.SetAction((parse, ct) =>
        {
            string? folder = ScenarioLocator.Find(parse.GetValue(scenario)!);
            if (folder is null || parse.GetValue(runs) < 1)
            {
                return Task.FromResult(Exit.WithBadInput(folder is null ? $"scenario folder '{parse.GetValue(scenario)}' not found" : "--runs must be at least 1"));
            }

            double share = parse.GetValue(volunteerShare);
            if (share is <= 0 or > 1)
            {
                return Task.FromResult(Exit.WithBadInput("--volunteer-share must be in (0, 1]"));
            }

            var loaded = ScenarioFiles.Load(folder);
            loaded = loaded with
            {
                Volunteers = loaded.Volunteers.GroupBy(v => v.GateId).SelectMany(g => g.Take((int)Math.Ceiling(g.Count() * share))).ToList(),
            };
            IReadOnlyList<Dispatch.Domain.Orders.Order> orders;
            try
            {
                orders = PlanRunner.LoadOrders(loaded, parse.GetValue(day), parse.GetValue(ordersFile), parse.GetValue(seed)).Orders;
            }
            catch (Exception e) when (e is Dispatch.Domain.Orders.OrderFileFormatException or FileNotFoundException or DirectoryNotFoundException)
            {
                return Task.FromResult(Exit.WithBadInput(e.Message));
            }

            var settings = parse.GetValue(wallClock) ? PlanningSettings.WallClock : PlanningSettings.Default;
            settings = settings with { ParallelGates = Environment.ProcessorCount, ProbeBottleneck = settings.ProbeBottleneck && !parse.GetValue(noProbe) };

            // The bottleneck probes re-plan the day with their own settings: they route trucks the same way as the plan.
            PlanningSettings TruckSearch(PlanningSettings planning, Improvement method) => planning with
            {
                TruckImprovement = method,
                TruckBalanceCostPerSecond = parse.GetValue(truckBalance) ?? planning.TruckBalanceCostPerSecond,
                TruckRuinAndRecreate = parse.GetValue(truckIterations) is long iterations
                    ? (planning.TruckRuinAndRecreate ?? new RuinAndRecreateSettings()) with { Iterations = iterations }
                    : planning.TruckRuinAndRecreate,
            };

            var methods = parse.GetValue(truckImprovement) is { Length: > 0 } chosen ? chosen : [settings.TruckImprovement];
            Console.WriteLine($"{loaded.Households.Count:N0} households, {orders.Count:N0} orders, {loaded.Gates.Count} gates, {loaded.Vehicles.Count} trucks, {loaded.Volunteers.Count:N0} volunteers; load average before {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            var table = new Table().AddColumns("truck method", "run", "wall s", "CPU s", "peak MB", "stages (s)", "served by deadline", "vulnerable by deadline", "late", "lateness p95", "bottleneck", "rule violations");
            var truckTable = new Table().AddColumns("truck method", "routing s", "objective", "distance km", "late piece-s", "trips", "pieces unassigned");
            foreach (var method in methods)
            {
                var input = new PlanningInput(loaded, parse.GetValue(day), orders, TruckSearch(settings, method) with
                {
                    ProbeSettings = settings.ProbeSettings is { } probe ? TruckSearch(probe, method) : null,
                });
                if (parse.GetValue(truckImprovement) is { Length: > 0 })
                {
                    var stage = TruckStage.Run(input, ct);
                    var stops = stage.Trucks.Routes.SelectMany(r => r.Trips).SelectMany(t => t.Stops).ToList();
                    long lateSeconds = stops.Sum(s => (long)Math.Max(0, s.UnloadStartSeconds - input.Settings.TruckDeliverBySeconds));
                    long metres = stage.Trucks.Routes.SelectMany(r => r.Trips).Sum(t => t.DistanceMetres);
                    int trips = stage.Trucks.Routes.Sum(r => r.Trips.Count);
                    truckTable.AddRow(method.ToString(), $"{stage.RoutingMilliseconds / 1000.0:F2}", $"{stage.Trucks.RoutingCost:N0}", $"{metres / 1000.0:F1}", $"{lateSeconds:N0}", trips.ToString(), stage.Trucks.Unassigned.Count.ToString());
                    Console.WriteLine($"bench plan trucks {method}: routing {stage.RoutingMilliseconds / 1000.0:F2} s, objective {stage.Trucks.RoutingCost}, {metres} m, {lateSeconds} piece-seconds late, {trips} trips, {stage.Trucks.Unassigned.Count} pieces unassigned");
                    if (parse.GetValue(trucksOnly))
                    {
                        continue;
                    }
                }

                for (int run = 1; run <= parse.GetValue(runs); run++)
                {
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    var stopwatch = Stopwatch.StartNew();
                    var plan = new DistrictPlanner().Plan(input, null, ct);
                    stopwatch.Stop();
                    var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                    var violations = PlanChecks.Violations(input, plan);
                    var k = plan.Kpis;
                    long peakMegabytes = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
                    var unserved = plan.Orders.Where(o => !o.IsServed).GroupBy(o => (o.Reason ?? "no reason").Split(':')[0]).OrderByDescending(g => g.Count()).Take(4);
                    Console.WriteLine($"  unserved by reason: {string.Join("; ", unserved.Select(g => $"{g.Key} {g.Count()}"))}");
                    table.AddRow(
                        method.ToString(),
                        run.ToString(),
                        $"{stopwatch.Elapsed.TotalSeconds:F1}",
                        $"{cpuSeconds:F1}",
                        $"{peakMegabytes:N0}",
                        string.Join(" ", plan.Timings.Select(t => $"{t.Stage} {t.Milliseconds / 1000.0:F1}")),
                        $"{k.HouseholdsServedByDeadline:N0}/{k.HouseholdsOrdering:N0} ({k.ServedByDeadlineShare:P1})",
                        $"{k.VulnerableHouseholdsServedByDeadline:N0}/{k.VulnerableHouseholdsOrdering:N0}",
                        $"{k.HouseholdsServedLate:N0}",
                        $"{k.LatenessP95Seconds / 60} min",
                        plan.Bottleneck?.Resource?.ToString() ?? "none",
                        violations.Count.ToString());
                    Console.WriteLine($"bench plan run {run}: {stopwatch.Elapsed.TotalSeconds:F1} s wall, {cpuSeconds:F1} s CPU, peak {peakMegabytes:N0} MB, {orders.Count} orders, served by the deadline {k.HouseholdsServedByDeadline:N0} of {k.HouseholdsOrdering:N0} households ({k.ServedByDeadlineShare:P1}), vulnerable {k.VulnerableHouseholdsServedByDeadline:N0} of {k.VulnerableHouseholdsOrdering:N0}, late {k.HouseholdsServedLate:N0}, lateness p95 {k.LatenessP95Seconds / 60} min, {violations.Count} rule violations");
                    foreach (var violation in violations.Take(5))
                    {
                        Console.Error.WriteLine($"  violation: {violation}");
                    }
                }

            }

            AnsiConsole.Write(table);
            AnsiConsole.Write(truckTable);
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            return Task.FromResult(Exit.Ok);
        });
        return command;
    }
}
