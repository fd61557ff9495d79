using Dispatch.Domain.Orders;
using Dispatch.Server.Errors;
using Dispatch.Server.Planning;
using Dispatch.Storage;

namespace Dispatch.Server.Live;

/// <summary>
/// The in-process <see cref="ILiveDispatch"/>: each call goes to the one part that owns it. Plans go live and gates
/// re-plan through <see cref="LiveCoordinator"/>; each cause of a re-plan has its handler (<see cref="StopReportHandler"/>,
/// <see cref="AvailabilityHandler"/>, <see cref="ArrivalHandler"/> with <see cref="ExpectedLateHandler"/>,
/// <see cref="TopUpHandler"/>); which orders a report moves along is <see cref="OrderProgress"/>'s, and
/// <see cref="OrderHistory"/> alone writes what happens to an order.
/// </summary>
internal sealed class LiveDispatch(
    LiveDays days,
    LiveRoster roster,
    LiveCoordinator coordinator,
    StopReportHandler stops,
    AvailabilityHandler availability,
    ArrivalHandler arrivals,
    TopUpHandler topUps,
    OrderProgress progress,
    OrderHistory history,
    ConfirmationGuard guard,
    PlanClock planClock) : ILiveDispatch
{
    public bool IsKnownVolunteer(string volunteerId) => roster.IsKnownVolunteer(volunteerId);

    public bool IsKnownTruck(string truckId) => roster.IsKnownTruck(truckId);

    public bool HasLiveDay => days.Current is not null;

    public int? LiveDayNumber => days.Current?.Day;

    public async Task<LiveGateView?> GateViewAsync(string districtId, int day, CancellationToken cancellationToken)
    {
        if (days.Current is not { } live || live.DistrictId != districtId || live.Day != day)
        {
            return null;
        }

        await history.LoadAsync(live, cancellationToken);
        return new LiveGateView(
            planClock.SecondsInto(day),
            live.StartedTrips.Keys.ToHashSet(),
            live.Reports.ToDictionary(p => p.Key, p => p.Value.Delivered, StringComparer.Ordinal),
            live.Unavailable.Keys.ToHashSet(StringComparer.Ordinal),
            new Dictionary<string, OrderStatus>(live.Reached, StringComparer.Ordinal));
    }

    public Task PlanStoredAsync(VersionedPlan plan, IReadOnlyList<Order> orders, CancellationToken cancellationToken) =>
        MakeLiveAsync(plan, orders, reports: null, cancellationToken);

    public Task RestoreAsync(VersionedPlan plan, IReadOnlyList<Order> orders, IReadOnlyList<LiveReport> reports, CancellationToken cancellationToken) =>
        days.Current is null ? MakeLiveAsync(plan, orders, reports, cancellationToken) : Task.CompletedTask;

    /// <summary>The one way a plan reaches the live day; orders of its day it lacks follow as a top-up.</summary>
    private async Task MakeLiveAsync(VersionedPlan plan, IReadOnlyList<Order> orders, IReadOnlyList<LiveReport>? reports, CancellationToken cancellationToken)
    {
        await coordinator.MakeLiveAsync(plan, orders, reports, cancellationToken);
        if (days.Current is { } day)
        {
            topUps.CatchUp(day);
        }
    }

    public Task<int> TopUpAsync(IReadOnlyList<Order> orders, CancellationToken cancellationToken) =>
        topUps.HandleAsync(new TopUpRequest(orders), cancellationToken);

    public Task<StopReportResult> ReportStopAsync(StopReportRequest request, CancellationToken cancellationToken) =>
        stops.HandleAsync(request, cancellationToken);

    public Task<int> SetAvailabilityAsync(string volunteerId, bool available, CancellationToken cancellationToken) =>
        availability.HandleAsync(new AvailabilityChange(volunteerId, available), cancellationToken);

    public Task<ArrivalResult> ReportArrivalAsync(ArrivalReport report, CancellationToken cancellationToken) =>
        arrivals.HandleAsync(report, cancellationToken);

    public Task<DepartureResult> ReportDepartureAsync(DepartureReport report, CancellationToken cancellationToken)
    {
        roster.Truck(report.TruckId);
        return progress.DepartAsync(days.OrThrow(), report, cancellationToken);
    }

    public Task<TripStartResult> StartTripAsync(string volunteerId, int tripNumber, CancellationToken cancellationToken)
    {
        var volunteer = roster.Volunteer(volunteerId);
        return progress.StartTripAsync(days.OrThrow(), volunteer, tripNumber, cancellationToken);
    }

    public Task<PickupResult> ConfirmPickupAsync(PickupConfirmation confirmation, CancellationToken cancellationToken)
    {
        var volunteer = roster.Volunteer(confirmation.VolunteerId);
        return progress.ConfirmPickupAsync(days.OrThrow(), volunteer, confirmation, cancellationToken);
    }

    public Task<UnlockResult> UnlockConfirmationAsync(string? orderRef, string? volunteerId, string by, CancellationToken cancellationToken)
    {
        var day = days.OrThrow();
        if (orderRef is not null && !day.Orders.ContainsKey(orderRef))
        {
            throw new ResourceNotFoundException("order", $"{orderRef} in the live plan");
        }

        if (volunteerId is not null)
        {
            roster.Volunteer(volunteerId);
        }

        return guard.UnlockAsync(day, orderRef, volunteerId, by, cancellationToken);
    }

    public Task<int> ReleaseDueAsync(CancellationToken cancellationToken) =>
        days.Current is { } day ? progress.ReleaseDueAsync(day, cancellationToken) : Task.FromResult(0);
}
