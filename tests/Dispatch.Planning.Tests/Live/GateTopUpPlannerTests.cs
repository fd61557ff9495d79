using Dispatch.Domain.Geography;
using Dispatch.Domain.Orders;
using Dispatch.Domain.Scenarios;
using Dispatch.Domain.Supply;
using Dispatch.Planning.Checks;
using Dispatch.Planning.District;
using Dispatch.Planning.Live;
using static Dispatch.Planning.Tests.District.SmallDistrict;

namespace Dispatch.Planning.Tests.Live;

public sealed class GateTopUpPlannerTests
{
    private static readonly BundleCounts TwoVegetables = new(0, 2, 0, 0);
    private const int TenOClock = 10 * 3_600;

    [Fact]
    public void New_orders_get_a_truck_after_its_planned_trip_cycles_after_the_planned_ones_and_slots_from_their_ready_time()
    {
        var households = Enumerable.Range(1, 5).Select(i => Household($"m{i}", RiskLevel.Medium, metresNorth: 100 + (i * 20))).ToList();
        var scenario = Create(households);
        var planned = households.Take(3).Select(h => Order(h.Id, TwoVegetables)).ToList();
        var input = Input(scenario, planned);
        var plan = new DistrictPlanner().Plan(input);
        var fresh = households.Skip(3).Select(h => Order(h.Id, TwoVegetables)).ToList();

        var topUp = new GateTopUpPlanner().Plan(TopUpInput(scenario, plan, planned, fresh, TenOClock));

        var plannedTrip = Assert.Single(plan.TruckRoutes.Single().Trips);
        var added = Assert.Single(Assert.Single(topUp.AddedTrips).Trips);
        Assert.Equal("T1", topUp.AddedTrips.Single().TruckId);
        Assert.Equal(plannedTrip.Number + 1, added.Number);
        Assert.True(added.DepartSeconds >= Math.Max(TenOClock + 1_800, plannedTrip.ReturnSeconds + 1_800), $"left at {added.DepartSeconds} s");
        var stop = Assert.Single(added.Stops);
        Assert.Contains("+1#", stop.LoadId, StringComparison.Ordinal);

        var before = plan.GateCycles.Single().Cycles;
        Assert.Equal(before, topUp.Cycles.Cycles.Take(before.Count));
        var newCycles = topUp.Cycles.Cycles.Skip(before.Count).ToList();
        Assert.NotEmpty(newCycles);
        Assert.All(newCycles, c => Assert.True(c.StartAtSeconds >= Math.Max(before[^1].EndAtSeconds, stop.UnloadStartSeconds + input.Settings.TruckUnloadSeconds)));

        Assert.Equal(2, topUp.Outcomes.Count);
        Assert.All(topUp.Outcomes, o =>
        {
            Assert.Equal(OrderFate.PickupSlot, o.Fate);
            Assert.Equal(newCycles[^1].EndAtSeconds, o.ReadyAtSeconds);
            Assert.True(o.ServedAtSeconds >= o.ReadyAtSeconds);
            Assert.Equal($"{stop.LoadId}/1", o.ConsignmentId);
        });

        // The planned households keep their slots.
        var plannedSlots = plan.PickupSlots.Single().Assignments;
        Assert.All(plannedSlots, a => Assert.Contains(a, topUp.Slots.Assignments));

        var whole = Merge(plan, topUp);
        var wholeInput = Input(scenario, [.. planned, .. fresh]);
        whole = whole with { Kpis = PlanKpiCalculator.Recount(whole, scenario, wholeInput.Settings, wholeInput.Orders.ToDictionary(o => o.Id)) };
        Assert.Empty(PlanChecks.Violations(wholeInput, whole));
    }

    [Fact]
    public void Low_risk_households_of_a_top_up_get_free_pickup_windows_under_the_crowd_cap_beside_those_already_told()
    {
        // Crowd cap 2: the planned day already seats four low-risk households in 30-minute windows; the two new ones
        // get windows from their ready time where the zone still holds at most two people at every moment.
        var households = Enumerable.Range(1, 6).Select(i => Household($"l{i}", RiskLevel.Low, metresNorth: 100 + (i * 20))).ToList();
        var scenario = Create(households, crowdCap: 2);
        var planned = households.Take(4).Select(h => Order(h.Id, TwoVegetables)).ToList();
        var plan = new DistrictPlanner().Plan(Input(scenario, planned));
        var fresh = households.Skip(4).Select(h => Order(h.Id, TwoVegetables)).ToList();

        var topUp = new GateTopUpPlanner().Plan(TopUpInput(scenario, plan, planned, fresh, TenOClock));

        var windows = topUp.Slots.FreeWindows!;
        Assert.Equal(6, windows.Count);
        Assert.All(plan.PickupSlots.Single().FreeWindows!, w => Assert.Contains(w, windows));
        Assert.All(topUp.Outcomes, o =>
        {
            Assert.Equal(OrderFate.FreePickup, o.Fate);
            var window = windows.Single(w => w.HouseholdId == o.HouseholdId);
            Assert.True(window.StartAtSeconds >= o.ReadyAtSeconds);
            Assert.Equal(window.StartAtSeconds, o.ServedAtSeconds);
            Assert.Equal(window.EndAtSeconds, o.PickupUntilSeconds);
        });
        foreach (int t in windows.Select(w => w.StartAtSeconds))
        {
            Assert.True(windows.Count(w => w.StartAtSeconds <= t && t < w.EndAtSeconds) <= 2, $"crowd at {t} s");
        }

        var whole = Merge(plan, topUp);
        var wholeInput = Input(scenario, [.. planned, .. fresh]);
        whole = whole with { Kpis = PlanKpiCalculator.Recount(whole, scenario, wholeInput.Settings, wholeInput.Orders.ToDictionary(o => o.Id)) };
        Assert.Empty(PlanChecks.Violations(wholeInput, whole));
    }

