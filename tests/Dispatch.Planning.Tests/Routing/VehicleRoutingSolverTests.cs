using Dispatch.Planning.Routing;
using Dispatch.Planning.Validation;
using static Dispatch.Planning.Tests.Routing.LineWorld;

namespace Dispatch.Planning.Tests.Routing;

public class VehicleRoutingSolverTests
{
    private readonly VehicleRoutingSolver _solver = new();

    [Fact]
    public void Stops_on_a_line_are_served_out_and_back_in_one_pass()
    {
        var matrix = Matrix((0, 0), (10, 0), (20, 0), (30, 0), (40, 0));
        var problem = new RoutingProblem(
            matrix,
            [Stop("c", 3), Stop("a", 1), Stop("d", 4), Stop("b", 2)],
            [Vehicle("v")],
            new RoutingCosts());

        var solution = _solver.Solve(problem, Options());

        Assert.Empty(RouteChecker.Check(problem, solution, requireEveryStop: true));
        Assert.Equal(80, solution.TotalDistanceMetres);
    }

    [Fact]
    public void Capacity_splits_stops_between_two_vehicles_at_the_optimum()
    {
        // Two clusters, each exactly one vehicle's capacity: optimum sends one vehicle to each.
        var matrix = Matrix((0, 0), (100, 0), (110, 0), (-100, 0), (-110, 0));
        var problem = new RoutingProblem(
            matrix,
            [Stop("e1", 1, 5), Stop("e2", 2, 5), Stop("w1", 3, 5), Stop("w2", 4, 5)],
            [Vehicle("v1", capacityGrams: 10), Vehicle("v2", capacityGrams: 10)],
            new RoutingCosts());

        var solution = _solver.Solve(problem, Options());

        Assert.Empty(RouteChecker.Check(problem, solution, requireEveryStop: true));
        Assert.Equal(440, solution.TotalDistanceMetres);
        Assert.All(solution.Vehicles, v => Assert.Single(v.Trips));
    }

    [Fact]
    public void Time_windows_force_the_order_even_when_longer()
    {
        // Far stop must be served first (closes at 60), near stop opens late.
        var matrix = Matrix((0, 0), (10, 0), (50, 0));
        var problem = new RoutingProblem(
            matrix,
            [Stop("near", 1, window: new TimeWindow(200, 300)), Stop("far", 2, window: new TimeWindow(0, 60))],
            [Vehicle("v")],
            new RoutingCosts());

        var solution = _solver.Solve(problem, Options());

        Assert.Empty(RouteChecker.Check(problem, solution, requireEveryStop: true));
        var visits = Assert.Single(Assert.Single(solution.Vehicles).Trips).Visits;
        Assert.Equal(["far", "near"], visits.Select(v => v.StopId));
        Assert.Equal(200, visits[1].StartSeconds);
    }

    [Fact]
    public void A_stop_heavier_than_every_vehicle_is_unassigned_with_that_reason()
    {
        var matrix = Matrix((0, 0), (10, 0), (20, 0));
        var problem = new RoutingProblem(
            matrix,
            [Stop("ok", 1, 5), Stop("heavy", 2, 50)],
            [Vehicle("v", capacityGrams: 10)],
            new RoutingCosts());

        var solution = _solver.Solve(problem, Options());

        Assert.Empty(RouteChecker.Check(problem, solution));
        var unassigned = Assert.Single(solution.Unassigned);
        Assert.Equal("heavy", unassigned.StopId);
        Assert.Equal(UnassignedReason.DemandExceedsEveryCapacity, unassigned.Reason);
    }

    [Fact]
    public void A_window_no_vehicle_can_reach_is_reported_unreachable()
    {
        var matrix = Matrix((0, 0), (100, 0));
        var problem = new RoutingProblem(
            matrix,
            [Stop("early", 1, window: new TimeWindow(0, 50))],
            [Vehicle("v")],
            new RoutingCosts());

        var solution = _solver.Solve(problem, Options());

        Assert.Equal(UnassignedReason.WindowUnreachable, Assert.Single(solution.Unassigned).Reason);
    }

    [Fact]
    public void Goods_ready_after_the_window_closes_are_reported_so()
    {
        var matrix = Matrix((0, 0), (10, 0));
        var problem = new RoutingProblem(
            matrix,
            [Stop("late", 1, window: new TimeWindow(0, 100)) with { ReadyAtSeconds = 500 }],
            [Vehicle("v")],
            new RoutingCosts());

        var solution = _solver.Solve(problem, Options());

        Assert.Equal(UnassignedReason.ReadyAfterWindowCloses, Assert.Single(solution.Unassigned).Reason);
    }

