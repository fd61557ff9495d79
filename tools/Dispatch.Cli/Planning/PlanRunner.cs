using System.Text.Json;
using Dispatch.Domain.Orders;
using Dispatch.Domain.Scenarios;
using Dispatch.Planning.District;
using Dispatch.Simulation.Orders;
using Spectre.Console;

namespace Dispatch.Cli.Planning;

/// <summary>Loads a scenario and a day's orders, runs the DistrictPlanner with a progress display, and prints the plan.</summary>
public static class PlanRunner
{
    /// <summary>The stored plan document's JSON shape, indented for people.</summary>
    public static JsonSerializerOptions Json { get; } = new(PlanJson.Options) { WriteIndented = true };

    /// <summary>
    /// The day's orders from a CSV, or generated from the scenario (seeded) when no file is given, checked by the same
    /// rules as the server's intake: refused batches and rejected orders come back as problems, the rest is planned.
    /// </summary>
    public static DayOrderIntakeResult LoadOrders(Scenario scenario, int day, string? ordersFile, int seed)
    {
        var batches = ordersFile is null
            ? DayOrderGenerator.Generate(scenario, day, seed)
            : ReadCsv(ordersFile);
        return new DayOrderIntake(new ScenarioIndex(scenario), IntakeLimits.Default).Accept(batches, day);
    }

    private static IReadOnlyList<OrderBatch> ReadCsv(string file)
    {
        using var reader = File.OpenText(file);
        return OrderCsv.Read(reader, file);
    }

    public static Plan RunWithProgress(DistrictPlanner planner, PlanningInput input, CancellationToken cancellationToken)
    {
        Plan plan = null!;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                var progress = new Progress<PlanProgress>(p =>
                {
                    lock (tasks)
                    {
                        if (!tasks.TryGetValue(p.Stage, out var task))
                        {
                            tasks[p.Stage] = task = context.AddTask(p.Stage, maxValue: Math.Max(1, p.Total));
                        }

                        task.Value = p.Done;
                    }
                });
                plan = planner.Plan(input, progress, cancellationToken);
                lock (tasks)
                {
                    foreach (var task in tasks.Values)
                    {
                        task.Value = task.MaxValue;
                    }
                }
            });
        return plan;
    }

    public static void WriteSummary(Plan plan)
    {
        var k = plan.Kpis;
        var table = new Table().Title($"district {plan.DistrictId}, day {plan.Day}").AddColumns("measure", "value");
        table.AddRow("orders / households ordering", $"{k.Orders:N0} / {k.HouseholdsOrdering:N0}");
        table.AddRow("households served", $"{k.HouseholdsServed:N0} ({k.ServedShare:P1})");
        table.AddRow("served by the deadline", $"{k.HouseholdsServedByDeadline:N0} ({k.ServedByDeadlineShare:P1})");
        table.AddRow("door deliveries / pickup slots / free pickups", $"{k.DoorDeliveries:N0} / {k.PickupSlots:N0} / {k.FreePickups:N0}");
        table.AddRow("unfilled (stock) / unassigned", $"{k.Unfilled:N0} / {k.Unassigned:N0}");
        table.AddRow("lateness p50 / p95 / max", $"{Minutes(k.LatenessP50Seconds)} / {Minutes(k.LatenessP95Seconds)} / {Minutes(k.LatenessMaxSeconds)}");
        table.AddRow("95% of households served by", Clock(k.ServedAtP95Seconds));
        var u = k.Utilisation;
        table.AddRow("utilisation: stock / trucks / zones / volunteers / pickup", $"{u.Stock:P0} / {u.Trucks:P0} / {u.DisinfectionZones:P0} / {u.Volunteers:P0} / {u.PickupZones:P0}");
        table.AddRow("truck routes / gate cycles / volunteer routes", $"{plan.TruckRoutes.Count} / {plan.GateCycles.Sum(g => g.Cycles.Count)} / {plan.DoorRoutes.Sum(d => d.Routes.Count)}");
        if (plan.Bottleneck is { } b)
        {
            table.AddRow("bottleneck", b.Resource?.ToString() ?? "none (no relaxed resource serves more)");
            table.AddRow("probe gains (x2 each)", string.Join(", ", b.Probes.Select(p => $"{p.Resource} {p.Gain:+#;-#;0}")));
        }

        table.AddRow("stage times", string.Join(", ", plan.Timings.Select(t => $"{t.Stage} {t.Milliseconds / 1000.0:F1}s")));
        AnsiConsole.Write(table);

        var reasons = plan.Orders.Where(o => !o.IsServed).GroupBy(o => ReasonHead(o.Reason)).OrderByDescending(g => g.Count()).Take(6).ToList();
        foreach (var reason in reasons)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]{reason.Count(),6}[/] not served: {reason.Key}");
        }
    }

    private static string ReasonHead(string? reason) => reason is null ? "unknown" : string.Join(':', reason.Split(':').Take(2));

    private static string Minutes(int seconds) => $"{seconds / 60} min";

    private static string Clock(int seconds) => $"{seconds / 3600:D2}:{seconds % 3600 / 60:D2}{(seconds >= 86_400 ? " (+1 day)" : "")}";
}