    [Fact]
    public void A_top_up_cycle_waits_until_its_goods_fit_the_storage_zone_beside_the_planned_goods()
    {
        // Storage holds exactly the planned day's goods, released in one cycle, and with a crowd cap of 1 they leave one
        // slot at a time: the top-up's six orders are released only once six planned households' slots have ended, and
        // the storage zone never overflows.
        var households = Enumerable.Range(1, 46).Select(i => Household($"m{i:D2}", RiskLevel.Medium, metresNorth: 100 + (i * 5))).ToList();
        var planned = households.Take(40).Select(h => Order(h.Id, TwoVegetables)).ToList();
        long plannedGrams = planned.Sum(o => o.Bundles.WeightGrams(BundleCatalog.Standard));
        var small = Create(households, crowdCap: 1);
        var scenario = small with { Gates = small.Gates.Select(g => g with { Storage = new StorageZone(plannedGrams) }).ToList() };
        var plan = new DistrictPlanner().Plan(Input(scenario, planned));
        var fresh = households.Skip(40).Select(h => Order(h.Id, TwoVegetables)).ToList();

        var topUp = new GateTopUpPlanner().Plan(TopUpInput(scenario, plan, planned, fresh, 7 * 3_600));

        Assert.All(plan.Orders, o => Assert.True(o.IsServed, o.Reason));
        var newCycles = topUp.Cycles.Cycles.Skip(plan.GateCycles.Single().Cycles.Count).ToList();
        var cycle = Assert.Single(newCycles);
        Assert.True(cycle.StorageWaitSeconds > 0, "the top-up cycle should wait for room in the storage zone");
        var sixthSlotEnd = plan.PickupSlots.Single().Assignments.Select(a => a.StartAtSeconds + PlanningSettings.Quick.SlotSeconds).Order().ElementAt(5);
        Assert.Equal(sixthSlotEnd, cycle.EndAtSeconds);
        Assert.All(topUp.Outcomes, o => Assert.Equal(OrderFate.PickupSlot, o.Fate));

        var whole = Merge(plan, topUp);
        var wholeInput = Input(scenario, [.. planned, .. fresh]);
        whole = whole with { Kpis = PlanKpiCalculator.Recount(whole, scenario, wholeInput.Settings, wholeInput.Orders.ToDictionary(o => o.Id)) };
        Assert.Empty(PlanChecks.Violations(wholeInput, whole));
    }

    [Fact]
    public void Stock_the_plan_already_promised_is_not_promised_again()
    {
        var households = new[] { Household("a", RiskLevel.Medium), Household("b", RiskLevel.Medium) };
        var scenario = Create(households, stock: new BundleCounts(0, 3, 0, 0));
        var planned = new[] { Order("a", TwoVegetables) };
        var plan = new DistrictPlanner().Plan(Input(scenario, planned));

        var topUp = new GateTopUpPlanner().Plan(TopUpInput(scenario, plan, planned, [Order("b", TwoVegetables)], TenOClock));

        var outcome = Assert.Single(topUp.Outcomes);
        Assert.Equal(OrderFate.Unfilled, outcome.Fate);
        Assert.Equal(BundleKind.Vegetable, outcome.ShortKind);
        Assert.Empty(topUp.AddedTrips);
        Assert.Equal(plan.GateCycles.Single(), topUp.Cycles);
    }

