using Dispatch.Planning.Routing;
using Dispatch.Planning.Validation;
using static Dispatch.Planning.Tests.Routing.LineWorld;

namespace Dispatch.Planning.Tests.Routing;

public class RouteCheckerTests
{
    private static readonly RoutingProblem s_problem = new(
        Matrix((0, 0), (10, 0), (20, 0)),
        [Stop("a", 1, 6, window: new TimeWindow(0, 50)), Stop("b", 2, 6) with { ReadyAtSeconds = 100 }],
        [Vehicle("v", capacityGrams: 10)],
        new RoutingCosts());

    private static RoutingSolution OneTrip(int depart, params Visit[] visits) =>
        new(true, 0, [new VehicleRoute("v", 0, [new Trip(0, depart, 1_000, visits.Sum(v => s_problem.Stops[v.StopIndex].DemandGrams), 0, visits)])], []);

    [Fact]
    public void Overloaded_trip_is_reported()
    {
        var solution = OneTrip(100, new Visit("a", 0, 110, 110, 6), new Visit("b", 1, 120, 120, 12));

        Assert.Contains(RouteChecker.Check(s_problem, solution), v => v.Contains("capacity", StringComparison.Ordinal));
    }

    [Fact]
    public void Service_outside_the_window_and_before_ready_are_reported()
    {
        var solution = OneTrip(0, new Visit("a", 0, 10, 60, 6));
        var early = OneTrip(0, new Visit("b", 1, 20, 20, 6));

        Assert.Contains(RouteChecker.Check(s_problem, solution), v => v.Contains("outside", StringComparison.Ordinal));
        Assert.Contains(RouteChecker.Check(s_problem, early), v => v.Contains("ready", StringComparison.Ordinal));
    }

    [Fact]
    public void A_stop_served_twice_or_silently_missing_is_reported()
    {
        var twice = OneTrip(0, new Visit("a", 0, 10, 10, 6), new Visit("a", 0, 10, 10, 6));

        var violations = RouteChecker.Check(s_problem, twice);

        Assert.Contains(violations, v => v.Contains("served 2 times", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("neither served nor reported", StringComparison.Ordinal));
    }
}
