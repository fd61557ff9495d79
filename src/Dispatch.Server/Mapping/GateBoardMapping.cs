using System.Globalization;
using Dispatch.Domain.Geography;
using Dispatch.Domain.Orders;
using Dispatch.Planning.District;
using Dispatch.Planning.Doors;
using Dispatch.Planning.Live;
using Dispatch.Server.Live;
using Dispatch.Server.Planning;
using V1 = Dispatch.Contracts.V1;

namespace Dispatch.Server.Mapping;

/// <summary>
/// A gate leader's board: the gate's plan with the gate's capacities, the storage zone's planned load, each
/// volunteer's trips as reported, and what is late by the plan clock.
/// </summary>
public static class GateBoardMapping
{
    /// <param name="volunteerIds">The gate's volunteers: each is on the board, with trips or without (dropped out, none planned).</param>
    /// <param name="live">What happened on the day so far; null when the plan is not the live day's (the board then shows the plan only).</param>
    public static V1.GateBoard ToBoard(VersionedPlan versioned, Gate gate, IReadOnlyList<string> volunteerIds, LiveGateView? live, int nowSeconds, PlanningSettings settings)
    {
        var plan = versioned.Plan;
        var board = new V1.GateBoard
        {
            Plan = PlanMapping.ToGatePlan(versioned, gate.Id),
            GateName = gate.Name,
            NowSeconds = nowSeconds,
            Live = live is not null,
            DisinfectionCapacityGrams = gate.Disinfection.CapacityGramsPerCycle,
            StorageCapacityGrams = gate.Storage.CapacityGrams,
            CrowdCap = gate.Pickup.CrowdCap,
        };
        board.Storage.AddRange(StorageLoads(plan, gate.Id, settings.StorageDwellSeconds));

        var routes = plan.DoorRoutes.Where(d => d.GateId == gate.Id).SelectMany(d => d.Routes).ToList();
        var routeOf = routes.ToDictionary(r => r.VolunteerId, StringComparer.Ordinal);
        foreach (string volunteerId in volunteerIds.Concat(routeOf.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var volunteer = new V1.VolunteerBoard { VolunteerId = volunteerId, Available = live?.Unavailable.Contains(volunteerId) != true };
            var trips = routeOf.TryGetValue(volunteerId, out var route) ? route.Trips : [];
            volunteer.Trips.AddRange(trips.Select(t => new V1.VolunteerTripBoard
            {
                Number = t.Number,
                LeaveGateSeconds = t.LeaveGateSeconds,
                BackAtGateSeconds = t.BackAtGateSeconds,
                Doors = t.Doors.Count,
                Delivered = live is null ? 0 : t.Doors.Count(d => live.Reports.GetValueOrDefault(d.DeliveryId, false)),
                Failed = live is null ? 0 : t.Doors.Count(d => live.Reports.TryGetValue(d.DeliveryId, out bool delivered) && !delivered),
                Started = live?.StartedTrips.Contains(new VolunteerTripRef(volunteerId, t.Number)) == true,
            }));
            board.Volunteers.Add(volunteer);
        }

        var late = live is null ? [] : LateNow(plan, gate.Id, routes, live, nowSeconds).ToList();
        late.AddRange(plan.Orders
            .Where(o => o.GateId == gate.Id && o.ServedAtSeconds is int served && served > settings.ServeByDeadlineSeconds)
            .Select(o => Late(V1.LateKind.ServedAfterDeadline, o.OrderId, o.Fate == OrderFate.DoorDelivery ? o.AssignedTo : null, settings.ServeByDeadlineSeconds, o.ServedAtSeconds!.Value)));
        board.Late.AddRange(late.OrderByDescending(l => l.LateBySeconds).ThenBy(l => l.Subject, StringComparer.Ordinal));
        return board;
    }

    /// <summary>What the storage zone holds at each cycle's end (the moments it is fullest): the cycles released within the dwell before it.</summary>
    private static IEnumerable<V1.StorageLoad> StorageLoads(Plan plan, string gateId, int dwellSeconds)
    {
        var cycles = plan.GateCycles.Where(g => g.GateId == gateId).SelectMany(g => g.Cycles).ToList();
        int dwell = Math.Max(1, dwellSeconds);
        return cycles.Select(c => new V1.StorageLoad
        {
            AtSeconds = c.EndAtSeconds,
            HeldGrams = cycles.Where(o => o.EndAtSeconds <= c.EndAtSeconds && c.EndAtSeconds < o.EndAtSeconds + dwell).Sum(o => o.LoadGrams),
        });
    }

    private static IEnumerable<V1.LateItem> LateNow(Plan plan, string gateId, IEnumerable<Dispatch.Planning.Doors.VolunteerRoute> routes, LiveGateView live, int now)
    {
        foreach (var route in routes.Where(r => !live.Unavailable.Contains(r.VolunteerId)))
        {
            foreach (var trip in route.Trips)
            {
                var key = new VolunteerTripRef(route.VolunteerId, trip.Number);
                if (!live.StartedTrips.Contains(key))
                {
                    // Its doors are late too, but the trip says it once.
                    if (trip.LeaveGateSeconds < now)
                    {
                        yield return Late(V1.LateKind.TripNotStarted, key.ToString(), route.VolunteerId, trip.LeaveGateSeconds, now);
                    }

                    continue;
                }

                foreach (var door in trip.Doors.Where(d => !live.Reports.ContainsKey(d.DeliveryId) && d.DropOffStartSeconds + d.ServiceSeconds < now))
                {
                    yield return Late(V1.LateKind.DoorNotReported, door.DeliveryId, route.VolunteerId, door.DropOffStartSeconds + door.ServiceSeconds, now);
                }
            }
        }

        var slotEnds = plan.PickupSlots.Where(p => p.GateId == gateId).SelectMany(p => p.Slots).ToDictionary(s => s.Index, s => s.EndAtSeconds);
        foreach (var order in plan.Orders.Where(o => o.GateId == gateId && o.Fate == OrderFate.PickupSlot))
        {
            if (SlotIndex(order.AssignedTo) is int index && slotEnds.TryGetValue(index, out int end) && end < now
                && live.Reached.GetValueOrDefault(order.OrderId) != OrderStatus.PickedUp)
            {
                yield return Late(V1.LateKind.PickupNotCollected, order.OrderId, null, end, now);
            }
        }
    }

    private static int? SlotIndex(string? assignedTo) =>
        assignedTo is not null && assignedTo.StartsWith("slot ", StringComparison.Ordinal)
        && int.TryParse(assignedTo.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out int index) ? index : null;

    private static V1.LateItem Late(V1.LateKind kind, string subject, string? volunteerId, int dueSeconds, int atSeconds) => new()
    {
        Kind = kind,
        Subject = subject,
        VolunteerId = volunteerId ?? "",
        DueSeconds = dueSeconds,
        LateBySeconds = atSeconds - dueSeconds,
    };
}
