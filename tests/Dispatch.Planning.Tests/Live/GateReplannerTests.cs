using Dispatch.Domain.Geography;
using Dispatch.Domain.Scenarios;
using Dispatch.Domain.Supply;
using Dispatch.Planning.Checks;
using Dispatch.Planning.District;
using Dispatch.Planning.Doors;
using Dispatch.Planning.Live;
using Dispatch.Planning.Travel;
using static Dispatch.Planning.Tests.District.SmallDistrict;

namespace Dispatch.Planning.Tests.Live;

public sealed class GateReplannerTests
{
    private static readonly BundleCounts TwoVegetables = new(0, 2, 0, 0);

    private static (PlanningInput Input, Plan Plan) PlanSixDoors()
    {
        var households = Enumerable.Range(1, 6).Select(i => Household($"h{i}", RiskLevel.High, metresNorth: 100 + (i * 30))).ToList();
        var input = Input(Create(households, volunteers: 3), households.Select(h => Order(h.Id, TwoVegetables)).ToList());
        return (input, new DistrictPlanner().Plan(input));
    }

    private static GateReplanInput ReplanInput(PlanningInput input, Plan plan, IReadOnlyDictionary<string, StopReport> reports, params string[] unavailable) =>
        ReplanInput(input, plan, plan.Orders, reports, unavailable);

    private static GateReplanInput ReplanInput(PlanningInput input, Plan plan, IReadOnlyList<OrderOutcome> outcomes, IReadOnlyDictionary<string, StopReport> reports, params string[] unavailable)
    {
        var doors = plan.DoorRoutes.Single();
        var orders = input.Orders.ToDictionary(o => o.Id);
        var deliveries = new GateDoorDeliveries().Of(new GateDoorDeliveriesInput(doors, outcomes, orders, new ScenarioIndex(input.Scenario))).Deliveries;
        int notBefore = GateReplanInput.NotBeforeOf(doors, reports, nowSeconds: 0);
        return new GateReplanInput(
            input.Scenario.Gates.Single(), doors, outcomes, deliveries,
            input.Scenario.Volunteers.Where(v => !unavailable.Contains(v.Id)).ToList(),
            reports, notBefore, HaversineTravelMatrix.Walking(), input.Settings.Door);
    }

    // The server recounts a changed plan's KPIs (LiveCoordinator); the checker holds the plan to them.
    private static Plan Recounted(PlanningInput input, Plan plan) =>
        plan with { Kpis = PlanKpiCalculator.Recount(plan, input.Scenario, input.Settings, input.Orders.ToDictionary(o => o.Id)) };

    private static Plan WithGate(Plan plan, GateReplanResult result) =>
        new GatePlanMerge().Merge(new GatePlanMergeInput(plan, result.Doors.GateId, result.Doors, result.Outcomes)).Plan;

    [Fact]
    public void Started_trip_stays_as_it_was_and_a_door_that_did_not_answer_is_tried_again_after_the_delay()
    {
        var (input, plan) = PlanSixDoors();
        Assert.Empty(PlanChecks.Violations(input, plan));
        var v1 = plan.DoorRoutes.Single().Routes.Single(r => r.VolunteerId == "V1");
        var firstTrip = v1.Trips[0];
        var reports = new Dictionary<string, StopReport>
        {
            [firstTrip.Doors[0].DeliveryId] = new(firstTrip.Doors[0].DeliveryId, "V1", Delivered: false, Retry: true, "no answer"),
        };
        var replanInput = ReplanInput(input, plan, reports);

        var result = new GateReplanner().Replan(replanInput);

        Assert.Equal(firstTrip, result.Doors.Routes.Single(r => r.VolunteerId == "V1").Trips[0]);
        var retryId = DeliveryIds.RetryOf(firstTrip.Doors[0].DeliveryId);
        var retryTrip = result.Doors.Routes.SelectMany(r => r.Trips).Single(t => t.Doors.Any(d => d.DeliveryId == retryId));
        Assert.True(retryTrip.LeaveGateSeconds >= replanInput.NotBeforeSeconds + replanInput.RetryDelaySeconds);
        var outcome = result.Outcomes.Single(o => o.OrderId == DeliveryIds.OrderIdOf(retryId));
        Assert.Equal(OrderFate.DoorDelivery, outcome.Fate);
        Assert.True(outcome.ServedAtSeconds >= retryTrip.LeaveGateSeconds);
        Assert.Empty(PlanChecks.Violations(input, Recounted(input, WithGate(plan, result))));
    }

