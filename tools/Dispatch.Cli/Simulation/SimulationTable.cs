using System.Globalization;
using Dispatch.Domain.Supply;
using Dispatch.Simulation.Days;

namespace Dispatch.Cli.Simulation;

/// <summary>The per-day table: one header and one row of cells per day, shared by the console, CSV and HTML.</summary>
internal static class SimulationTable
{
    public static IReadOnlyList<string> Header { get; } =
    [
        "day", "ordering", "new", "waiting", "served", "on time", "failed", "late", "mean late h", "p95 late h", "longest wait h",
        "unfilled M&V/veg/rice/med", "stock util", "truck util", "zone util", "volunteer util", "pickup util",
        "trucks", "volunteers", "door households", "oldest wait days", "bottleneck", "events",
    ];

    public static IReadOnlyList<string> Row(SimulatedDay d) =>
    [
        Int(d.Day),
        Int(d.HouseholdsOrdering),
        Int(d.NewOrders),
        Int(d.WaitingOrders),
        $"{Int(d.Served)} ({Share(d.ServedShare)})",
        $"{Int(d.ServedOnTime)} ({Share(d.OnTimeShare)})",
        Int(d.DeliveryFailures),
        Int(d.LateHouseholds),
        Hours(d.MeanLatenessSeconds),
        Hours(d.LatenessP95Seconds),
        Hours(d.MaxLatenessSeconds),
        Bundles(d.Unfilled),
        Share(d.Utilisation.Stock),
        Share(d.Utilisation.Trucks),
        Share(d.Utilisation.DisinfectionZones),
        Share(d.Utilisation.Volunteers),
        Share(d.Utilisation.PickupZones),
        Int(d.TrucksOnDuty),
        Int(d.VolunteersOnDuty),
        Int(d.DoorHouseholds),
        Int(d.OldestWaitDays),
        (d.Bottleneck?.ToString() ?? "none") + (d.Probed ? " (probed)" : ""),
        string.Join("; ", d.Events),
    ];

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Hours(double seconds) => (seconds / 3600).ToString("F1", CultureInfo.InvariantCulture);

    public static string Share(double share) => (share * 100).ToString("F1", CultureInfo.InvariantCulture) + "%";

    private static string Bundles(BundleCounts b) => $"{b.MeatAndVegetable}/{b.Vegetable}/{b.RiceAndFlour}/{b.Medicine}";
}
