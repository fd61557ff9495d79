using Dispatch.Domain.Scenarios;
using Dispatch.Planning.District;

namespace Dispatch.Simulation.Days;

/// <summary>
/// A day's plan cut by gate and by community, so a report shows where households wait and what is busy there: the
/// district's averages hide a shortage at a few gates.
/// </summary>
internal static class GateBreakdown
{
    public static (IReadOnlyList<GateDay> Gates, IReadOnlyList<CommunityDay> Communities) Of(
        int day, Scenario dayScenario, Plan plan, IReadOnlySet<string> servedOrderIds, IReadOnlyDictionary<string, int> firstDays, int deadlineSeconds)
    {
        var tallies = dayScenario.Gates.ToDictionary(g => g.Id, g => new Tally(g.Id, g.CommunityId), StringComparer.Ordinal);
        var outcomesByGate = plan.Orders.ToLookup(o => o.GateId, StringComparer.Ordinal);
        var doorHouseholds = dayScenario.Households.Where(h => h.NeedsDoorDelivery).Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var outcome in plan.Orders)
        {
            if (!tallies.TryGetValue(outcome.GateId, out var tally))
            {
                continue;
            }

            bool served = servedOrderIds.Contains(outcome.OrderId);
            int lateness = HouseholdLateness.Seconds(day, firstDays.GetValueOrDefault(outcome.OrderId, day), served ? outcome.ServedAtSeconds : null, deadlineSeconds);
            tally.Add(served, lateness, doorHouseholds.Contains(outcome.HouseholdId));
        }

        foreach (var volunteer in dayScenario.Volunteers)
        {
            if (tallies.TryGetValue(volunteer.GateId, out var tally))
            {
                tally.VolunteersOnDuty++;
                tally.VolunteerPlaces += volunteer.MaxHouseholds;
            }
        }

        foreach (var routes in plan.DoorRoutes)
        {
            if (tallies.TryGetValue(routes.GateId, out var tally))
            {
                tally.DoorsServed += routes.DoorsServed;
            }
        }

        var capacity = dayScenario.Gates.ToDictionary(g => g.Id, g => g.Disinfection.CapacityGramsPerCycle, StringComparer.Ordinal);
        foreach (var cycles in plan.GateCycles)
        {
            if (tallies.TryGetValue(cycles.GateId, out var tally))
            {
                tally.DisinfectedGrams += cycles.Cycles.Sum(c => c.LoadGrams);
                tally.CycleCapacityGrams += cycles.Cycles.Count * capacity[cycles.GateId];
            }
        }

        var gates = tallies.Values.OrderBy(t => t.GateId, StringComparer.Ordinal)
            .Select(t => t.ToGateDay(BottleneckAttribution.Of(outcomesByGate[t.GateId], deadlineSeconds)))
            .ToList();
        var risk = dayScenario.Communities.ToDictionary(c => c.Id, c => c.RiskLevel, StringComparer.Ordinal);
        var communities = tallies.Values.GroupBy(t => t.CommunityId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Tally.Sum(g.Key, g).ToCommunityDay(
                risk.GetValueOrDefault(g.Key),
                BottleneckAttribution.Of(g.SelectMany(t => outcomesByGate[t.GateId]), deadlineSeconds)))
            .ToList();
        return (gates, communities);
    }

    private sealed class Tally(string gateId, string communityId)
    {
        public string GateId { get; } = gateId;

        public string CommunityId { get; } = communityId;

        public int Ordering { get; private set; }

        public int Served { get; private set; }

        public int OnTime { get; private set; }

        public int Late { get; private set; }

        public long LateSeconds { get; private set; }

        public int DoorHouseholds { get; private set; }

        public int VolunteersOnDuty { get; set; }

        public long VolunteerPlaces { get; set; }

        public long DoorsServed { get; set; }

        public long DisinfectedGrams { get; set; }

        public long CycleCapacityGrams { get; set; }

        public void Add(bool served, int latenessSeconds, bool door)
        {
            Ordering++;
            Served += served ? 1 : 0;
            OnTime += served && latenessSeconds == 0 ? 1 : 0;
            if (latenessSeconds > 0)
            {
                Late++;
                LateSeconds += latenessSeconds;
            }

            DoorHouseholds += door ? 1 : 0;
        }

        public static Tally Sum(string communityId, IEnumerable<Tally> tallies)
        {
            var sum = new Tally(string.Empty, communityId);
            foreach (var t in tallies)
            {
                sum.Ordering += t.Ordering;
                sum.Served += t.Served;
                sum.OnTime += t.OnTime;
                sum.Late += t.Late;
                sum.LateSeconds += t.LateSeconds;
                sum.DoorHouseholds += t.DoorHouseholds;
                sum.VolunteersOnDuty += t.VolunteersOnDuty;
                sum.VolunteerPlaces += t.VolunteerPlaces;
                sum.DoorsServed += t.DoorsServed;
                sum.DisinfectedGrams += t.DisinfectedGrams;
                sum.CycleCapacityGrams += t.CycleCapacityGrams;
            }

            return sum;
        }

        public GateDay ToGateDay(PlanResource? bottleneck) => new(
            GateId, CommunityId, Ordering, Served, OnTime, Late, Ordering - Served, MeanLateness, DoorHouseholds, VolunteersOnDuty,
            Share(DoorsServed, VolunteerPlaces), Share(DisinfectedGrams, CycleCapacityGrams), bottleneck);

        public CommunityDay ToCommunityDay(Domain.Geography.RiskLevel riskLevel, PlanResource? bottleneck) => new(
            CommunityId, riskLevel, Ordering, Served, OnTime, Late, Ordering - Served, MeanLateness, DoorHouseholds, VolunteersOnDuty,
            Share(DoorsServed, VolunteerPlaces), Share(DisinfectedGrams, CycleCapacityGrams), bottleneck);

        private double MeanLateness => Late == 0 ? 0 : (double)LateSeconds / Late;

        private static double Share(long part, long whole) => whole <= 0 ? 0 : Math.Min(1, (double)part / whole);
    }
}
