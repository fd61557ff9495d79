using System.Globalization;
using Dispatch.Planning.District;
using Dispatch.Simulation.Days;

namespace Dispatch.Cli.Simulation;

/// <summary>
/// What a planner reads out of the days: totals per gate and per community over the run, the gate where most
/// households wait each day, and why the bottleneck is what it is (the district's averages hide where it binds).
/// </summary>
internal static class SimulationReport
{
    private const double ShareExplained = 0.8;
    private const int MostGatesNamed = 4;

    /// <summary>The gate where most households wait (then: most are late, then: volunteers busiest); null without gates.</summary>
    public static GateDay? MostWaitingGate(SimulatedDay day) =>
        day.Gates.OrderByDescending(g => g.Waiting).ThenByDescending(g => g.Late).ThenByDescending(g => g.VolunteerUse).ThenBy(g => g.GateId, StringComparer.Ordinal).FirstOrDefault();

    /// <summary>Every gate over the run, most late household-days first.</summary>
    public static IReadOnlyList<PlaceTotals> GateTotals(IReadOnlyList<SimulatedDay> days) =>
        Totals(days.SelectMany(d => d.Gates.Select(g => (d.Day, Place: new Place(g.GateId, g.CommunityId, g.HouseholdsOrdering, g.Served, g.ServedOnTime, g.Late, g.Waiting, g.MeanLatenessSeconds, g.VolunteerUse, g.ZoneUse, g.Bottleneck)))));

    /// <summary>Every community over the run, most late household-days first.</summary>
    public static IReadOnlyList<PlaceTotals> CommunityTotals(IReadOnlyList<SimulatedDay> days) =>
        Totals(days.SelectMany(d => d.Communities.Select(c => (d.Day, Place: new Place(c.CommunityId, RiskLevels(days, c.CommunityId), c.HouseholdsOrdering, c.Served, c.ServedOnTime, c.Late, c.Waiting, c.MeanLatenessSeconds, c.VolunteerUse, c.ZoneUse, c.Bottleneck)))));

    /// <summary>
    /// Why the verdict's bottleneck binds, and where: the gates that hold most of the late households on the days it
    /// bound, how busy that resource is there, and why the district average looks lower.
    /// </summary>
    public static string Explanation(SimulationResult result)
    {
        if (result.Summary.MainBottleneck is not { } main)
        {
            return "Every household was served on time: no resource bound.";
        }

        var bound = result.Days.Where(d => d.Bottleneck == main).ToList();
        var lateByGate = bound.SelectMany(d => d.Gates).GroupBy(g => g.GateId, StringComparer.Ordinal)
            .Select(g => (Gate: g.Key, Community: g.First().CommunityId, Late: g.Sum(x => x.Late)))
            .Where(g => g.Late > 0)
            .OrderByDescending(g => g.Late).ThenBy(g => g.Gate, StringComparer.Ordinal)
            .ToList();
        long late = lateByGate.Sum(g => (long)g.Late);
        string text = $"{Name(main)} bound on {bound.Count} of {result.Days.Count} days: {Meaning(main)}.";
        if (late == 0 || main is PlanResource.Stock or PlanResource.Trucks)
        {
            return text + (main is PlanResource.Stock or PlanResource.Trucks ? " Stock and trucks serve the whole district from the supermarkets, so no gate is to blame." : string.Empty);
        }

        var named = new List<(string Gate, string Community, int Late)>();
        long covered = 0;
        foreach (var gate in lateByGate)
        {
            if (named.Count == MostGatesNamed || covered >= ShareExplained * late)
            {
                break;
            }

            named.Add(gate);
            covered += gate.Late;
        }

        var namedIds = named.Select(g => g.Gate).ToHashSet(StringComparer.Ordinal);
        var there = bound.SelectMany(d => d.Gates).Where(g => namedIds.Contains(g.GateId) && g.Late > 0).ToList();
        int firstDay = bound.Where(d => d.Gates.Any(g => namedIds.Contains(g.GateId) && g.Late > 0)).Min(d => d.Day);
        string gates = string.Join(", ", named.Select(g => $"{g.Gate} ({g.Community})"));
        text += string.Create(CultureInfo.InvariantCulture,
            $" The late households are not spread over the district: {(double)covered / late:P0} of those on these days were at {gates}, from day {firstDay}.");
        if (main is PlanResource.Volunteers or PlanResource.DisinfectionCapacity)
        {
            bool volunteers = main == PlanResource.Volunteers;
            double atGates = there.Average(g => volunteers ? g.VolunteerUse : g.ZoneUse);
            double lowest = bound.Min(d => volunteers ? d.Utilisation.Volunteers : d.Utilisation.DisinfectionZones);
            double highest = bound.Max(d => volunteers ? d.Utilisation.Volunteers : d.Utilisation.DisinfectionZones);
            text += string.Create(CultureInfo.InvariantCulture,
                $" There {(volunteers ? "volunteers looked after" : "the disinfection zones ran")} {atGates:P0} of what they can on average, while the district's utilisation "
                + $"({lowest:P0} to {highest:P0} on these days) averages every gate, and most gates have room. Add {Name(main).ToLowerInvariant()} at these gates (or move them there) rather than everywhere.");
        }

        return text;
    }

