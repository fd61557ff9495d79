using Dispatch.Domain.Orders;
using Dispatch.Domain.Scenarios;
using Dispatch.Domain.Supply;
using Dispatch.Planning.Allocation;
using Dispatch.Planning.Doors;
using Dispatch.Planning.GateCycles;
using Dispatch.Planning.PickupSlots;
using Dispatch.Planning.Trucks;

namespace Dispatch.Planning.District;

/// <summary>Counts, lateness percentiles and utilisation of a plan: when it is made, and again after live changes.</summary>
public static class PlanKpiCalculator
{
    internal static PlanKpis Calculate(
        PlanningInput input,
        AllocationInput allocationInput,
        AllocationResult allocation,
        TruckRoutingResult trucks,
        IReadOnlyList<GateDayResult> gates,
        IReadOnlyList<OrderOutcome> outcomes) =>
        Calculate(
            input.Scenario,
            input.Settings,
            outcomes,
            allocationInput.Stocks.Sum(s => (long)s.Bundles.Total),
            allocation.Filled.Sum(f => (long)f.Bundles.Total),
            trucks.Routes,
            gates.Select(g => g.Cycles).ToList(),
            gates.Select(g => g.Doors).ToList(),
            gates.Select(g => g.Slots).ToList());

    /// <summary>The KPIs of a plan changed during the day (re-planned gates, top-ups), from the plan itself.</summary>
    /// <param name="orders">The plan's orders by id, for the bundles allocated.</param>
    public static PlanKpis Recount(Plan plan, Scenario scenario, PlanningSettings settings, IReadOnlyDictionary<string, Order> orders) =>
        Calculate(
            scenario,
            settings,
            plan.Orders,
            scenario.Supermarkets.Sum(s => (long)s.DailyStock.Total),
            plan.Orders.Where(o => o.SupermarketId is not null).Sum(o => orders.TryGetValue(o.OrderId, out var order) ? order.Bundles.Total : 0L),
            plan.TruckRoutes,
            plan.GateCycles,
            plan.DoorRoutes,
            plan.PickupSlots);

    private static PlanKpis Calculate(
        Scenario scenario,
        PlanningSettings settings,
        IReadOnlyList<OrderOutcome> outcomes,
        long stockBundles,
        long allocatedBundles,
        IReadOnlyList<TruckRoute> trucks,
        IReadOnlyList<GateCyclePlan> cycles,
        IReadOnlyList<DoorRoutingResult> doors,
        IReadOnlyList<PickupSlotPlan> slots)
    {
        int deadline = settings.ServeByDeadlineSeconds;
        var households = outcomes.GroupBy(o => o.HouseholdId, StringComparer.Ordinal).ToList();

        // A household counts as served when every one of its orders is; its served time is the latest one.
        var servedAt = households
            .Where(h => h.All(o => o.IsServed))
            .Select(h => h.Max(o => o.ServedAtSeconds ?? 0))
            .ToList();
        var lateness = servedAt.Select(t => Math.Max(0, t - deadline)).Order().ToList();

        var vulnerable = households.Where(h => h.Any(o => o.IsVulnerable)).ToList();
        int vulnerableServedByDeadline = vulnerable.Count(h => h.All(o => o.IsServed) && h.Max(o => o.ServedAtSeconds ?? 0) <= deadline);
        var unfilledByBundle = BundleKinds.All.ToDictionary(k => k, k => outcomes.Count(o => o.Fate == OrderFate.Unfilled && o.ShortKind == k));
        return new PlanKpis(
            outcomes.Count,
            households.Count,
            servedAt.Count,
            servedAt.Count(t => t <= deadline),
            outcomes.Count(o => o.Fate == OrderFate.DoorDelivery),
            outcomes.Count(o => o.Fate == OrderFate.PickupSlot),
            outcomes.Count(o => o.Fate == OrderFate.FreePickup),
            outcomes.Count(o => o.Fate == OrderFate.Unfilled),
            outcomes.Count(o => o.Fate == OrderFate.Unassigned),
            Share(servedAt.Count, households.Count),
            Share(servedAt.Count(t => t <= deadline), households.Count),
            Percentile(lateness, 0.50),
            Percentile(lateness, 0.95),
            lateness.Count == 0 ? 0 : lateness[^1],
            lateness.Count == 0 ? 0 : lateness.Average(),
            Percentile(servedAt.Order().ToList(), 0.95),
            Utilisation(scenario, stockBundles, allocatedBundles, trucks, cycles, doors, slots),
            unfilledByBundle,
            vulnerable.Count,
            vulnerableServedByDeadline,
            servedAt.Count(t => t > deadline));
    }

    private static Utilisation Utilisation(
        Scenario scenario, long stockBundles, long allocatedBundles, IReadOnlyList<TruckRoute> trucks, IReadOnlyList<GateCyclePlan> cycles, IReadOnlyList<DoorRoutingResult> doors, IReadOnlyList<PickupSlotPlan> slots)
    {
        var gates = scenario.Gates.ToDictionary(g => g.Id, StringComparer.Ordinal);
        long shiftSeconds = scenario.Vehicles.Sum(v => (long)v.Shift.LengthSeconds);
        long drivingSeconds = trucks.Sum(r => r.Trips.Sum(t => (long)(t.ReturnSeconds - t.DepartSeconds)));

        long cycleCapacity = cycles.Sum(g => g.Cycles.Count * gates[g.GateId].Disinfection.CapacityGramsPerCycle);
        long disinfected = cycles.Sum(g => g.Cycles.Sum(c => c.LoadGrams));

        var gatesWithDoors = doors.Where(g => g.DoorsServed + g.Unassigned.Count > 0).Select(g => g.GateId).ToHashSet(StringComparer.Ordinal);
        long volunteerPlaces = scenario.Volunteers.Where(v => gatesWithDoors.Contains(v.GateId)).Sum(v => (long)v.MaxHouseholds);
        long doorsServed = doors.Sum(g => (long)g.DoorsServed);

        long slotPlaces = slots.Sum(g => g.Slots.Count(s => s.Households > 0) * (long)gates[g.GateId].Pickup.CrowdCap);
        long slotted = slots.Sum(g => (long)g.Assignments.Count);

        return new Utilisation(Share(allocatedBundles, stockBundles), Share(drivingSeconds, shiftSeconds), Share(disinfected, cycleCapacity), Share(doorsServed, volunteerPlaces), Share(slotted, slotPlaces));
    }

    private static double Share(long part, long whole) => whole <= 0 ? 0 : (double)part / whole;

    private static int Percentile(List<int> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
