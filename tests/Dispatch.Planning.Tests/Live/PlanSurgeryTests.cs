using Dispatch.Planning.Doors;
using Dispatch.Planning.Live;
using Dispatch.Planning.Trucks;
using static Dispatch.Planning.Tests.Live.PlanSurgery;

namespace Dispatch.Planning.Tests.Live;

/// <summary>The pure pieces live dispatch re-plans a gate with: merge, moved stops, door deliveries, late unloads.</summary>
public sealed class PlanSurgeryTests
{
    [Fact]
    public void A_merged_gate_replaces_its_doors_outcomes_cycles_and_slots_and_leaves_the_other_gate_alone()
    {
        var latest = TwoGates();
        var doors = new DoorRoutingResult("G1", [new VolunteerRoute("V1", [DoorTrip(1, Door("O-b", 5_000))])], []);

        var merged = new GatePlanMerge().Merge(new GatePlanMergeInput(
            latest,
            "G1",
            doors,
            [Outcome("O-b", "G1", readyAt: 4_000), Outcome("O-0", "G1"), Outcome("O-b", "G1", readyAt: 9_999)],
            Cycles: Cycles("G1", 2_500),
            Slots: Slots("G1", 3)));

        var plan = merged.Plan;
        Assert.Equal(["G2", "G1"], plan.DoorRoutes.Select(d => d.GateId));
        Assert.Same(doors, plan.DoorRoutes[1]);
        Assert.Same(latest.DoorRoutes[1], plan.DoorRoutes[0]);

        // Replaced in place, the first of two for one order wins; a new order joins; sorted by order id.
        Assert.Equal(["O-0", "O-a", "O-b", "O-c", "O-d"], plan.Orders.Select(o => o.OrderId));
        Assert.Equal(4_000, plan.Orders.Single(o => o.OrderId == "O-b").ReadyAtSeconds);
        Assert.Same(latest.Orders[0], plan.Orders[1]);

        Assert.Equal([("G2", 4_000), ("G1", 2_500)], plan.GateCycles.Select(c => (c.GateId, c.Cycles[0].StartAtSeconds)));
        Assert.Equal([("G2", 1), ("G1", 3)], plan.PickupSlots.Select(s => (s.GateId, s.Slots.Count)));
        Assert.Same(latest.TruckRoutes, plan.TruckRoutes);
        Assert.False(merged.TrucksChanged);
    }

    [Fact]
    public void A_merge_without_cycles_or_slots_keeps_the_plans_ones()
    {
        var latest = TwoGates();

        var plan = new GatePlanMerge().Merge(new GatePlanMergeInput(latest, "G2", new DoorRoutingResult("G2", [], []), [])).Plan;

        Assert.Same(latest.GateCycles, plan.GateCycles);
        Assert.Same(latest.PickupSlots, plan.PickupSlots);
        Assert.Equal(latest.Orders, plan.Orders);
    }

    [Fact]
    public void A_merge_appends_a_top_ups_trips_after_each_trucks_own_and_adds_a_new_truck()
    {
        var latest = TwoGates();
        var added = new List<TruckRoute>
        {
            new("T2", "SM1", [Trip(1, Stop("G1", "L9", 1, 8_000, 8_000))]),
            new("T1", "SM1", [Trip(3, Stop("G1", "L3", 1, 6_000, 6_000))]),
        };

        var merged = new GatePlanMerge().Merge(new GatePlanMergeInput(latest, "G1", new DoorRoutingResult("G1", [], []), [], AddedTrips: added));

        Assert.True(merged.TrucksChanged);
        Assert.Equal(["T1", "T2"], merged.Plan.TruckRoutes.Select(r => r.TruckId));
        Assert.Equal([1, 2, 3], merged.Plan.TruckRoutes[0].Trips.Select(t => t.Number));
        Assert.Equal("L9", merged.Plan.TruckRoutes[1].Trips.Single().Stops.Single().LoadId);
    }

    [Fact]
    public void A_merge_moves_a_late_trucks_stops_on_the_latest_routes()
    {
        var latest = TwoGates();

        var merged = new GatePlanMerge().Merge(new GatePlanMergeInput(
            latest, "G2", new DoorRoutingResult("G2", [], []), [], MovedStops: new MovedTruckStops("T1", [new ExpectedArrival("G2", "L2", 3_000, 3_400)])));

        Assert.True(merged.TrucksChanged);
        var stop = merged.Plan.TruckRoutes.Single().Trips[1].Stops.Single();
        Assert.Equal((3_400, 3_400), (stop.ArrivalSeconds, stop.UnloadStartSeconds));
        Assert.Same(latest.TruckRoutes[0].Trips[0].Stops[0], merged.Plan.TruckRoutes[0].Trips[0].Stops[0]);
    }

    [Fact]
    public void Moved_stops_arrive_when_expected_and_unload_no_earlier_than_planned()
    {
        var routes = new List<TruckRoute>
        {
            new("T1", "SM1", [Trip(1, Stop("G1", "L1", 1, 1_000, 1_500), Stop("G1", "L1", 2, 1_000, 1_500), Stop("G2", "L2", 1, 2_000, 2_000))]),
            new("T2", "SM1", [Trip(1, Stop("G1", "L1", 1, 1_000, 1_000))]),
        };

        // Every piece of L1 (no piece named) now at 1,200: it still waits until 1,500 to unload. Piece 1 of L2 at 2,600.
        var moved = new TruckStopMoves().Move(new TruckStopMovesInput(
            routes, "T1", [new ExpectedArrival("G1", "L1", 1_000, 1_200), new ExpectedArrival("G2", "L2", 2_000, 2_600, Piece: 1)])).Routes;

        Assert.Equal(
            [(1_200, 1_500), (1_200, 1_500), (2_600, 2_600)],
            moved[0].Trips[0].Stops.Select(s => (s.ArrivalSeconds, s.UnloadStartSeconds)));
        Assert.Same(routes[1], moved[1]);
    }

