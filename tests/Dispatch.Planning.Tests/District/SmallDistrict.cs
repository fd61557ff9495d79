using Dispatch.Domain.Geography;
using Dispatch.Domain.Orders;
using Dispatch.Domain.People;
using Dispatch.Domain.Scenarios;
using Dispatch.Domain.Supply;
using Dispatch.Planning.District;

namespace Dispatch.Planning.Tests.District;

/// <summary>A district small enough to reason about by hand: one supermarket 2 km from one gate, one truck, households 100-300 m from the gate.</summary>
internal static class SmallDistrict
{
    public static readonly GeoPoint GateLocation = new(35.39, 116.63);

    public static Scenario Create(
        IReadOnlyList<Household> households,
        int volunteers = 1,
        int maxHouseholdsPerVolunteer = 12,
        BundleCounts? stock = null,
        long zoneGramsPerCycle = 500_000,
        int crowdCap = 30)
    {
        var gate = new Gate("G1", "C1", "gate", GateLocation, new DisinfectionZone(zoneGramsPerCycle, 600), new StorageZone(5_000_000), new PickupZone(crowdCap), 6 * 3_600, 22 * 3_600);
        return new Scenario(
            new Domain.Geography.District("D1", "small", GateLocation),
            [new Community("C1", "D1", "community", RiskLevel.Medium)],
            [gate],
            [new Grid("L1", "C1", 1, null, null, null), new Grid("L1-1", "C1", 2, "L1", "G1", "SM1")],
            households,
            [new Supermarket("SM1", "market", new GeoPoint(35.39 + 0.018, 116.63), stock ?? new BundleCounts(1_000, 1_000, 1_000, 1_000), 5 * 3_600, 22 * 3_600)],
            [new Vehicle("T1", "SM1", 2_000_000, new Shift(5 * 3_600, 17 * 3_600))],
            Enumerable.Range(1, volunteers).Select(i => new Volunteer($"V{i}", "G1", $"volunteer {i}", maxHouseholdsPerVolunteer, 20_000, new Shift(7 * 3_600, 19 * 3_600))).ToList(),
            BundleCatalog.Standard.Types.ToList());
    }

    public static Household Household(string id, RiskLevel risk, Vulnerability vulnerability = Vulnerability.None, int metresNorth = 200) =>
        new(id, "L1-1", $"B-{id}", "U1", 3, false, new GeoPoint(GateLocation.Latitude + (metresNorth / 111_000.0), GateLocation.Longitude), risk, vulnerability);

    public static Order Order(string householdId, BundleCounts bundles) =>
        new($"O-{householdId}", householdId, "L1-1", "SM1", "B1", 1, bundles, OrderStatus.Received, 0);

    public static PlanningInput Input(Scenario scenario, IReadOnlyList<Order> orders, bool probe = false) =>
        new(scenario, 1, orders, PlanningSettings.Quick with { ProbeBottleneck = probe, ParallelGates = 1 });
}