    private static string Name(PlanResource resource) => resource switch
    {
        PlanResource.DisinfectionCapacity => "Disinfection capacity",
        PlanResource.PickupCrowdCap => "The pickup crowd cap",
        _ => resource.ToString(),
    };

    private static string Meaning(PlanResource resource) => resource switch
    {
        PlanResource.Volunteers => "households not served on time were waiting for a volunteer (every volunteer of their gate already had as many households as they can look after, 10 to 15, or none could reach the door by the deadline)",
        PlanResource.Stock => "orders could not be filled: a bundle kind ran out",
        PlanResource.Trucks => "goods did not reach the gate: no truck could take them in time",
        PlanResource.DisinfectionCapacity => "goods were not released from disinfection (cycle plus 30-minute rest) by the deadline",
        PlanResource.PickupCrowdCap => "households found no pickup slot with room under the crowd cap",
        _ => resource.ToString(),
    };

    private static List<PlaceTotals> Totals(IEnumerable<(int Day, Place Place)> rows) =>
        rows.GroupBy(r => r.Place.Id, StringComparer.Ordinal)
            .Select(g =>
            {
                var days = g.ToList();
                int late = days.Sum(d => d.Place.Late);
                double lateSeconds = days.Sum(d => d.Place.MeanLatenessSeconds * d.Place.Late);
                var waitingDays = days.Where(d => d.Place.Waiting > 0).Select(d => d.Day).ToList();
                var bottleneck = days.Where(d => d.Place.Bottleneck is not null).GroupBy(d => d.Place.Bottleneck!.Value)
                    .OrderByDescending(b => b.Count()).ThenBy(b => b.Key).Select(b => (PlanResource?)b.Key).FirstOrDefault();
                return new PlaceTotals(
                    g.Key,
                    days[0].Place.Context,
                    days.Sum(d => d.Place.Ordering),
                    days.Sum(d => d.Place.Served),
                    days.Sum(d => d.Place.OnTime),
                    late,
                    days.Sum(d => d.Place.Waiting),
                    late == 0 ? 0 : lateSeconds / late,
                    days.Average(d => d.Place.VolunteerUse),
                    days.Max(d => d.Place.VolunteerUse),
                    days.Average(d => d.Place.ZoneUse),
                    waitingDays.Count == 0 ? null : waitingDays.Min(),
                    bottleneck);
            })
            .OrderByDescending(t => t.Late).ThenBy(t => t.Id, StringComparer.Ordinal)
            .ToList();

    // "Medium, High from day 5": the community's risk level and the days it changed.
    private static string RiskLevels(IReadOnlyList<SimulatedDay> days, string communityId)
    {
        var levels = new List<string>();
        Domain.Geography.RiskLevel? previous = null;
        foreach (var day in days)
        {
            var level = day.Communities.FirstOrDefault(c => c.CommunityId == communityId)?.RiskLevel;
            if (level is { } current && current != previous)
            {
                levels.Add(previous is null ? current.ToString() : $"{current} from day {day.Day}");
                previous = current;
            }
        }

        return string.Join(", ", levels);
    }

    private sealed record Place(
        string Id, string Context, int Ordering, int Served, int OnTime, int Late, int Waiting, double MeanLatenessSeconds, double VolunteerUse, double ZoneUse, PlanResource? Bottleneck);
}

/// <summary>A gate or community over the whole run; counts are household-days.</summary>
/// <param name="Context">A gate's community; a community's risk levels over the run ("Medium, High from day 5").</param>
/// <param name="FirstDayWaiting">The first day a household was left waiting there (null: never).</param>
/// <param name="MostDaysBottleneck">The resource its unserved households pointed at on most days.</param>
internal sealed record PlaceTotals(
    string Id,
    string Context,
    int HouseholdDaysOrdering,
    int Served,
    int ServedOnTime,
    int Late,
    int Waiting,
    double MeanLatenessSeconds,
    double MeanVolunteerUse,
    double PeakVolunteerUse,
    double MeanZoneUse,
    int? FirstDayWaiting,
    PlanResource? MostDaysBottleneck);
