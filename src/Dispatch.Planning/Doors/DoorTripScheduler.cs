using Dispatch.Domain.People;
using Dispatch.Planning.Routing;
using Dispatch.Planning.Travel;

namespace Dispatch.Planning.Doors;

/// <summary>
/// Door routes for a whole gate in milliseconds, for district-scale plans and second-scale re-plans.
/// A volunteer's day is a run of short round trips from the gate (a carry limit of 20-25 kg holds two or three
/// bundles), so the day is built trip by trip: the most urgent delivery still waiting (vulnerable first, then
/// earliest ready) goes to the volunteer who can leave with it first, and the trip takes the nearest other
/// deliveries that are ready by then and fit the carry limit, the doors per trip and the volunteer's households.
/// A trip never leaves before its goods are ready and always returns before the volunteer's shift ends.
/// </summary>
public sealed class DoorTripScheduler
{
    public DoorRoutingResult Route(DoorRoutingInput input, CancellationToken cancellation = default)
    {
        var team = Team(input);
        var unassigned = new List<UnassignedDelivery>();
        RouteMore(input, team, unassigned, cancellation);
        return Result(input.Gate.Id, team, unassigned);
    }

    /// <summary>The gate's volunteers on duty, each with an empty day.</summary>
    internal static List<VolunteerDay> Team(DoorRoutingInput input) =>
        input.Volunteers.Where(v => v.GateId == input.Gate.Id && v.Shift.IsValid).OrderBy(v => v.Id, StringComparer.Ordinal).Select(v => new VolunteerDay(v)).ToList();

    internal static DoorRoutingResult Result(string gateId, List<VolunteerDay> team, List<UnassignedDelivery> unassigned) =>
        new(gateId, team.Where(s => s.Trips.Count > 0).Select(s => new VolunteerRoute(s.Volunteer.Id, s.Trips.ToList())).ToList(), unassigned.ToList());

    /// <summary>
    /// Adds trips for <paramref name="input"/>'s deliveries to days already holding earlier trips: the gate's day is
    /// built batch by batch as disinfection cycles release goods.
    /// </summary>
    internal static void RouteMore(DoorRoutingInput input, List<VolunteerDay> states, List<UnassignedDelivery> unassigned, CancellationToken cancellation)
    {
        var settings = input.Settings;
        var deliveries = input.Deliveries;
        if (deliveries.Count == 0)
        {
            return;
        }

        var volunteers = states.Select(s => s.Volunteer).ToList();
        var matrix = input.Walking.Between(deliveries.Select(d => d.Household.Location).Prepend(input.Gate.Location).ToList());
        var pending = Enumerable.Range(0, deliveries.Count)
            .OrderByDescending(i => deliveries[i].Household.IsVulnerable)
            .ThenBy(i => deliveries[i].ReadyAtSeconds)
            .ThenBy(i => deliveries[i].Id, StringComparer.Ordinal)
            .ToList();
        var routed = new bool[deliveries.Count];

        foreach (int first in pending)
        {
            if (routed[first])
            {
                continue;
            }

            if (cancellation.IsCancellationRequested)
            {
                unassigned.Add(Unassigned(deliveries[first], UnassignedReason.NoSolutionFound, "planning was cancelled"));
                continue;
            }

            var best = BestTrip(input, matrix, states, routed, first);
            if (best is null)
            {
                unassigned.Add(Unassigned(deliveries[first], Diagnose(input, matrix, volunteers, first), Detail(input, volunteers, first)));
                routed[first] = true;
                continue;
            }

            foreach (int stop in best.Value.Stops)
            {
                routed[stop] = true;
            }

            best.Value.Day.Add(best.Value.Trip, settings.ReloadSeconds);
        }
    }

