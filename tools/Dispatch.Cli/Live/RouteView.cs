using Dispatch.Contracts.V1;
using Spectre.Console;

namespace Dispatch.Cli.Live;

/// <summary>A volunteer's route as a terminal table, one row per door: what to carry to it and how to drop it.</summary>
internal static class RouteView
{
    public static Table Render(Assignment assignment)
    {
        var table = new Table()
            .Title($"[bold]{Markup.Escape(assignment.VolunteerId)}[/] at gate {Markup.Escape(assignment.GateId)}: route v{assignment.Version} (plan v{assignment.PlanVersion}){(assignment.Available ? string.Empty : " [red]not available[/]")}")
            .AddColumns("trip", "leave", "door", "delivery", "address", "carry", "instructions", "state");
        foreach (var trip in assignment.Trips)
        {
            foreach (var stop in trip.Stops)
            {
                // A parcel of a heavy order lists only its own bundles: say which parcel it is, so two volunteers
                // carrying parts of one order each know theirs.
                string bundles = (stop.Parcels > 1 ? $"parcel {stop.Parcel}/{stop.Parcels}: " : string.Empty) + string.Join(", ", stop.Bundles.Select(b => $"{b.Quantity} x {Name(b.Kind)}"));
                table.AddRow(
                    trip.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Clock(trip.LeaveGateSeconds),
                    Clock(stop.DropOffSeconds),
                    Markup.Escape(stop.DeliveryId) + (stop.Vulnerable ? " [yellow](vulnerable)[/]" : string.Empty),
                    Markup.Escape(stop.Address),
                    Markup.Escape($"{bundles} ({stop.WeightGrams / 1000.0:F1} kg)"),
                    Markup.Escape(stop.Instructions),
                    stop.State switch
                    {
                        StopState.Delivered => "[green]delivered[/]",
                        StopState.Failed => "[red]failed[/]",
                        _ => "planned",
                    });
            }
        }

        return table;
    }

    private static string Name(BundleKind kind) => kind switch
    {
        BundleKind.MeatAndVegetable => "meat+veg",
        BundleKind.Vegetable => "veg",
        BundleKind.RiceAndFlour => "rice+flour",
        BundleKind.Medicine => "medicine",
        _ => "?",
    };

    /// <summary>Seconds from the plan day's midnight as hh:mm (past midnight shows 24:xx and on).</summary>
    public static string Clock(int seconds) => $"{seconds / 3_600:00}:{seconds % 3_600 / 60:00}";
}
