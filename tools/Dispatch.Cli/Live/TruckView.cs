using Dispatch.Contracts.V1;
using Spectre.Console;

namespace Dispatch.Cli.Live;

/// <summary>A truck's trips as a terminal table, one row per gate stop.</summary>
internal static class TruckView
{
    public static Table Render(TruckAssignment assignment)
    {
        var table = new Table()
            .Title($"[bold]{Markup.Escape(assignment.TruckId)}[/] of {Markup.Escape(assignment.SupermarketId)}: trips v{assignment.Version} (plan v{assignment.PlanVersion})")
            .AddColumns("trip", "depart", "gate", "load", "kg", "arrive", "unload", "gate window");
        var windows = assignment.GateWindows.ToDictionary(w => w.GateId, StringComparer.Ordinal);
        foreach (var trip in assignment.Trips)
        {
            foreach (var stop in trip.Stops)
            {
                string window = windows.TryGetValue(stop.GateId, out var w) ? $"{RouteView.Clock(w.OpensAtSeconds)}-{RouteView.Clock(w.ClosesAtSeconds)}" : string.Empty;
                table.AddRow(
                    trip.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    RouteView.Clock(trip.DepartSeconds),
                    Markup.Escape(stop.GateId),
                    Markup.Escape(stop.LoadId),
                    $"{stop.WeightGrams / 1000.0:F0}",
                    RouteView.Clock(stop.ArrivalSeconds),
                    RouteView.Clock(stop.UnloadStartSeconds),
                    window);
            }
        }

        return table;
    }
}