    [Fact]
    public void A_trip_leaves_only_when_all_its_goods_are_ready()
    {
        var matrix = Matrix((0, 0), (10, 0), (20, 0));
        var problem = new RoutingProblem(
            matrix,
            [Stop("a", 1) with { ReadyAtSeconds = 1_000 }, Stop("b", 2)],
            [Vehicle("v")],
            new RoutingCosts());

        var solution = _solver.Solve(problem, Options());

        Assert.Empty(RouteChecker.Check(problem, solution, requireEveryStop: true));
        var trip = Assert.Single(Assert.Single(solution.Vehicles).Trips);
        Assert.True(trip.DepartSeconds >= 1_000);
    }

    [Fact]
    public void When_capacity_runs_short_the_low_penalty_stop_is_dropped()
    {
        var matrix = Matrix((0, 0), (10, 0), (-10, 0));
        var problem = new RoutingProblem(
            matrix,
            [Stop("ordinary", 1, 10) with { DropPenalty = 1_000 }, Stop("vulnerable", 2, 10) with { DropPenalty = 100_000 }],
            [Vehicle("v", capacityGrams: 10)],
            new RoutingCosts());

        var solution = _solver.Solve(problem, Options());

        Assert.Empty(RouteChecker.Check(problem, solution));
        var dropped = Assert.Single(solution.Unassigned);
        Assert.Equal("ordinary", dropped.StopId);
        Assert.Equal(UnassignedReason.NoCapacityOrTimeLeft, dropped.Reason);
    }

    [Fact]
    public void A_vehicle_reloads_for_a_second_trip_when_one_trip_cannot_carry_all()
    {
        var matrix = Matrix((0, 0), (10, 0), (20, 0), (30, 0));
        var problem = new RoutingProblem(
            matrix,
            [Stop("a", 1, 6), Stop("b", 2, 6), Stop("c", 3, 6)],
            [Vehicle("v", capacityGrams: 12, maxTrips: 3) with { ReloadSeconds = 30 }],
            new RoutingCosts());

        var solution = _solver.Solve(problem, Options());

        Assert.Empty(RouteChecker.Check(problem, solution, requireEveryStop: true));
        var trips = Assert.Single(solution.Vehicles).Trips;
        Assert.Equal(2, trips.Count);
        Assert.True(trips[1].DepartSeconds >= trips[0].ReturnSeconds + 30);
    }

    [Fact]
    public void Fixed_stops_stay_first_in_their_order()
    {
        // Without fixing, the optimum visits a before c; fixed c-then-a must be kept.
        var matrix = Matrix((0, 0), (10, 0), (20, 0), (30, 0));
        var problem = new RoutingProblem(
            matrix,
            [Stop("a", 1), Stop("b", 2), Stop("c", 3)],
            [Vehicle("v") with { FixedTrips = [["c", "a"]] }],
            new RoutingCosts());

        var solution = _solver.Solve(problem, Options());

        Assert.Empty(RouteChecker.Check(problem, solution, requireEveryStop: true));
        var visits = Assert.Single(Assert.Single(solution.Vehicles).Trips).Visits;
        Assert.Equal(["c", "a"], visits.Take(2).Select(v => v.StopId));
    }

    [Fact]
    public void Balance_cost_shortens_the_longest_route()
    {
        // Stops at 10, 20, 30, 40 in one direction: one vehicle doing all is shortest in total.
        var matrix = Matrix((0, 0), (10, 0), (20, 0), (30, 0), (40, 0), (0, 5));
        RoutingProblem Problem(long balance) => new(
            matrix,
            [Stop("a", 1), Stop("b", 2), Stop("c", 3), Stop("d", 4), Stop("e", 5)],
            [Vehicle("v1"), Vehicle("v2")],
            new RoutingCosts(BalanceCostPerSecond: balance));

        var unbalanced = _solver.Solve(Problem(0), Options());
        var balanced = _solver.Solve(Problem(10), Options());

        static long Longest(RoutingSolution s) => s.Vehicles.Max(v => v.Trips.Sum(t => t.ReturnSeconds - t.DepartSeconds));
        Assert.Empty(RouteChecker.Check(Problem(10), balanced, requireEveryStop: true));
        Assert.True(Longest(balanced) < Longest(unbalanced), $"{Longest(balanced)} vs {Longest(unbalanced)}");
    }
}
