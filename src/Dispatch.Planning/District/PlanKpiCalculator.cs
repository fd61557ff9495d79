using Dispatch.Domain.Supply;
using Dispatch.Planning.Allocation;
using Dispatch.Planning.Trucks;

namespace Dispatch.Planning.District;

/// <summary>Counts, lateness percentiles and utilisation of a finished plan.</summary>
internal static class PlanKpiCalculator
{
    public static PlanKpis Calculate(
        PlanningInput input,
        AllocationInput allocationInput,
        AllocationResult allocation,
        TruckRoutingResult trucks,
        IReadOnlyList<GateDayResult> gates,
        IReadOnlyList<OrderOutcome> outcomes)
    {
        int deadline = input.Settings.ServeByDeadlineSeconds;
        var households = outcomes.GroupBy(o => o.HouseholdId, StringComparer.Ordinal).ToList();

        // A household counts as served when every one of its orders is; its served time is the latest one.
        var servedAt = households
            .Where(h => h.All(o => o.IsServed))
            .Select(h => h.Max(o => o.ServedAtSeconds ?? 0))
            .ToList();
        var lateness = servedAt.Select(t => Math.Max(0, t - deadline)).Order().ToList();

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
            Utilisation(input, allocationInput, allocation, trucks, gates),
            unfilledByBundle);
    }

    private static Utilisation Utilisation(PlanningInput input, AllocationInput allocationInput, AllocationResult allocation, TruckRoutingResult trucks, IReadOnlyList<GateDayResult> gates)
    {
        long stock = allocationInput.Stocks.Sum(s => (long)s.Bundles.Total);
        long allocated = allocation.Filled.Sum(f => (long)f.Bundles.Total);

        long shiftSeconds = input.Scenario.Vehicles.Sum(v => (long)v.Shift.LengthSeconds);
        long drivingSeconds = trucks.Routes.Sum(r => r.Trips.Sum(t => (long)(t.ReturnSeconds - t.DepartSeconds)));

        long cycleCapacity = gates.Sum(g => g.Cycles.Cycles.Count * ZoneCapacity(input, g.Cycles.GateId));
        long disinfected = gates.Sum(g => g.Cycles.Cycles.Sum(c => c.LoadGrams));

        var gatesWithDoors = gates.Where(g => g.Doors.DoorsServed + g.Doors.Unassigned.Count > 0).Select(g => g.Doors.GateId).ToHashSet(StringComparer.Ordinal);
        long volunteerPlaces = input.Scenario.Volunteers.Where(v => gatesWithDoors.Contains(v.GateId)).Sum(v => (long)v.MaxHouseholds);
        long doors = gates.Sum(g => (long)g.Doors.DoorsServed);

        long slotPlaces = gates.Sum(g => g.Slots.Slots.Count(s => s.Households > 0) * (long)CrowdCap(input, g.Slots.GateId));
        long slotted = gates.Sum(g => (long)g.Slots.Assignments.Count);

        return new Utilisation(Share(allocated, stock), Share(drivingSeconds, shiftSeconds), Share(disinfected, cycleCapacity), Share(doors, volunteerPlaces), Share(slotted, slotPlaces));
    }

    private static long ZoneCapacity(PlanningInput input, string gateId) =>
        input.Scenario.Gates.First(g => g.Id == gateId).Disinfection.CapacityGramsPerCycle;

    private static int CrowdCap(PlanningInput input, string gateId) =>
        input.Scenario.Gates.First(g => g.Id == gateId).Pickup.CrowdCap;

    private static double Share(long part, long whole) => whole <= 0 ? 0 : (double)part / whole;

    private static int Percentile(List<int> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
