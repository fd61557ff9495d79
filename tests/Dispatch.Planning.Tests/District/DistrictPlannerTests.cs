using Dispatch.Domain.Geography;
using Dispatch.Domain.People;
using Dispatch.Domain.Supply;
using Dispatch.Planning.Checks;
using Dispatch.Planning.District;
using static Dispatch.Planning.Tests.District.SmallDistrict;

namespace Dispatch.Planning.Tests.District;

public sealed class DistrictPlannerTests
{
    private static readonly BundleCounts OneVegetable = new(0, 1, 0, 0);

    [Fact]
    public void Each_risk_level_gets_its_last_metres_after_the_rest()
    {
        var households = new[]
        {
            Household("high", RiskLevel.High),
            Household("medium", RiskLevel.Medium),
            Household("low", RiskLevel.Low),
            Household("medium-elderly", RiskLevel.Medium, Vulnerability.ElderlyAlone),
        };
        var input = Input(Create(households), households.Select(h => Order(h.Id, OneVegetable)).ToList());

        var plan = new DistrictPlanner().Plan(input);

        Assert.Empty(PlanChecks.Violations(input, plan));
        var fate = plan.Orders.ToDictionary(o => o.HouseholdId, o => o.Fate);
        Assert.Equal(OrderFate.DoorDelivery, fate["high"]);
        Assert.Equal(OrderFate.PickupSlot, fate["medium"]);
        Assert.Equal(OrderFate.FreePickup, fate["low"]);
        Assert.Equal(OrderFate.DoorDelivery, fate["medium-elderly"]);

        // One truck stop, one cycle: everything is released together, 10 min + 30 min after unloading ends.
        var stop = Assert.Single(plan.TruckRoutes.SelectMany(r => r.Trips).SelectMany(t => t.Stops));
        var cycle = Assert.Single(plan.GateCycles.Single().Cycles);
        Assert.True(cycle.StartAtSeconds >= stop.UnloadStartSeconds + input.Settings.TruckUnloadSeconds);
        Assert.Equal(cycle.StartAtSeconds + 600 + 1_800, cycle.EndAtSeconds);
        Assert.All(plan.Orders, o => Assert.Equal(cycle.EndAtSeconds, o.ReadyAtSeconds));
        Assert.Equal(4, plan.Kpis.HouseholdsServed);
        Assert.Equal(1.0, plan.Kpis.ServedShare);
    }

    [Fact]
    public void Short_stock_fills_the_vulnerable_household_and_names_the_bundle_that_ran_out()
    {
        var households = new[] { Household("a-ordinary", RiskLevel.High), Household("b-pregnant", RiskLevel.High, Vulnerability.Pregnant) };
        var input = Input(Create(households, stock: new BundleCounts(0, 1, 0, 0)), households.Select(h => Order(h.Id, OneVegetable)).ToList());

        var plan = new DistrictPlanner().Plan(input);

        Assert.Empty(PlanChecks.Violations(input, plan));
        var unfilled = Assert.Single(plan.Orders, o => o.Fate == OrderFate.Unfilled);
        Assert.Equal("a-ordinary", unfilled.HouseholdId);
        Assert.Equal(BundleKind.Vegetable, unfilled.ShortKind);
        Assert.Equal(1, plan.Kpis.UnfilledByBundle[BundleKind.Vegetable]);
        Assert.Equal(OrderFate.DoorDelivery, plan.Orders.Single(o => o.HouseholdId == "b-pregnant").Fate);
    }

    [Fact]
    public void High_risk_households_without_volunteers_are_unassigned_with_a_reason_never_slotted()
    {
        var households = new[] { Household("h1", RiskLevel.High), Household("h2", RiskLevel.High) };
        var input = Input(Create(households, volunteers: 0), households.Select(h => Order(h.Id, OneVegetable)).ToList());

        var plan = new DistrictPlanner().Plan(input);

        Assert.Empty(PlanChecks.Violations(input, plan));
        Assert.All(plan.Orders, o =>
        {
            Assert.Equal(OrderFate.Unassigned, o.Fate);
            Assert.StartsWith("not trucked today: no volunteer", o.Reason);
        });
        Assert.Empty(plan.PickupSlots.SelectMany(p => p.Assignments));
    }

    [Fact]
    public void Goods_of_orders_the_gate_cannot_serve_stay_at_the_supermarket()
    {
        // Nobody carries to h1's door; h2 collects in a slot. Only h2's goods travel.
        var households = new[] { Household("h1", RiskLevel.High), Household("h2", RiskLevel.Medium) };
        var input = Input(Create(households, volunteers: 0), households.Select(h => Order(h.Id, OneVegetable)).ToList());

        var plan = new DistrictPlanner().Plan(input);

        Assert.Empty(PlanChecks.Violations(input, plan));
        var left = plan.Orders.Single(o => o.HouseholdId == "h1");
        Assert.Null(left.TruckId);
        Assert.StartsWith("not trucked today: ", left.Reason);
        Assert.Equal(OrderFate.PickupSlot, plan.Orders.Single(o => o.HouseholdId == "h2").Fate);
        Assert.Equal(OneVegetable.WeightGrams(BundleCatalog.Standard), plan.TruckRoutes.Sum(r => r.Trips.Sum(t => t.LoadGrams)));
        Assert.Equal(OneVegetable.WeightGrams(BundleCatalog.Standard), plan.GateCycles.Sum(g => g.Cycles.Sum(c => c.LoadGrams)));
    }

