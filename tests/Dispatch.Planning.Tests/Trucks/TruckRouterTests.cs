using Dispatch.Domain.People;
using Dispatch.Domain.Supply;
using Dispatch.Planning.Routing;
using Dispatch.Planning.Travel;
using Dispatch.Planning.Trucks;
using Dispatch.Planning.Validation;
using static Dispatch.Planning.Tests.Places;

namespace Dispatch.Planning.Tests.Trucks;

public class TruckRouterTests
{
    private static readonly RoutingOptions s_options = new(TimeSpan.FromSeconds(1));

    [Fact]
    public void A_load_heavier_than_a_truck_is_split_and_carried_in_several_trips()
    {
        var input = new TruckRoutingInput(
            [Supermarket("s1", Origin)],
            [Gate("g1", North(3_000)), Gate("g2", East(3_000))],
            [new Vehicle("t1", "s1", 5_000_000, new Shift(0, 86_400))],
            [new GateLoad("l1", "s1", "g1", 12_000_000), new GateLoad("l2", "s1", "g2", 2_000_000)],
            HaversineTravelMatrix.Driving(),
            s_options);

        var plan = TruckRouter.Plan(input);
        var solution = new VehicleRoutingSolver().Solve(plan.Problem, s_options);
        var result = TruckRouter.Read(plan, solution);

        Assert.Empty(RouteChecker.Check(plan.Problem, solution, requireEveryStop: true));
        Assert.Equal(4, plan.Pieces.Count);
        Assert.Equal([5_000_000L, 5_000_000L, 2_000_000L], plan.Pieces.Where(p => p.Load.Id == "l1").Select(p => p.WeightGrams));
        Assert.Empty(result.Unassigned);
        Assert.Equal(14_000_000, result.DeliveredGrams);
        Assert.True(Assert.Single(result.Routes).Trips.Count >= 3);
    }

    [Fact]
    public void Trucks_only_carry_loads_of_their_own_supermarket()
    {
        var input = new TruckRoutingInput(
            [Supermarket("s1", Origin), Supermarket("s2", East(5_000))],
            [Gate("g1", North(2_000))],
            [new Vehicle("t1", "s1", 5_000_000, new Shift(0, 86_400)), new Vehicle("t2", "s2", 5_000_000, new Shift(0, 86_400))],
            [new GateLoad("from-s1", "s1", "g1", 1_000_000), new GateLoad("from-s2", "s2", "g1", 1_000_000)],
            HaversineTravelMatrix.Driving(),
            s_options);

        var result = new TruckRouter().Route(input);

        Assert.Empty(result.Unassigned);
        foreach (var route in result.Routes)
        {
            Assert.All(route.Trips.SelectMany(t => t.Stops), s => Assert.Equal("from-" + route.SupermarketId, s.LoadId));
        }
    }

    [Fact]
    public void A_load_for_a_gate_closed_before_any_truck_can_arrive_is_unassigned_as_unreachable()
    {
        var input = new TruckRoutingInput(
            [Supermarket("s1", Origin)],
            [Gate("far", North(20_000), opens: 0, closes: 600)],
            [new Vehicle("t1", "s1", 5_000_000, new Shift(0, 86_400))],
            [new GateLoad("l1", "s1", "far", 1_000_000)],
            HaversineTravelMatrix.Driving(),
            s_options);

        var result = new TruckRouter().Route(input);

        var unassigned = Assert.Single(result.Unassigned);
        Assert.Equal(UnassignedReason.WindowUnreachable, unassigned.Reason);
    }

    [Fact]
    public void A_supermarket_without_trucks_has_its_loads_reported()
    {
        var input = new TruckRoutingInput(
            [Supermarket("s1", Origin), Supermarket("s2", East(1_000))],
            [Gate("g1", North(2_000))],
            [new Vehicle("t1", "s1", 5_000_000, new Shift(0, 86_400))],
            [new GateLoad("l2", "s2", "g1", 1_000_000)],
            HaversineTravelMatrix.Driving(),
            s_options);

        var result = new TruckRouter().Route(input);

        Assert.Equal(UnassignedReason.NoAllowedVehicle, Assert.Single(result.Unassigned).Reason);
    }
}
