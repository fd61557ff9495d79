using Dispatch.Domain.People;
using Dispatch.Planning.Doors;
using Dispatch.Planning.Routing;
using Dispatch.Planning.Travel;
using Dispatch.Planning.Validation;
using static Dispatch.Planning.Tests.Places;

namespace Dispatch.Planning.Tests.Doors;

public class DoorRouterTests
{
    private static readonly RoutingOptions s_options = new(TimeSpan.FromSeconds(1));

    [Fact]
    public void Stairs_without_elevator_add_time_up_and_down()
    {
        var settings = new DoorRoutingSettings(DropOffSeconds: 60, StairsUpSecondsPerFloor: 15, StairsDownSecondsPerFloor: 15);

        Assert.Equal(60 + (5 * 30), settings.ServiceSeconds(Household("h", Origin, floor: 6, elevator: false)));
        Assert.Equal(60, settings.ServiceSeconds(Household("h", Origin, floor: 6, elevator: true)));
    }

    [Fact]
    public void Goods_leave_the_gate_only_after_disinfection_and_trips_respect_the_carry_limit()
    {
        var gate = Gate("g1", Origin);
        var deliveries = Enumerable.Range(1, 6)
            .Select(i => new DoorDelivery($"d{i}", Household($"h{i}", North(50 * i), floor: i, elevator: false), 5_000, ReadyAtSeconds: 3_600 * (i % 2 == 0 ? 2 : 1)))
            .ToList();
        var input = new DoorRoutingInput(gate, deliveries, [Volunteer("v1", "g1", carryGrams: 10_000)], HaversineTravelMatrix.Walking(), s_options, DoorRoutingSettings.Default);

        var plan = DoorRouter.Plan(input);
        var solution = new VehicleRoutingSolver().Solve(plan.Problem, s_options);
        var result = DoorRouter.Read(plan, solution);

        Assert.Empty(RouteChecker.Check(plan.Problem, solution, requireEveryStop: true));
        var trips = Assert.Single(result.Routes).Trips;
        Assert.True(trips.Count >= 3);
        Assert.All(trips, t => Assert.True(t.CarriedGrams <= 10_000));
        var readyAt = deliveries.ToDictionary(d => d.Id, d => d.ReadyAtSeconds);
        Assert.All(trips, t => Assert.All(t.Doors, d => Assert.True(t.LeaveGateSeconds >= readyAt[d.DeliveryId])));
    }

    [Fact]
    public void When_volunteers_run_short_vulnerable_households_are_served_and_ordinary_ones_dropped()
    {
        var gate = Gate("g1", Origin);
        var deliveries = Enumerable.Range(1, 6)
            .Select(i => new DoorDelivery(
                $"d{i}",
                Household($"h{i}", East(40 * i), vulnerability: i % 2 == 0 ? Vulnerability.ElderlyAlone : Vulnerability.None),
                2_000,
                0))
            .ToList();
        var input = new DoorRoutingInput(gate, deliveries, [Volunteer("v1", "g1", maxHouseholds: 3)], HaversineTravelMatrix.Walking(), s_options, DoorRoutingSettings.Default);

        var result = new DoorRouter().Route(input);

        Assert.Equal(3, result.DoorsServed);
        Assert.All(result.Routes.SelectMany(r => r.Trips).SelectMany(t => t.Doors), d => Assert.True(d.Vulnerable));
        Assert.All(result.Unassigned, u =>
        {
            Assert.False(u.Vulnerable);
            Assert.Equal(UnassignedReason.NoCapacityOrTimeLeft, u.Reason);
        });
    }

    [Fact]
    public void Vulnerable_households_are_visited_before_ordinary_ones_nearby()
    {
        // The ordinary door is on the way, but the vulnerable one should not wait for it.
        var gate = Gate("g1", Origin);
        var deliveries = new[]
        {
            new DoorDelivery("ordinary", Household("h1", North(100)), 1_000, 0),
            new DoorDelivery("vulnerable", Household("h2", North(200), vulnerability: Vulnerability.LimitedMobility), 1_000, 0),
        };
        var settings = DoorRoutingSettings.Default with { VulnerableWaitCostPerSecond = 100 };
        var input = new DoorRoutingInput(gate, deliveries, [Volunteer("v1", "g1")], HaversineTravelMatrix.Walking(), s_options, settings);

        var result = new DoorRouter().Route(input);

        var doors = result.Routes.SelectMany(r => r.Trips).SelectMany(t => t.Doors).OrderBy(d => d.DropOffStartSeconds).ToList();
        Assert.Equal("vulnerable", doors[0].DeliveryId);
    }

    [Fact]
    public void Without_volunteers_at_the_gate_every_delivery_is_reported()
    {
        var input = new DoorRoutingInput(
            Gate("g1", Origin),
            [new DoorDelivery("d1", Household("h1", North(100)), 1_000, 0)],
            [Volunteer("elsewhere", "g2")],
            HaversineTravelMatrix.Walking(),
            s_options,
            DoorRoutingSettings.Default);

        var result = new DoorRouter().Route(input);

        Assert.Equal(UnassignedReason.NoAllowedVehicle, Assert.Single(result.Unassigned).Reason);
    }
}