    [Fact]
    public void Heavy_order_goes_up_in_parcels_and_counts_as_delivered_once_all_arrive()
    {
        var households = new[] { Household("h1", RiskLevel.High) };
        var input = Input(Create(households), [Order("h1", new BundleCounts(0, 0, 3, 0))]);

        var plan = new DistrictPlanner().Plan(input);

        Assert.Empty(PlanChecks.Violations(input, plan));
        var doors = plan.DoorRoutes.SelectMany(d => d.Routes).SelectMany(r => r.Trips).SelectMany(t => t.Doors).ToList();
        Assert.Equal(2, doors.Count);
        Assert.All(plan.DoorRoutes.SelectMany(d => d.Routes).SelectMany(r => r.Trips), t => Assert.True(t.CarriedGrams <= 20_000));
        var outcome = Assert.Single(plan.Orders);
        Assert.Equal(OrderFate.DoorDelivery, outcome.Fate);
        Assert.Equal(doors.Max(d => d.DropOffStartSeconds + d.ServiceSeconds), outcome.ServedAtSeconds);
    }

    [Fact]
    public void Too_few_volunteers_is_measured_as_the_bottleneck()
    {
        var households = Enumerable.Range(1, 8).Select(i => Household($"h{i}", RiskLevel.High, metresNorth: 100 + (i * 20))).ToArray();
        var input = Input(Create(households, volunteers: 1, maxHouseholdsPerVolunteer: 3), households.Select(h => Order(h.Id, OneVegetable)).ToList(), probe: true);

        var plan = new DistrictPlanner().Plan(input);

        Assert.NotNull(plan.Bottleneck);
        Assert.Equal(PlanResource.Volunteers, plan.Bottleneck!.Resource);
        Assert.Equal(3, plan.Kpis.HouseholdsServed);
        Assert.Equal(3, plan.Bottleneck.Probes.Single(p => p.Resource == PlanResource.Volunteers).Gain);
        Assert.All(plan.Bottleneck.Probes.Where(p => p.Resource != PlanResource.Volunteers), p => Assert.Equal(0, p.Gain));
    }

    [Fact]
    public void Too_little_stock_is_measured_as_the_bottleneck()
    {
        var households = Enumerable.Range(1, 6).Select(i => Household($"h{i}", RiskLevel.Low, metresNorth: 100 + (i * 20))).ToArray();
        var input = Input(Create(households, stock: new BundleCounts(0, 3, 0, 0)), households.Select(h => Order(h.Id, OneVegetable)).ToList(), probe: true);

        var plan = new DistrictPlanner().Plan(input);

        Assert.Equal(PlanResource.Stock, plan.Bottleneck!.Resource);
        Assert.Equal(3, plan.Bottleneck.Probes.Single(p => p.Resource == PlanResource.Stock).Gain);
    }

    [Fact]
    public void Everyone_served_on_time_skips_the_probes_and_names_no_bottleneck()
    {
        var households = new[] { Household("h1", RiskLevel.Low) };
        var input = Input(Create(households), [Order("h1", OneVegetable)], probe: true);

        var plan = new DistrictPlanner().Plan(input);

        Assert.Null(plan.Bottleneck!.Resource);
        Assert.Empty(plan.Bottleneck.Probes);
    }

    [Fact]
    public void Crowd_cap_spreads_medium_risk_households_over_slots()
    {
        var households = Enumerable.Range(1, 7).Select(i => Household($"h{i:D2}", RiskLevel.Medium, metresNorth: 100 + i) with { Building = $"B{i}" }).ToArray();
        var input = Input(Create(households, crowdCap: 3), households.Select(h => Order(h.Id, OneVegetable)).ToList());

        var plan = new DistrictPlanner().Plan(input);

        Assert.Empty(PlanChecks.Violations(input, plan));
        var perSlot = plan.PickupSlots.Single().Assignments.GroupBy(a => a.SlotIndex).Select(g => g.Count()).ToList();
        Assert.Equal(7, perSlot.Sum());
        Assert.All(perSlot, n => Assert.True(n <= 3));
        Assert.True(perSlot.Count >= 3);
    }

    [Fact]
    public void Checker_catches_a_slot_over_the_crowd_cap()
    {
        var households = Enumerable.Range(1, 4).Select(i => Household($"h{i}", RiskLevel.Medium) with { Building = $"B{i}" }).ToArray();
        var input = Input(Create(households, crowdCap: 2), households.Select(h => Order(h.Id, OneVegetable)).ToList());
        var plan = new DistrictPlanner().Plan(input);
        var slots = plan.PickupSlots.Single();
        var crowded = slots with { Assignments = slots.Assignments.Select(a => a with { SlotIndex = 0 }).ToList() };

        var violations = PlanChecks.Violations(input, plan with { PickupSlots = [crowded] });

        Assert.Contains(violations, v => v.Contains("over the crowd cap"));
    }
}
