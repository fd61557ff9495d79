using Dispatch.Domain.Geography;
using Dispatch.Domain.Scenarios;
using Dispatch.Domain.Supply;
using Dispatch.Planning.Checks;
using Dispatch.Planning.District;
using static Dispatch.Planning.Tests.District.SmallDistrict;

namespace Dispatch.Planning.Tests.District;

/// <summary>The checker sees the gate's zones over time: a plan kept within them passes, the same plan in smaller zones does not.</summary>
public sealed class PlanTimelineChecksTests
{
    private static readonly BundleCounts TwoVegetables = new(0, 2, 0, 0);

    private static (PlanningInput Input, Plan Plan) PlanPickups()
    {
        var households = Enumerable.Range(1, 40).Select(i => Household($"m{i:D2}", RiskLevel.Medium))
            .Concat(Enumerable.Range(1, 20).Select(i => Household($"l{i:D2}", RiskLevel.Low)))
            .ToList();
        // 480 kg through a 200 kg zone: three cycles, so part of the load waits in the buffer for the later ones.
        var scenario = Create(households, zoneGramsPerCycle: 200_000, crowdCap: 30);
        scenario = scenario with { Gates = scenario.Gates.Select(g => g with { Buffer = new BufferZone(2_000_000) }).ToList() };
        var input = Input(scenario, households.Select(h => Order(h.Id, TwoVegetables)).ToList());
        return (input, new DistrictPlanner().Plan(input));
    }

    private static PlanningInput WithGate(PlanningInput input, Func<Gate, Gate> change) =>
        input with { Scenario = input.Scenario with { Gates = input.Scenario.Gates.Select(change).ToList() } };

    [Fact]
    public void Plan_within_its_zones_passes_and_every_pickup_has_a_time()
    {
        var (input, plan) = PlanPickups();

        Assert.Empty(PlanChecks.Violations(input, plan));
        Assert.All(plan.Orders, o => Assert.True(o.Fate is OrderFate.PickupSlot or OrderFate.FreePickup && o.PickupUntilSeconds > o.ServedAtSeconds, $"{o.OrderId} {o.Fate}"));
    }

    [Fact]
    public void Storage_held_from_release_until_collection_is_checked_at_every_moment()
    {
        var (input, plan) = PlanPickups();

        var problems = PlanChecks.Violations(WithGate(input, g => g with { Storage = new StorageZone(100_000) }), plan);

        Assert.Contains(problems, p => p.Contains("storage holds", StringComparison.Ordinal));
    }

    [Fact]
    public void People_in_slots_and_free_windows_together_are_checked_against_the_crowd_cap()
    {
        var (input, plan) = PlanPickups();

        var problems = PlanChecks.Violations(WithGate(input, g => g with { Pickup = new PickupZone(1) }), plan);

        Assert.Contains(problems, p => p.Contains("pickup zone holds", StringComparison.Ordinal));
    }

    [Fact]
    public void Goods_waiting_for_their_cycle_are_checked_against_the_buffer()
    {
        var (input, plan) = PlanPickups();

        var problems = PlanChecks.Violations(WithGate(input, g => g with { Buffer = new BufferZone(1_000) }), plan);

        Assert.Contains(plan.GateCycles.Single().BufferWaits!, w => w.LeftAtSeconds > w.UnloadedAtSeconds);
        Assert.Contains(problems, p => p.Contains("buffer zone holds", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rest_under_thirty_minutes_and_a_served_count_the_orders_do_not_bear_out_are_violations()
    {
        var (input, plan) = PlanPickups();

        var shortRest = WithGate(input, g => g with { Disinfection = g.Disinfection with { RestSeconds = 600 } });
        var inflated = plan with { Kpis = plan.Kpis with { HouseholdsServedByDeadline = plan.Kpis.HouseholdsServedByDeadline + 1 } };

        Assert.Contains(PlanChecks.Violations(shortRest, plan), p => p.Contains("under the 30 minutes", StringComparison.Ordinal));
        Assert.Contains(PlanChecks.Violations(input, inflated), p => p.Contains("served by the deadline", StringComparison.Ordinal));
    }
}