    private static (VolunteerDay Day, DoorTrip Trip, List<int> Stops)? BestTrip(DoorRoutingInput input, TravelMatrix matrix, List<VolunteerDay> states, bool[] routed, int first)
    {
        var deliveries = input.Deliveries;

        // The volunteer who can leave first with this delivery takes it (fewest households on ties, to balance the day);
        // one who cannot fit the trip in their shift gives way to the next.
        var candidates = states
            .Where(day => day.Trips.Count < input.Settings.MaxTripsPerVolunteer && day.Households.Count < day.Volunteer.MaxHouseholds
                && deliveries[first].WeightGrams <= day.Volunteer.CarryLimitGrams)
            .Select(day => (Day: day, Leave: Math.Max(day.FreeAtSeconds, Math.Max(deliveries[first].ReadyAtSeconds, day.Volunteer.Shift.StartSeconds))))
            .OrderBy(c => c.Leave)
            .ThenBy(c => c.Day.Households.Count)
            .ThenBy(c => c.Day.Volunteer.Id, StringComparer.Ordinal);
        foreach (var (day, leave) in candidates)
        {
            var volunteer = day.Volunteer;
            var stops = new List<int> { first };
            long carried = deliveries[first].WeightGrams;
            var households = new HashSet<string>(day.Households, StringComparer.Ordinal) { deliveries[first].Household.Id };
            var trip = Walk(input, matrix, stops, leave);
            if (trip.BackAtGateSeconds > volunteer.Shift.EndSeconds)
            {
                continue;
            }

            // Add the nearest ready deliveries while the trip still fits the carry limit, the doors and the shift.
            while (stops.Count < input.Settings.MaxDoorsPerTrip)
            {
                int last = stops[^1];
                int next = -1;
                long nearest = long.MaxValue;
                for (int i = 0; i < deliveries.Count; i++)
                {
                    if (routed[i] || stops.Contains(i) || deliveries[i].ReadyAtSeconds > leave || carried + deliveries[i].WeightGrams > volunteer.CarryLimitGrams
                        || (!households.Contains(deliveries[i].Household.Id) && households.Count >= volunteer.MaxHouseholds))
                    {
                        continue;
                    }

                    long duration = matrix.Duration(last + 1, i + 1);
                    if (duration < nearest)
                    {
                        nearest = duration;
                        next = i;
                    }
                }

                if (next < 0)
                {
                    break;
                }

                stops.Add(next);
                var longer = Walk(input, matrix, stops, leave);
                if (longer.BackAtGateSeconds > volunteer.Shift.EndSeconds)
                {
                    stops.RemoveAt(stops.Count - 1);
                    break;
                }

                trip = longer;
                carried += deliveries[next].WeightGrams;
                households.Add(deliveries[next].Household.Id);
            }

            return (day, trip with { Number = day.Trips.Count + 1 }, stops);
        }

        return null;
    }

    private static DoorTrip Walk(DoorRoutingInput input, TravelMatrix matrix, List<int> stops, int leave)
    {
        var doors = new List<DoorVisit>(stops.Count);
        int at = 0;
        long time = leave;
        long metres = 0;
        long carried = 0;
        foreach (int stop in stops)
        {
            var delivery = input.Deliveries[stop];
            time += matrix.Duration(at, stop + 1);
            metres += matrix.Distance(at, stop + 1);
            int service = input.Settings.ServiceSeconds(delivery.Household);
            doors.Add(new DoorVisit(delivery.Id, delivery.Household.Id, delivery.Household.IsVulnerable, (int)time, (int)time, service));
            time += service;
            carried += delivery.WeightGrams;
            at = stop + 1;
        }

        time += matrix.Duration(at, 0);
        metres += matrix.Distance(at, 0);
        return new DoorTrip(0, leave, (int)time, carried, metres, doors);
    }

    private static UnassignedReason Diagnose(DoorRoutingInput input, TravelMatrix matrix, List<Volunteer> volunteers, int stop)
    {
        var delivery = input.Deliveries[stop];
        if (volunteers.Count == 0)
        {
            return UnassignedReason.NoAllowedVehicle;
        }

        if (volunteers.All(v => delivery.WeightGrams > v.CarryLimitGrams))
        {
            return UnassignedReason.DemandExceedsEveryCapacity;
        }

        long roundTrip = matrix.Duration(0, stop + 1) + input.Settings.ServiceSeconds(delivery.Household) + matrix.Duration(stop + 1, 0);
        if (volunteers.All(v => Math.Max(delivery.ReadyAtSeconds, v.Shift.StartSeconds) + roundTrip > v.Shift.EndSeconds))
        {
            return UnassignedReason.ReadyAfterWindowCloses;
        }

        return UnassignedReason.NoCapacityOrTimeLeft;
    }

    private static string Detail(DoorRoutingInput input, List<Volunteer> volunteers, int stop)
    {
        var delivery = input.Deliveries[stop];
        return volunteers.Count == 0
            ? $"no volunteer on duty at gate {input.Gate.Id}"
            : $"{delivery.WeightGrams} g ready at {delivery.ReadyAtSeconds} s; {volunteers.Count} volunteers, carry up to {volunteers.Max(v => v.CarryLimitGrams)} g, shifts end by {volunteers.Max(v => v.Shift.EndSeconds)} s, all busy or full";
    }

    private static UnassignedDelivery Unassigned(DoorDelivery delivery, UnassignedReason reason, string detail) =>
        new(delivery.Id, delivery.Household.Id, delivery.Household.IsVulnerable, reason, detail);

    internal sealed class VolunteerDay(Volunteer volunteer)
    {
        public Volunteer Volunteer { get; } = volunteer;

        public List<DoorTrip> Trips { get; } = [];

        public HashSet<string> Households { get; } = new(StringComparer.Ordinal);

        public int FreeAtSeconds { get; private set; } = volunteer.Shift.StartSeconds;

        public void Add(DoorTrip trip, int reloadSeconds)
        {
            Trips.Add(trip);
            foreach (var door in trip.Doors)
            {
                Households.Add(door.HouseholdId);
            }

            FreeAtSeconds = trip.BackAtGateSeconds + reloadSeconds;
        }
    }
}