    [Fact]
    public void Given_up_door_is_reported_unassigned_with_the_reason_and_nobody_else_moves()
    {
        var (input, plan) = PlanSixDoors();
        var doors = plan.DoorRoutes.Single();
        var failing = doors.Routes.Single(r => r.VolunteerId == "V1").Trips[0].Doors[0].DeliveryId;
        var reports = new Dictionary<string, StopReport> { [failing] = new(failing, "V1", Delivered: false, Retry: false, "refused") };

        var result = new GateReplanner().Replan(ReplanInput(input, plan, reports));

        Assert.Equal(doors.Routes, result.Doors.Routes, new RouteComparer());
        var outcome = result.Outcomes.Single(o => o.OrderId == DeliveryIds.OrderIdOf(failing));
        Assert.Equal(OrderFate.Unassigned, outcome.Fate);
        Assert.Contains("refused", outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(PlanChecks.Violations(input, Recounted(input, WithGate(plan, result))));
    }

    [Fact]
    public void Volunteer_dropping_out_keeps_what_they_did_and_their_other_doors_go_to_the_others()
    {
        var (input, plan) = PlanSixDoors();
        var v2 = plan.DoorRoutes.Single().Routes.Single(r => r.VolunteerId == "V2");
        var done = v2.Trips[0].Doors[0].DeliveryId;
        var reports = new Dictionary<string, StopReport> { [done] = new(done, "V2", Delivered: true, Retry: false, string.Empty) };

        var result = new GateReplanner().Replan(ReplanInput(input, plan, reports, "V2"));

        var v2Now = result.Doors.Routes.Single(r => r.VolunteerId == "V2");
        Assert.Equal([done], v2Now.Trips.SelectMany(t => t.Doors).Select(d => d.DeliveryId));
        var others = result.Doors.Routes.Where(r => r.VolunteerId != "V2").SelectMany(r => r.Trips).SelectMany(t => t.Doors).Select(d => d.DeliveryId).ToHashSet();
        Assert.All(v2.Trips.SelectMany(t => t.Doors).Select(d => d.DeliveryId).Where(id => id != done), id => Assert.Contains(id, others));
        Assert.All(result.Outcomes, o => Assert.Equal(OrderFate.DoorDelivery, o.Fate));
        Assert.Empty(PlanChecks.Violations(input, Recounted(input, WithGate(plan, result))));
    }

    [Fact]
    public void Late_truck_moves_the_cycles_and_every_door_trip_leaves_after_the_new_release()
    {
        var (input, plan) = PlanSixDoors();
        var (onGround, late, moved, trucks) = LateTruck.Arrives(input, plan, 7_200);

        var result = new GateReplanner().Replan(ReplanInput(input, plan, moved.Outcomes, new Dictionary<string, StopReport>()));

        Assert.All(moved.Cycles.Cycles.Where(c => c.Loads.Any(l => late.Contains(l.ConsignmentId))), c => Assert.True(c.StartAtSeconds >= onGround));
        Assert.All(result.Doors.Routes.SelectMany(r => r.Trips), t => Assert.True(t.LeaveGateSeconds >= onGround + 600 + 1_800));
        var replanned = WithGate(plan, result) with { GateCycles = [moved.Cycles], TruckRoutes = trucks };
        Assert.Empty(PlanChecks.Violations(input, replanned));
    }

    [Fact]
    public void A_trip_that_left_the_gate_stays_as_it_is_even_with_no_stop_reported_yet()
    {
        var (input, plan) = PlanSixDoors();
        var v2 = plan.DoorRoutes.Single().Routes.Single(r => r.VolunteerId == "V2");
        var first = v2.Trips[0];

        // Goods said to be ready an hour later (a late truck): trips not started are moved, a started one is not.
        var later = plan.Orders.Select(o => o with { ReadyAtSeconds = o.ReadyAtSeconds + 3_600 }).ToList();
        var started = new GateReplanner().Replan(ReplanInput(input, plan, later, new Dictionary<string, StopReport>()) with { StartedTrips = new HashSet<VolunteerTripRef> { new("V2", first.Number) } });
        var notStarted = new GateReplanner().Replan(ReplanInput(input, plan, later, new Dictionary<string, StopReport>()));

        Assert.Contains(first, started.Doors.Routes.Single(r => r.VolunteerId == "V2").Trips);
        Assert.DoesNotContain(notStarted.Doors.Routes.SelectMany(r => r.Trips), t => t.LeaveGateSeconds == first.LeaveGateSeconds && t.Doors.SequenceEqual(first.Doors));
        Assert.All(started.Doors.Routes, r => Assert.Equal(r.Trips.Count, r.Trips.Select(t => t.Number).Distinct().Count()));
    }

    [Fact]
    public void A_volunteer_dropping_out_on_a_trip_with_nothing_reported_hands_all_of_it_back()
    {
        var (input, plan) = PlanSixDoors();
        var first = plan.DoorRoutes.Single().Routes.Single(r => r.VolunteerId == "V2").Trips[0];

        var result = new GateReplanner().Replan(ReplanInput(input, plan, new Dictionary<string, StopReport>(), "V2") with { StartedTrips = new HashSet<VolunteerTripRef> { new("V2", first.Number) } });

        Assert.DoesNotContain(result.Doors.Routes, r => r.VolunteerId == "V2" && r.Trips.Count > 0);
        var others = result.Doors.Routes.SelectMany(r => r.Trips).SelectMany(t => t.Doors).Select(d => d.DeliveryId).ToHashSet();
        Assert.All(first.Doors, d => Assert.Contains(d.DeliveryId, others));
        Assert.Empty(PlanChecks.Violations(input, Recounted(input, WithGate(plan, result))));
    }

    [Fact]
    public void New_trips_never_take_the_number_of_a_kept_one()
    {
        var (input, plan) = PlanSixDoors();
        var route = plan.DoorRoutes.Single().Routes.First(r => r.Trips.Count > 0);
        var doors = plan.DoorRoutes.Single() with { Routes = [route with { Trips = [route.Trips[0] with { Number = 2 }] }] };
        var input2 = ReplanInput(input, plan, new Dictionary<string, StopReport>()) with { Current = doors };

        var result = new GateReplanner().Replan(input2);

        Assert.All(result.Doors.Routes, r => Assert.Equal(r.Trips.Count, r.Trips.Select(t => t.Number).Distinct().Count()));
        Assert.Contains(result.Doors.Routes.Single(r => r.VolunteerId == route.VolunteerId).Trips, t => t.Number == 2 && t.Doors.SequenceEqual(route.Trips[0].Doors));
    }

    private sealed class RouteComparer : IEqualityComparer<VolunteerRoute>
    {
        public bool Equals(VolunteerRoute? x, VolunteerRoute? y) => x!.VolunteerId == y!.VolunteerId && x.Trips.SequenceEqual(y.Trips);

        public int GetHashCode(VolunteerRoute obj) => obj.VolunteerId.GetHashCode(StringComparison.Ordinal);
    }
}
