using System.Globalization;
using Dispatch.Contracts.V1;
using Spectre.Console;

namespace Dispatch.Cli.Planning;

/// <summary>A stored plan from the server (PlanSummary, GatePlan) as terminal tables.</summary>
public static class PlanTables
{
    private const int UnservedShown = 20;

    public static void WriteSummary(PlanSummary plan)
    {
        var k = plan.Kpis;
        var table = new Table().Title($"plan v{plan.Version}: district {Markup.Escape(plan.DistrictId)}, day {plan.Day}").AddColumns("measure", "value");
        table.AddRow("households served", $"{k.HouseholdsServed:N0} of {k.HouseholdsOrdering:N0} ({k.ServedShare:P1})");
        table.AddRow("served by the deadline", $"{k.HouseholdsServedByDeadline:N0} ({k.ServedByDeadlineShare:P1})");
        table.AddRow("door deliveries / pickup slots / free pickups", $"{k.DoorDeliveries:N0} / {k.PickupSlots:N0} / {k.FreePickups:N0}");
        table.AddRow("unfilled (stock) / unassigned", $"{k.Unfilled:N0} / {k.Unassigned:N0}");
        table.AddRow("lateness p50 / p95 / max", $"{k.LatenessP50Seconds / 60} / {k.LatenessP95Seconds / 60} / {k.LatenessMaxSeconds / 60} min");
        var u = k.Utilisation;
        table.AddRow("utilisation: stock / trucks / zones / volunteers / pickup", $"{u.Stock:P0} / {u.Trucks:P0} / {u.DisinfectionZones:P0} / {u.Volunteers:P0} / {u.PickupZones:P0}");
        table.AddRow("trucks used / gates", $"{plan.TruckRoutes.Count} / {plan.Gates.Count}");
        table.AddRow("bottleneck", plan.Bottleneck is null || plan.Bottleneck.Resource.Length == 0 ? "none" : Markup.Escape(plan.Bottleneck.Resource));
        if (plan.Bottleneck is { Probes.Count: > 0 } bottleneck)
        {
            table.AddRow("probe gains (x2 each)", Markup.Escape(string.Join(", ", bottleneck.Probes.Select(p => $"{p.Resource} {p.Gain:+#;-#;0}"))));
        }

        AnsiConsole.Write(table);
    }

    public static void WriteGates(PlanSummary plan)
    {
        var table = new Table().Title("gates").AddColumns("gate", "cycles", "volunteers routed", "households slotted", "orders not served");
        foreach (var gate in plan.Gates)
        {
            table.AddRow(Markup.Escape(gate.GateId), Int(gate.Cycles), Int(gate.VolunteersRouted), Int(gate.HouseholdsSlotted), Int(gate.OrdersUnassigned));
        }

        AnsiConsole.Write(table);
    }

    public static void WriteGate(GatePlan gate)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]gate {gate.GateId}[/], district {gate.DistrictId}, day {gate.Day}, plan v{gate.Version}");

        var cycles = new Table().Title("disinfection cycles").AddColumns("start", "released", "loads", "kg");
        foreach (var cycle in gate.Cycles)
        {
            cycles.AddRow(Clock(cycle.StartSeconds), Clock(cycle.EndSeconds), Markup.Escape(string.Join(" ", cycle.Loads.Select(l => l.ConsignmentId))), Kilograms(cycle.Loads.Sum(l => l.WeightGrams)));
        }

        AnsiConsole.Write(cycles);

        var routes = new Table().Title("volunteers' door routes").AddColumns("volunteer", "trips", "doors", "first leaves", "last back", "kg carried");
        foreach (var route in gate.DoorRoutes)
        {
            routes.AddRow(
                Markup.Escape(route.VolunteerId),
                Int(route.Trips.Count),
                Int(route.Trips.Sum(t => t.Doors.Count)),
                route.Trips.Count == 0 ? "" : Clock(route.Trips.Min(t => t.LeaveGateSeconds)),
                route.Trips.Count == 0 ? "" : Clock(route.Trips.Max(t => t.BackAtGateSeconds)),
                Kilograms(route.Trips.Sum(t => t.CarriedGrams)));
        }

        AnsiConsole.Write(routes);

        var slots = new Table().Title("pickup slots").AddColumns("slot", "from", "to", "households");
        foreach (var slot in gate.Slots)
        {
            slots.AddRow(Int(slot.Index), Clock(slot.StartSeconds), Clock(slot.EndSeconds), Int(slot.HouseholdIds.Count));
        }

        AnsiConsole.Write(slots);

        var fates = new Table().Title("orders").AddColumns("fate", "orders");
        foreach (var fate in gate.Orders.GroupBy(o => o.Fate).OrderBy(g => g.Key))
        {
            fates.AddRow(fate.Key.ToString(), Int(fate.Count()));
        }

        AnsiConsole.Write(fates);
        var unserved = gate.Orders.Where(o => o.Fate is OrderFate.Unfilled or OrderFate.Unassigned).ToList();
        foreach (var order in unserved.Take(UnservedShown))
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]{order.OrderId}[/] ({order.HouseholdId}) not served: {order.Reason}");
        }

        if (unserved.Count > UnservedShown)
        {
            Console.WriteLine($"... and {unserved.Count - UnservedShown} more not served (--json lists every order)");
        }
    }

    private static string Int(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Kilograms(long grams) => (grams / 1000.0).ToString("N0", CultureInfo.InvariantCulture);

    private static string Clock(int seconds) => Live.RouteView.Clock(seconds);
}