    [Fact]
    public void A_moved_stop_of_another_piece_stays()
    {
        var routes = new List<TruckRoute> { new("T1", "SM1", [Trip(1, Stop("G1", "L1", 1, 1_000, 1_000), Stop("G1", "L1", 2, 1_100, 1_100))]) };

        var moved = new TruckStopMoves().Move(new TruckStopMovesInput(routes, "T1", [new ExpectedArrival("G1", "L1", 1_100, 1_900, Piece: 2)])).Routes;

        Assert.Equal([(1_000, 1_000), (1_900, 1_900)], moved[0].Trips[0].Stops.Select(s => (s.ArrivalSeconds, s.UnloadStartSeconds)));
    }

    [Fact]
    public void Late_unloads_are_every_consignment_at_the_gate_and_the_late_ones_are_the_trucks_load()
    {
        var routes = new List<TruckRoute>
        {
            new("T1", "SM1", [Trip(1, Stop("G1", "L1", 1, 1_000, 1_000, 300), Stop("G1", "L1", 2, 1_000, 1_200, 200), Stop("G2", "L1", 3, 2_000, 2_000))]),
            new("T2", "SM1", [Trip(1, Stop("G1", "L10", 1, 1_500, 1_500, 700))]),
        };

        var result = new LateUnloads().Of(new LateUnloadsInput(routes, "G1", "T1", "L1", UnloadSeconds: 100));

        Assert.Equal(
            [new GateUnload("L1/1", "T1", 300, 1_100), new GateUnload("L1/2", "T1", 200, 1_300), new GateUnload("L10/1", "T2", 700, 1_600)],
            result.Unloads);

        // L10 starts like L1 but is another load (and another truck's).
        Assert.Equal(["L1/1", "L1/2"], result.LateConsignmentIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Door_deliveries_weigh_their_parcel_and_are_ready_with_their_order()
    {
        var households = new[] { SmallDistrictHousehold("H1"), SmallDistrictHousehold("H2") };
        var scenario = new Domain.Scenarios.ScenarioIndex(District.SmallDistrict.Create(households));
        var orders = new Dictionary<string, Domain.Orders.Order>
        {
            ["O-1"] = District.SmallDistrict.Order("H1", new Domain.Supply.BundleCounts(0, 1, 2, 0)),
            ["O-2"] = District.SmallDistrict.Order("H2", new Domain.Supply.BundleCounts(0, 0, 0, 1)),
        };
        orders = orders.ToDictionary(kv => kv.Key, kv => kv.Value with { Id = kv.Key });
        var current = new DoorRoutingResult(
            "G1",
            [new VolunteerRoute("V1", [DoorTrip(1, Door("O-1#1/2", 100), Door("O-2", 200)), DoorTrip(2, Door("O-1#2/2", 300))])],
            [new UnassignedDelivery("O-9", "H9", false, Dispatch.Planning.Routing.UnassignedReason.NoCapacityOrTimeLeft, string.Empty), new UnassignedDelivery("O-2", "H2", false, Dispatch.Planning.Routing.UnassignedReason.NoCapacityOrTimeLeft, string.Empty)]);

        var deliveries = new GateDoorDeliveries().Of(new GateDoorDeliveriesInput(
            current, [Outcome("O-1", "G1", readyAt: 7_000), Outcome("O-2", "G1")], orders, scenario)).Deliveries;

        // Two rice-and-flour (10 kg) and a vegetable (4 kg) in two parcels: rice in each, the vegetable in the first.
        // O-2 once though it is listed twice; O-9 is no order of the day; O-2 has no ready time: 0.
        Assert.Equal(
            [("O-1#1/2", "H1", 14_000L, 7_000), ("O-2", "H2", 500L, 0), ("O-1#2/2", "H1", 10_000L, 7_000)],
            deliveries.Select(d => (d.Id, d.Household.Id, d.WeightGrams, d.ReadyAtSeconds)));
    }

    [Fact]
    public void The_gates_day_stands_at_the_latest_reported_drop_or_now()
    {
        var current = new DoorRoutingResult("G1", [new VolunteerRoute("V1", [DoorTrip(1, Door("a", 1_000, 60), Door("b", 2_000, 90), Door("c", 3_000))])], []);
        var reports = new Dictionary<string, StopReport>
        {
            ["a"] = new("a", "V1", true, false, string.Empty),
            ["b"] = new("b", "V1", false, true, "no answer"),
        };

        Assert.Equal(2_090, GateReplanInput.NotBeforeOf(current, reports, nowSeconds: 1_500));
        Assert.Equal(2_500, GateReplanInput.NotBeforeOf(current, reports, nowSeconds: 2_500));
        Assert.Equal(0, GateReplanInput.NotBeforeOf(current, new Dictionary<string, StopReport>(), nowSeconds: 0));
    }

    private static Domain.People.Household SmallDistrictHousehold(string id) => District.SmallDistrict.Household(id, Domain.Geography.RiskLevel.High);
}
