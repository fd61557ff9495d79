using Dispatch.Domain.Geography;
using Dispatch.Domain.People;
using Dispatch.Domain.Supply;
using Dispatch.Planning.Checks;
using Dispatch.Planning.District;

namespace Dispatch.Planning.Tests.District;

/// <summary>A buffer zone that holds one truckload: the next truck waits at the gate for room instead of leaving.</summary>
public sealed class TruckWaitTests
{
    [Fact]
    public void A_truck_that_finds_the_buffer_full_waits_for_room_and_its_trip_comes_back_that_much_later()
    {
        var households = Enumerable.Range(1, 60).Select(i => SmallDistrict.Household($"H{i:D2}", RiskLevel.Low, metresNorth: 100 + i)).ToList();
        var small = SmallDistrict.Create(households, crowdCap: 30);
        var scenario = small with { Gates = small.Gates.Select(g => g with { Buffer = new BufferZone(2_000_000) }).ToList() };
        var orders = households.Select(h => SmallDistrict.Order(h.Id, new BundleCounts(0, 25, 0, 0))).ToList();
        var input = SmallDistrict.Input(scenario, orders);

        var plan = new DistrictPlanner().Plan(input);

        Assert.Empty(PlanChecks.Violations(input, plan));
        // Each trip brings 2 t to the one gate; the second finds the first truckload still waiting for its cycles and
        // can unload only once the last of it has gone into a cycle.
        var waits = plan.GateCycles.Single().BufferWaits!.OrderBy(w => w.UnloadedAtSeconds).ToList();
        Assert.Equal(2, waits.Count);
        Assert.Equal(0, waits[0].TruckWaitSeconds);
        Assert.True(waits[1].TruckWaitSeconds > 0);
        Assert.Equal(waits[0].LeftAtSeconds, waits[1].UnloadedAtSeconds);
        var trips = plan.TruckRoutes.Single().Trips.OrderBy(t => t.DepartSeconds).ToList();
        var waitingStop = trips[1].Stops.Single();
        Assert.Equal(waits[1].UnloadedAtSeconds, waitingStop.UnloadStartSeconds + input.Settings.TruckUnloadSeconds);
        Assert.True(trips[1].ReturnSeconds > waits[1].UnloadedAtSeconds);
        Assert.All(plan.Orders.Where(o => o.TruckId is not null), o => Assert.True(o.IsServed, o.Reason));
    }
}
