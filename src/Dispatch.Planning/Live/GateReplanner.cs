using Dispatch.Domain.People;
using Dispatch.Planning.District;
using Dispatch.Planning.Doors;
using Dispatch.Planning.Routing;

namespace Dispatch.Planning.Live;

/// <summary>
/// Re-plans one gate's door work during the day, disturbing as few volunteers as possible: trips that left the gate
/// (started, or with a reported stop) stay as they are; a planned trip stays while its volunteer is available and its goods
/// are still ready when it leaves; everything else loose (doors of a volunteer who dropped out, doors that did not
/// answer and get a second try, doors nobody carried, new orders, goods a late truck made late) is scheduled by
/// <see cref="DoorTripScheduler"/> as new trips after each available volunteer's planned ones. Pure: no clock,
/// the caller says where the day stands.
/// </summary>
public sealed class GateReplanner
{
    public GateReplanResult Replan(GateReplanInput input, CancellationToken cancellation = default)
    {
        var deliveries = input.Deliveries.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var available = input.Volunteers.Where(v => v.GateId == input.Gate.Id).ToDictionary(v => v.Id, StringComparer.Ordinal);
        var kept = new Dictionary<string, List<DoorTrip>>(StringComparer.Ordinal);
        var placed = new HashSet<string>(StringComparer.Ordinal);

        foreach (var route in input.Current.Routes)
        {
            var trips = new List<DoorTrip>();
            foreach (var trip in route.Trips)
            {
                bool started = trip.Doors.Any(d => input.Reports.ContainsKey(d.DeliveryId)) || input.StartedTrips?.Contains(new VolunteerTripRef(route.VolunteerId, trip.Number)) == true;
                if (started && !available.ContainsKey(route.VolunteerId))
                {
                    // Dropped out mid-trip: what they reported stays, the rest goes back to the gate for others.
                    var reported = trip.Doors.Where(d => input.Reports.ContainsKey(d.DeliveryId)).ToList();
                    if (reported.Count == 0)
                    {
                        continue;
                    }

                    trips.Add(trip with { Doors = reported });
                }
                else if (started || (available.ContainsKey(route.VolunteerId) && trip.Doors.All(d => StillReady(deliveries, d.DeliveryId, trip.LeaveGateSeconds))))
                {
                    trips.Add(trip);
                }
                else
                {
                    continue;
                }

                placed.UnionWith(trips[^1].Doors.Select(d => d.DeliveryId));
            }

            if (trips.Count > 0)
            {
                kept[route.VolunteerId] = trips;
            }
        }

        var loose = new List<DoorDelivery>();
        foreach (var delivery in input.Deliveries.Where(d => !placed.Contains(d.Id) && !input.Reports.ContainsKey(d.Id)))
        {
            loose.Add(delivery with { ReadyAtSeconds = Math.Max(delivery.ReadyAtSeconds, input.NotBeforeSeconds) });
        }

        foreach (var report in input.Reports.Values.Where(r => !r.Delivered && r.Retry && !DeliveryIds.IsRetry(r.DeliveryId)))
        {
            string retryId = DeliveryIds.RetryOf(report.DeliveryId);
            if (!placed.Contains(retryId) && !deliveries.ContainsKey(retryId) && deliveries.TryGetValue(report.DeliveryId, out var first))
            {
                loose.Add(first with { Id = retryId, ReadyAtSeconds = Math.Max(first.ReadyAtSeconds, input.NotBeforeSeconds + input.RetryDelaySeconds) });
            }
        }

        var routed = RouteLoose(input, kept, available, loose, cancellation);
        var routes = new List<VolunteerRoute>();
        foreach (string volunteerId in kept.Keys.Union(routed.Routes.Select(r => r.VolunteerId)).OrderBy(id => id, StringComparer.Ordinal))
        {
            var trips = kept.GetValueOrDefault(volunteerId) ?? [];
            var added = routed.Routes.FirstOrDefault(r => r.VolunteerId == volunteerId)?.Trips ?? [];
            // Kept trips keep their numbers (a started trip is known by it); new ones count on from the highest.
            int last = trips.Count == 0 ? 0 : trips.Max(t => t.Number);
            routes.Add(new VolunteerRoute(volunteerId, [.. trips, .. added.Select((t, i) => t with { Number = last + i + 1 })]));
        }

        var doors = new DoorRoutingResult(input.Gate.Id, routes, routed.Unassigned);
        return new GateReplanResult(doors, Outcomes(input, doors));
    }

