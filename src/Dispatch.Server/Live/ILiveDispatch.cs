using Dispatch.Domain.Orders;
using Dispatch.Server.Planning;
using Dispatch.Storage;

namespace Dispatch.Server.Live;

/// <summary>
/// The live day of a district: the plan being acted on, what volunteers reported, who dropped out, and the gate
/// re-plans these cause. District-keyed state stays behind this interface so it can become a grain per district.
/// </summary>
public interface ILiveDispatch
{
    /// <summary>
    /// A full plan was stored: it becomes the plan acted on and every volunteer's route is offered to the streams.
    /// <paramref name="orders"/> are those it was made from; the day's orders stored since are topped up in the background.
    /// </summary>
    Task PlanStoredAsync(VersionedPlan plan, IReadOnlyList<Order> orders, CancellationToken cancellationToken);

    /// <summary>
    /// After a restart: as <see cref="PlanStoredAsync"/>, with the day's stored reports replayed, unless a plan was made
    /// live meanwhile.
    /// </summary>
    Task RestoreAsync(VersionedPlan plan, IReadOnlyList<Order> orders, IReadOnlyList<LiveReport> reports, CancellationToken cancellationToken);

    /// <summary>True once a plan is live.</summary>
    bool HasLiveDay { get; }

    /// <summary>The plan day being delivered (null before any plan is live).</summary>
    int? LiveDayNumber { get; }

    /// <summary>
    /// Orders stored after their day's live plan was made: each gate they go to is topped up (stock left, a truck
    /// free after its trips, cycles after the planned ones, slots and door trips) and re-planned. Orders of another
    /// day or already in the plan are skipped. Returns the plan version after it.
    /// </summary>
    Task<int> TopUpAsync(IReadOnlyList<Order> orders, CancellationToken cancellationToken);

    Task<StopReportResult> ReportStopAsync(StopReportRequest report, CancellationToken cancellationToken);

    /// <summary>Marks a volunteer available or not; a change re-plans their gate. Returns the plan version after it.</summary>
    Task<int> SetAvailabilityAsync(string volunteerId, bool available, CancellationToken cancellationToken);

    /// <summary>A truck is at a gate with a load; a late one re-plans the gate's cycles and door trips.</summary>
    Task<ArrivalResult> ReportArrivalAsync(ArrivalReport report, CancellationToken cancellationToken);

    /// <summary>True when the scenario has this truck.</summary>
    bool IsKnownTruck(string truckId);

    /// <summary>True when the scenario has this volunteer.</summary>
    bool IsKnownVolunteer(string volunteerId);

    /// <summary>A truck left its supermarket with a trip of its route: the trip's orders are on the truck.</summary>
    Task<DepartureResult> ReportDepartureAsync(DepartureReport report, CancellationToken cancellationToken);

    /// <summary>A volunteer left the gate with a trip of their route: its doors' orders are out for delivery.</summary>
    Task<TripStartResult> StartTripAsync(string volunteerId, int tripNumber, CancellationToken cancellationToken);

    /// <summary>A household collected its order at the gate, confirmed with its code.</summary>
    Task<PickupResult> ConfirmPickupAsync(PickupConfirmation confirmation, CancellationToken cancellationToken);

    /// <summary>What has happened so far on <paramref name="day"/> of the district, for a gate board; null when that day is not the live one.</summary>
    Task<LiveGateView?> GateViewAsync(string districtId, int day, CancellationToken cancellationToken);

    /// <summary>
    /// A supervisor lifts the proof-code lock of an order (its order_ref) or of a volunteer; exactly one is given.
    /// <paramref name="by"/> names who, for the order's history.
    /// </summary>
    Task<UnlockResult> UnlockConfirmationAsync(string? orderRef, string? volunteerId, string by, CancellationToken cancellationToken);

    /// <summary>Releases the goods whose disinfection and rest the plan clock says are over; returns how many orders.</summary>
    Task<int> ReleaseDueAsync(CancellationToken cancellationToken);
}
