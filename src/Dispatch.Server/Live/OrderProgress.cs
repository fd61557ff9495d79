using System.Globalization;
using Dispatch.Domain.Orders;
using Dispatch.Domain.People;
using Dispatch.Planning.District;
using Dispatch.Planning.Doors;
using Dispatch.Planning.Live;
using Dispatch.Planning.Trucks;
using Dispatch.Server.Errors;
using Dispatch.Storage;

namespace Dispatch.Server.Live;

/// <summary>
/// Which orders the day's reports and the plan clock move along their way: ON_TRUCK when the truck leaves the
/// supermarket, DISINFECTING when it is at the gate, RELEASED when disinfection and rest are over, OUT_FOR_DELIVERY
/// when a volunteer's trip leaves the gate, PICKED_UP when a household collects. <see cref="OrderHistory"/> takes
/// each status once per order, only forward, so a late or repeated report never sends a supermarket backwards.
/// </summary>
public sealed class OrderProgress(OrderHistory history, ConfirmationGuard guard, PlanClock planClock)
{
    // One report at a time: whether a trip or departure is already known and its statuses must not interleave.
    private readonly SemaphoreSlim _writer = new(1, 1);

    internal async Task<DepartureResult> DepartAsync(LiveDay day, DepartureReport report, CancellationToken cancellationToken)
    {
        var plan = day.Plan;
        var trip = plan.Plan.TruckRoutes.Where(r => r.TruckId == report.TruckId).SelectMany(r => r.Trips).FirstOrDefault(t => t.Number == report.TripNumber)
            ?? throw new ResourceNotFoundException("trip", $"{report.TripNumber} on the route of {report.TruckId}");
        var consignments = trip.Stops.Select(s => (s.GateId, ConsignmentRef.Of(s).ToString())).ToHashSet();
        var orderIds = plan.Plan.Orders
            .Where(o => o.TruckId == report.TruckId && o.ConsignmentId is { } c && consignments.Contains((o.GateId, c)))
            .Select(o => o.OrderId)
            .ToList();

        await _writer.WaitAsync(cancellationToken);
        try
        {
            var key = new TruckTripRef(report.TruckId, report.TripNumber);
            if (day.Departures.TryGetValue(key, out int earlier))
            {
                return earlier == report.DepartedAtSeconds
                    ? new DepartureResult(Replayed: true, orderIds.Count, plan.Version)
                    : throw new PreconditionFailedException($"trip {report.TripNumber} of {report.TruckId} was already reported leaving at {Clock(earlier)}; a departure cannot be changed");
            }

            await history.AdvanceAsync(
                day,
                orderIds,
                OrderStatus.OnTruck,
                $"{report.TruckId} left with trip {report.TripNumber} at {Clock(report.DepartedAtSeconds)}",
                cancellationToken,
                LiveReportKinds.OfDeparture(day, key, report.DepartedAtSeconds, planClock.UnixSeconds));
            day.Departures[key] = report.DepartedAtSeconds;
            return new DepartureResult(Replayed: false, orderIds.Count, plan.Version);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>The truck is at the gate with the load: its orders' goods go into the disinfection zone.</summary>
    /// <param name="stored">The arrival as stored, with the statuses it causes in one transaction.</param>
    internal async Task ArrivedAsync(LiveDay day, ArrivalReport report, LiveReport stored, CancellationToken cancellationToken)
    {
        var orderIds = day.Plan.Plan.Orders
            .Where(o => o.TruckId == report.TruckId && o.GateId == report.GateId && ConsignmentRef.IsPieceOf(o.ConsignmentId, report.LoadId))
            .Select(o => o.OrderId)
            .ToList();
        await WithWriterAsync(
            () => history.AdvanceAsync(day, orderIds, OrderStatus.Disinfecting, $"{report.TruckId} at gate {report.GateId} with {report.LoadId} at {Clock(report.ArrivedAtSeconds)}", cancellationToken, stored),
            cancellationToken);
    }

    internal async Task<TripStartResult> StartTripAsync(LiveDay day, Volunteer volunteer, int tripNumber, CancellationToken cancellationToken)
    {
        var plan = day.Plan;
        var trip = day.RouteOf(volunteer)?.Trips.FirstOrDefault(t => t.Number == tripNumber)
            ?? throw new ResourceNotFoundException("trip", $"{tripNumber} on the route of {volunteer.Id}");
        var orderIds = OrdersOf(trip);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            if (!day.StartedTrips.ContainsKey(new VolunteerTripRef(volunteer.Id, trip.Number)))
            {
                // Goods leave the gate only after disinfection and the 30-minute rest.
                var ids = orderIds.ToHashSet(StringComparer.Ordinal);
                int readyAt = plan.Plan.Orders.Where(o => ids.Contains(o.OrderId)).Select(o => o.ReadyAtSeconds ?? 0).DefaultIfEmpty(0).Max();
                if (planClock.SecondsInto(day.Day) < readyAt)
                {
                    throw new PreconditionFailedException($"the goods of trip {trip.Number} rest after disinfection until {Clock(readyAt)}");
                }
            }

            bool started = await StartAsync(day, volunteer, trip, cancellationToken);
            return new TripStartResult(Replayed: !started, orderIds, plan.Version);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>A report from a door is also news that its trip left the gate, when nobody said so.</summary>
    internal async Task StopReportedAsync(LiveDay day, Volunteer volunteer, string deliveryId, CancellationToken cancellationToken)
    {
        if (day.RouteOf(volunteer)?.Trips.FirstOrDefault(t => t.Doors.Any(d => d.DeliveryId == deliveryId)) is { } trip)
        {
            await WithWriterAsync(() => StartAsync(day, volunteer, trip, cancellationToken), cancellationToken);
        }
    }

    internal async Task<PickupResult> ConfirmPickupAsync(LiveDay day, Volunteer volunteer, PickupConfirmation confirmation, CancellationToken cancellationToken)
    {
        var plan = day.Plan;
        var outcome = plan.Plan.Orders.FirstOrDefault(o => o.OrderId == confirmation.OrderId && o.GateId == volunteer.GateId && o.Fate is OrderFate.PickupSlot or OrderFate.FreePickup)
            ?? throw new ResourceNotFoundException("order", $"{confirmation.OrderId} for pickup at gate {volunteer.GateId}");
        await guard.CheckAsync(day, volunteer.Id, outcome.OrderId, confirmation.ConfirmationCode, "confirmation_code", cancellationToken);

        await _writer.WaitAsync(cancellationToken);
        try
        {
            await history.LoadAsync(day, cancellationToken);
            if (day.Reached.GetValueOrDefault(outcome.OrderId) == OrderStatus.PickedUp)
            {
                return new PickupResult(Replayed: true, plan.Version);
            }

            if (day.Unavailable.ContainsKey(volunteer.Id))
            {
                throw new PreconditionFailedException($"{volunteer.Id} is marked unavailable: mark them available before handing out goods");
            }

            int now = planClock.SecondsInto(day.Day);
            if (outcome.ReadyAtSeconds is not int readyAt)
            {
                throw new PreconditionFailedException($"the goods of {outcome.OrderId} are not planned to reach gate {outcome.GateId}");
            }

            if (now < readyAt)
            {
                throw new PreconditionFailedException($"the goods of {outcome.OrderId} rest after disinfection until {Clock(readyAt)}");
            }

            // The release check may not have run since the rest ended: say so first, so the history stays in order.
            await history.AdvanceAsync(day, Released(day, [outcome], now), OrderStatus.Released, ReleaseCause(plan.Version, outcome.GateId), cancellationToken);
            await history.AdvanceAsync(day, [outcome.OrderId], OrderStatus.PickedUp, $"picked up at gate {volunteer.GateId}, handed over by {volunteer.Id}", cancellationToken);
            return new PickupResult(Replayed: false, plan.Version);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Releases the goods of every order in disinfection whose ready time (in the latest plan) the plan clock has reached.</summary>
    internal async Task<int> ReleaseDueAsync(LiveDay day, CancellationToken cancellationToken)
    {
        // Checked often: without goods in disinfection there is nothing to read or lock.
        if (day.ReachedLoaded && !day.Reached.Values.Any(s => s == OrderStatus.Disinfecting))
        {
            return 0;
        }

        await _writer.WaitAsync(cancellationToken);
        try
        {
            await history.LoadAsync(day, cancellationToken);
            int now = planClock.SecondsInto(day.Day);
            var plan = day.Plan;
            int released = 0;
            foreach (var gate in plan.Plan.Orders.GroupBy(o => o.GateId, StringComparer.Ordinal))
            {
                released += (await history.AdvanceAsync(day, Released(day, gate, now), OrderStatus.Released, ReleaseCause(plan.Version, gate.Key), cancellationToken)).Count;
            }

            return released;
        }
        finally
        {
            _writer.Release();
        }
    }

    private static List<string> Released(LiveDay day, IEnumerable<OrderOutcome> outcomes, int now) => outcomes
        .Where(o => o.ReadyAtSeconds is int readyAt && readyAt <= now && day.Reached.GetValueOrDefault(o.OrderId) == OrderStatus.Disinfecting)
        .Select(o => o.OrderId)
        .ToList();

    private static string ReleaseCause(int planVersion, string gateId) => $"disinfected and rested at gate {gateId} (plan v{planVersion})";

    /// <summary>Under the writer. False when the trip was already started.</summary>
    private async Task<bool> StartAsync(LiveDay day, Volunteer volunteer, DoorTrip trip, CancellationToken cancellationToken)
    {
        var key = new VolunteerTripRef(volunteer.Id, trip.Number);
        if (day.StartedTrips.ContainsKey(key))
        {
            return false;
        }

        await history.AdvanceAsync(
            day,
            OrdersOf(trip),
            OrderStatus.OutForDelivery,
            $"{volunteer.Id} left gate {volunteer.GateId} with trip {trip.Number}",
            cancellationToken,
            LiveReportKinds.OfTripStart(day, key, planClock.UnixSeconds),
            stored: () => day.StartedTrips[key] = true);
        day.StartedTrips[key] = true;
        return true;
    }

    private async Task WithWriterAsync(Func<Task> action, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await action();
        }
        finally
        {
            _writer.Release();
        }
    }

    private static List<string> OrdersOf(DoorTrip trip) =>
        trip.Doors.Select(d => DeliveryIds.OrderIdOf(d.DeliveryId)).Distinct(StringComparer.Ordinal).ToList();

    private static string Clock(int secondsOfDay) =>
        string.Create(CultureInfo.InvariantCulture, $"{secondsOfDay / 3600:D2}:{secondsOfDay % 3600 / 60:D2}");
}