    private static bool StillReady(Dictionary<string, DoorDelivery> deliveries, string deliveryId, int leaveSeconds) =>
        deliveries.TryGetValue(deliveryId, out var delivery) && delivery.ReadyAtSeconds <= leaveSeconds;

    private static DoorRoutingResult RouteLoose(
        GateReplanInput input, Dictionary<string, List<DoorTrip>> kept, Dictionary<string, Volunteer> available, List<DoorDelivery> loose, CancellationToken cancellation)
    {
        if (loose.Count == 0)
        {
            return new DoorRoutingResult(input.Gate.Id, [], []);
        }

        // Each volunteer carries on after the trips they keep, with the households they already have counted.
        var volunteers = available.Values.Select(v =>
        {
            var trips = kept.GetValueOrDefault(v.Id) ?? [];
            int freeAt = trips.Count == 0 ? v.Shift.StartSeconds : trips[^1].BackAtGateSeconds + input.Settings.ReloadSeconds;
            int households = trips.SelectMany(t => t.Doors).Select(d => d.HouseholdId).Distinct(StringComparer.Ordinal).Count();
            return v with
            {
                Shift = v.Shift with { StartSeconds = Math.Max(v.Shift.StartSeconds, Math.Max(freeAt, input.NotBeforeSeconds)) },
                MaxHouseholds = Math.Max(0, v.MaxHouseholds - households),
            };
        }).ToList();

        var routingInput = new DoorRoutingInput(input.Gate, loose, volunteers, input.Walking, new RoutingOptions(TimeSpan.FromMilliseconds(100)), input.Settings);
        return new DoorTripScheduler().Route(routingInput, cancellation);
    }

    private static List<OrderOutcome> Outcomes(GateReplanInput input, DoorRoutingResult doors)
    {
        var visits = doors.Routes
            .SelectMany(r => r.Trips.SelectMany(t => t.Doors.Select(d => (r.VolunteerId, Visit: d))))
            .ToLookup(v => DeliveryIds.OrderIdOf(v.Visit.DeliveryId), StringComparer.Ordinal);
        var unassigned = doors.Unassigned.ToLookup(u => DeliveryIds.OrderIdOf(u.DeliveryId), StringComparer.Ordinal);
        var doorOrders = input.Deliveries.Select(d => DeliveryIds.OrderIdOf(d.Id)).ToHashSet(StringComparer.Ordinal);
        var outcomes = new List<OrderOutcome>(input.Outcomes.Count);
        foreach (var outcome in input.Outcomes)
        {
            if (!doorOrders.Contains(outcome.OrderId))
            {
                outcomes.Add(outcome);
                continue;
            }

            var orderVisits = visits[outcome.OrderId].ToList();
            var failed = orderVisits
                .Select(v => input.Reports.GetValueOrDefault(v.Visit.DeliveryId))
                .FirstOrDefault(r => r is { Delivered: false } && (!r.Retry || DeliveryIds.IsRetry(r.DeliveryId)));
            var missing = unassigned[outcome.OrderId].FirstOrDefault();
            if (failed is not null)
            {
                outcomes.Add(outcome with { Fate = OrderFate.Unassigned, ServedAtSeconds = null, AssignedTo = null, Reason = $"door delivery failed: {failed.Reason}" });
            }
            else if (missing is not null || !orderVisits.Any(v => input.Reports.GetValueOrDefault(v.Visit.DeliveryId) is not { Delivered: false }))
            {
                string reason = missing is null ? "no volunteer: not routed" : $"no volunteer: {missing.Reason}: {missing.Detail}";
                outcomes.Add(outcome with { Fate = OrderFate.Unassigned, ServedAtSeconds = null, AssignedTo = null, Reason = reason });
            }
            else
            {
                // A door that did not answer is served by its retry, not by the failed first try.
                var serving = orderVisits.Where(v => input.Reports.GetValueOrDefault(v.Visit.DeliveryId) is not { Delivered: false }).ToList();
                outcomes.Add(outcome with
                {
                    Fate = OrderFate.DoorDelivery,
                    ServedAtSeconds = serving.Max(v => v.Visit.DropOffStartSeconds + v.Visit.ServiceSeconds),
                    AssignedTo = string.Join('+', serving.Select(v => v.VolunteerId).Distinct()),
                    Reason = null,
                });
            }
        }

        return outcomes;
    }
}
