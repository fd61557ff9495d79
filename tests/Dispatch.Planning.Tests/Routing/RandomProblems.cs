using Dispatch.Planning.Routing;

namespace Dispatch.Planning.Tests.Routing;

/// <summary>Seeded random problems with every feature switched on.</summary>
internal static class RandomProblems
{
    public static RoutingProblem Make(int seed, int stopCount, int vehicleCount)
    {
        var random = new Random(seed);
        var points = Enumerable.Range(0, stopCount + 1)
            .Select(i => i == 0 ? (500, 500) : (random.Next(0, 1_000), random.Next(0, 1_000)))
            .ToArray();
        var matrix = LineWorld.Matrix(points);
        var stops = Enumerable.Range(1, stopCount).Select(i =>
        {
            int earliest = random.Next(0, 3_000);
            return new RoutingStop(
                $"s{i}",
                i,
                random.Next(1, 40),
                1,
                random.Next(0, 60),
                new TimeWindow(earliest, earliest + random.Next(200, 2_000)),
                ReadyAtSeconds: random.Next(4) == 0 ? random.Next(0, 1_500) : 0,
                DropPenalty: random.Next(2) == 0 ? 100_000 : 1_000_000,
                ServeBySeconds: random.Next(3) == 0 ? earliest : null,
                LateCostPerSecond: 1);
        }).ToList();
        var vehicles = Enumerable.Range(1, vehicleCount)
            .Select(v => new RoutingVehicle($"v{v}", 0, 0, 100, 4, 0, 5_000, MaxStops: 8, MaxTrips: 3, ReloadSeconds: 50))
            .ToList();
        return new RoutingProblem(matrix, stops, vehicles, new RoutingCosts(BalanceCostPerSecond: 1));
    }
}
