using System.CommandLine;
using System.Diagnostics;
using Dispatch.Cli.Commands;
using Dispatch.Cli.Planning;
using Dispatch.Domain.Scenarios;
using Dispatch.Planning.Checks;
using Dispatch.Planning.District;
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
        var volunteerShare = new Option<double>("--volunteer-share") { Description = "Keep this share of each gate's volunteers (below 1 makes a short day, so the bottleneck probes run)", DefaultValueFactory = _ => 1.0 };
        var command = new Command("plan", "Plan the seeded district's day: wall time, stage times, served share, lateness, rule check") { scenario, day, seed, runs, volunteerShare };
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
            var orders = PlanRunner.LoadOrders(loaded, parse.GetValue(day), null, parse.GetValue(seed)).Orders;
            var input = new PlanningInput(loaded, parse.GetValue(day), orders, PlanningSettings.Default with { ParallelGates = Environment.ProcessorCount });
            var table = new Table().AddColumns("run", "wall s", "CPU s", "stages (s)", "served", "on time", "lateness p95", "bottleneck", "rule violations");
            for (int run = 1; run <= parse.GetValue(runs); run++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var stopwatch = Stopwatch.StartNew();
                var plan = new DistrictPlanner().Plan(input, null, ct);
                stopwatch.Stop();
                var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                var violations = PlanChecks.Violations(input, plan);
                var k = plan.Kpis;
                table.AddRow(
                    run.ToString(),
                    $"{stopwatch.Elapsed.TotalSeconds:F1}",
                    $"{cpuSeconds:F1}",
                    string.Join(" ", plan.Timings.Select(t => $"{t.Stage} {t.Milliseconds / 1000.0:F1}")),
                    $"{k.HouseholdsServed:N0}/{k.HouseholdsOrdering:N0} ({k.ServedShare:P1})",
                    $"{k.ServedByDeadlineShare:P1}",
                    $"{k.LatenessP95Seconds / 60} min",
                    plan.Bottleneck?.Resource?.ToString() ?? "none",
                    violations.Count.ToString());
                Console.WriteLine($"bench plan run {run}: {stopwatch.Elapsed.TotalSeconds:F1} s wall, {cpuSeconds:F1} s CPU, {orders.Count} orders, served {k.ServedShare:P1}, on time {k.ServedByDeadlineShare:P1}, lateness p95 {k.LatenessP95Seconds / 60} min, {violations.Count} rule violations");
                foreach (var violation in violations.Take(5))
                {
                    Console.Error.WriteLine($"  violation: {violation}");
                }
            }

            AnsiConsole.Write(table);
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            return Task.FromResult(Exit.Ok);
        });
        return command;
    }
}