    [Fact]
    public void Orders_no_truck_can_still_carry_today_are_unassigned_with_the_reason()
    {
        var households = new[] { Household("a", RiskLevel.Medium), Household("b", RiskLevel.Medium) };
        var scenario = Create(households);
        var planned = new[] { Order("a", TwoVegetables) };
        var plan = new DistrictPlanner().Plan(Input(scenario, planned));

        // The only truck's shift ends at 17:00; packing alone takes until 17:15.
        var topUp = new GateTopUpPlanner().Plan(TopUpInput(scenario, plan, planned, [Order("b", TwoVegetables)], (16 * 3_600) + 2_700));

        var outcome = Assert.Single(topUp.Outcomes);
        Assert.Equal(OrderFate.Unassigned, outcome.Fate);
        Assert.StartsWith("no truck", outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(topUp.AddedTrips);
    }

    [Fact]
    public void Door_orders_become_door_deliveries_ready_at_their_release_heavy_ones_in_parcels()
    {
        var households = new[] { Household("a", RiskLevel.High), Household("b", RiskLevel.High), Household("heavy", RiskLevel.High) };
        var scenario = Create(households);
        var planned = new[] { Order("a", TwoVegetables) };
        var plan = new DistrictPlanner().Plan(Input(scenario, planned));

        // 10 vegetable bundles are 40 kg: two 20 kg parcels for a volunteer who carries 20 kg.
        var topUp = new GateTopUpPlanner().Plan(TopUpInput(scenario, plan, planned, [Order("b", TwoVegetables), Order("heavy", new BundleCounts(0, 10, 0, 0))], TenOClock));

        Assert.All(topUp.Outcomes, o => Assert.Equal(OrderFate.DoorDelivery, o.Fate));
        var release = topUp.Cycles.Cycles[^1].EndAtSeconds;
        Assert.Equal(["O-b", "O-heavy#1/2", "O-heavy#2/2"], topUp.DoorDeliveries.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.All(topUp.DoorDeliveries, d => Assert.Equal(release, d.ReadyAtSeconds));
        Assert.Equal(40_000, topUp.DoorDeliveries.Where(d => d.Household.Id == "heavy").Sum(d => d.WeightGrams));
    }

    [Fact]
    public void A_second_top_up_takes_new_load_ids()
    {
        var households = Enumerable.Range(1, 3).Select(i => Household($"m{i}", RiskLevel.Medium)).ToList();
        var scenario = Create(households);
        var planned = new[] { Order("m1", TwoVegetables) };
        var plan = new DistrictPlanner().Plan(Input(scenario, planned));
        var first = new GateTopUpPlanner().Plan(TopUpInput(scenario, plan, planned, [Order("m2", TwoVegetables)], TenOClock));
        var afterFirst = Merge(plan, first);

        var second = new GateTopUpPlanner().Plan(TopUpInput(scenario, afterFirst, [.. planned, Order("m2", TwoVegetables)], [Order("m3", TwoVegetables)], TenOClock));

        var loadIds = GateTopUpResult.Append(afterFirst.TruckRoutes, second.AddedTrips).SelectMany(r => r.Trips).SelectMany(t => t.Stops).Select(s => s.LoadId).ToList();
        Assert.Equal(3, loadIds.Distinct().Count());
        Assert.Contains(loadIds, id => id.Contains("+2#", StringComparison.Ordinal));
        Assert.True(second.AddedTrips.Single().Trips.Single().DepartSeconds >= first.AddedTrips.Single().Trips.Single().ReturnSeconds);
    }

    [Fact]
    public void Recounted_kpis_of_a_fresh_plan_are_the_planners_and_a_top_up_counts_its_orders()
    {
        var households = new[] { Household("a", RiskLevel.High), Household("b", RiskLevel.Medium), Household("c", RiskLevel.Low), Household("d", RiskLevel.Medium) };
        var scenario = Create(households, stock: new BundleCounts(0, 7, 0, 0));
        var planned = households.Take(3).Select(h => Order(h.Id, TwoVegetables)).ToList();
        var plan = new DistrictPlanner().Plan(Input(scenario, planned));

        var recounted = PlanKpiCalculator.Recount(plan, scenario, PlanningSettings.Quick, planned.ToDictionary(o => o.Id));

        Assert.Equal(plan.Kpis with { UnfilledByBundle = recounted.UnfilledByBundle }, recounted);
        Assert.Equal(plan.Kpis.UnfilledByBundle, recounted.UnfilledByBundle);

        // 6 of 7 bundles are promised: the top-up's order of two cannot be filled.
        var topUp = new GateTopUpPlanner().Plan(TopUpInput(scenario, plan, planned, [Order("d", TwoVegetables)], TenOClock));
        var after = PlanKpiCalculator.Recount(Merge(plan, topUp), scenario, PlanningSettings.Quick, planned.Append(Order("d", TwoVegetables)).ToDictionary(o => o.Id));
        Assert.Equal(4, after.Orders);
        Assert.Equal(4, after.HouseholdsOrdering);
        Assert.Equal(3, after.HouseholdsServed);
        Assert.Equal(1, after.Unfilled);
        Assert.Equal(6.0 / 7, after.Utilisation.Stock, 6);
    }

    private static GateTopUpInput TopUpInput(Scenario scenario, Plan plan, IReadOnlyList<Order> planned, IReadOnlyList<Order> fresh, int nowSeconds) =>
        new(new ScenarioIndex(scenario), "G1", fresh, plan, planned.ToDictionary(o => o.Id), nowSeconds, PlanningSettings.Quick with { ProbeBottleneck = false, ParallelGates = 1 });

    /// <summary>What live dispatch does with a top-up of pickup orders (door orders also go through the gate re-plan).</summary>
    private static Plan Merge(Plan plan, GateTopUpResult topUp) => plan with
    {
        TruckRoutes = GateTopUpResult.Append(plan.TruckRoutes, topUp.AddedTrips),
        GateCycles = [topUp.Cycles],
        PickupSlots = [topUp.Slots],
        Orders = [.. plan.Orders, .. topUp.Outcomes],
    };
}
