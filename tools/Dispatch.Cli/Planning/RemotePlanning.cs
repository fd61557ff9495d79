using Dispatch.Contracts.V1;
using Grpc.Core;
using Spectre.Console;

namespace Dispatch.Cli.Planning;

/// <summary>Asks a server to plan a district day, showing its stage progress, and prints the stored plan's summary.</summary>
public static class RemotePlanning
{
    public static async Task<PlanSummary?> PlanAsync(Contracts.V1.Planning.PlanningClient client, string districtId, int day, CancellationToken cancellationToken)
    {
        PlanSummary? plan = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                using var call = client.PlanDistrictDay(new PlanDistrictDayRequest { DistrictId = districtId, Day = day }, cancellationToken: cancellationToken);
                await foreach (var update in call.ResponseStream.ReadAllAsync(cancellationToken))
                {
                    if (update.UpdateCase == PlanDistrictDayUpdate.UpdateOneofCase.Progress)
                    {
                        var p = update.Progress;
                        if (!tasks.TryGetValue(p.Stage, out var task))
                        {
                            tasks[p.Stage] = task = context.AddTask($"planning: {p.Stage}", maxValue: Math.Max(1, p.Total));
                        }

                        task.Value = p.Done;
                    }
                    else
                    {
                        plan = update.Plan;
                    }
                }

                foreach (var task in tasks.Values)
                {
                    task.Value = task.MaxValue;
                }
            });
        return plan;
    }

    public static void WriteSummary(PlanSummary plan)
    {
        var k = plan.Kpis;
        var table = new Table().Title($"plan v{plan.Version}: district {plan.DistrictId}, day {plan.Day}").AddColumns("measure", "value");
        table.AddRow("households served", $"{k.HouseholdsServed:N0} of {k.HouseholdsOrdering:N0} ({k.ServedShare:P1})");
        table.AddRow("served by the deadline", $"{k.HouseholdsServedByDeadline:N0} ({k.ServedByDeadlineShare:P1})");
        table.AddRow("door deliveries / pickup slots / free pickups", $"{k.DoorDeliveries:N0} / {k.PickupSlots:N0} / {k.FreePickups:N0}");
        table.AddRow("unfilled (stock) / unassigned", $"{k.Unfilled:N0} / {k.Unassigned:N0}");
        table.AddRow("lateness p50 / p95 / max", $"{k.LatenessP50Seconds / 60} / {k.LatenessP95Seconds / 60} / {k.LatenessMaxSeconds / 60} min");
        var u = k.Utilisation;
        table.AddRow("utilisation: stock / trucks / zones / volunteers / pickup", $"{u.Stock:P0} / {u.Trucks:P0} / {u.DisinfectionZones:P0} / {u.Volunteers:P0} / {u.PickupZones:P0}");
        table.AddRow("trucks used / gates", $"{plan.TruckRoutes.Count} / {plan.Gates.Count}");
        table.AddRow("bottleneck", plan.Bottleneck is null || plan.Bottleneck.Resource.Length == 0 ? "none" : plan.Bottleneck.Resource);
        AnsiConsole.Write(table);
    }
}
