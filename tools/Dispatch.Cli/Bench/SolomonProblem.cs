using Dispatch.Planning.Routing;
using Dispatch.Planning.Travel;

namespace Dispatch.Cli.Bench;

/// <summary>
/// Turns a Solomon instance into the engine's <see cref="RoutingProblem"/>: customers become stops,
/// the fleet becomes vehicles at the depot, and every time and distance is in tenths (travel time = distance).
/// </summary>
internal static class SolomonProblem
{
    /// <param name="droppable">Customers may be dropped at a large penalty (the engine's default) instead of being required.</param>
    public static RoutingProblem From(SolomonInstance instance, bool droppable)
    {
        int n = instance.Nodes.Count;
        var tenths = new long[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                tenths[(i * n) + j] = instance.ArcTenths(i, j);
            }
        }

        int scale = SolomonInstance.Scale;
        var stops = instance.Nodes.Skip(1)
            .Select(c => new RoutingStop(
                c.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                c.Number,
                c.Demand,
                1,
                c.ServiceTime * scale,
                new TimeWindow(c.ReadyTime * scale, c.DueDate * scale),
                DropPenalty: droppable ? RoutingStop.MandatoryPenalty : RoutingStop.NeverDropped))
            .ToList();
        var vehicles = Enumerable.Range(1, instance.VehicleLimit)
            .Select(v => new RoutingVehicle($"v{v}", 0, 0, instance.Capacity, int.MaxValue, 0, instance.Horizon * scale))
            .ToList();
        return new RoutingProblem(new TravelMatrix(n, tenths, (long[])tenths.Clone()), stops, vehicles, new RoutingCosts(ArcCostKind.Distance));
    }
}
