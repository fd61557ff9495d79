using Dispatch.Domain.People;
using Dispatch.Domain.Supply;
using Dispatch.Planning.District;
using Dispatch.Planning.Routing;
using Dispatch.Planning.Travel;
using Dispatch.Planning.Trucks;
using Dispatch.Planning.Validation;
using static Dispatch.Planning.Tests.Places;

namespace Dispatch.Planning.Tests.Trucks;

/// <summary>The string-removal search on truck-stage problems as the district plan builds them: shift blocks, deadlines, balance.</summary>
public class TruckStageSearchTests
{
    private static readonly RoutingOptions s_search = new(
        TimeSpan.FromMinutes(2), Improvement: Improvement.RuinAndRecreate, RuinAndRecreate: new RuinAndRecreateSettings(Iterations: 3_000, Seed: 5));

    [Fact]
    public void The_same_seed_gives_the_same_truck_routes()
    {
        var problem = TruckRouter.Plan(TruckDay(21)).Problem;

        var once = new VehicleRoutingSolver().Solve(problem, s_search);
        var again = new VehicleRoutingSolver().Solve(problem, s_search);

        Assert.Equal(once.Cost, again.Cost);
        Assert.Equal(Routes(once), Routes(again));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Truck_routes_from_the_search_pass_the_checker_and_cost_no_more_than_local_search(int seed)
    {
        var problem = TruckRouter.Plan(TruckDay(seed)).Problem;

        var searched = new VehicleRoutingSolver().Solve(problem, s_search);
        var local = new VehicleRoutingSolver().Solve(problem, new RoutingOptions(TimeSpan.FromMinutes(2), Improvement: Improvement.LocalSearch));

        Assert.True(searched.Found);
        Assert.Empty(RouteChecker.Check(problem, searched, requireEveryStop: true));
        Assert.True(searched.Cost <= local.Cost, $"string removals {searched.Cost} > local search {local.Cost}");
    }

    private static List<string> Routes(RoutingSolution solution) =>
        solution.Vehicles.Select(v => $"{v.VehicleId}:{string.Join(',', v.Trips.SelectMany(t => t.Visits).Select(x => x.StopId))}").ToList();

    // One supermarket, 12 gates 1-8 km away, three trucks 05:00-17:00 cut into 90-minute blocks, 24 loads of up to a
    // truck, due by 09:00 (vulnerable ones at four times the rate), a balance cost: the truck stage of a district day.
    private static TruckRoutingInput TruckDay(int seed)
    {
        var random = new Random(seed);
        var gates = Enumerable.Range(1, 12).Select(g => Gate($"g{g}", North(random.Next(-8_000, 8_000)) with { Longitude = East(random.Next(-8_000, 8_000)).Longitude })).ToList();
        var trucks = Enumerable.Range(1, 3).Select(t => new Vehicle($"t{t}", "s1", 2_500_000, new Shift(5 * 3_600, 17 * 3_600)));
        var loads = Enumerable.Range(1, 24)
            .Select(l => new GateLoad($"l{l}", "s1", gates[random.Next(gates.Count)].Id, random.Next(300, 2_500) * 1_000L, 9 * 3_600, random.Next(4) == 0 ? 20 : 5))
            .ToList();
        return new TruckRoutingInput(
            [Supermarket("s1", Origin)], gates, TruckShiftBlocks.Split(trucks, 90 * 60), loads, HaversineTravelMatrix.Driving(), s_search,
            MaxTripsPerShift: 1, BalanceCostPerSecond: 1);
    }
}
