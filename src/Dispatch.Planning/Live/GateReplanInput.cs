using Dispatch.Domain.Geography;
using Dispatch.Domain.People;
using Dispatch.Planning.District;
using Dispatch.Planning.Doors;
using Dispatch.Planning.Travel;

namespace Dispatch.Planning.Live;

/// <summary>One gate's door work as planned, what has happened since, and who can still carry.</summary>
/// <param name="Current">The gate's door routes in the plan being acted on.</param>
/// <param name="Outcomes">The plan's outcomes of the orders at this gate.</param>
/// <param name="Deliveries">Every door delivery of the gate, by the id routes use, with today's ready time (a late truck moves it).</param>
/// <param name="Volunteers">The gate's volunteers still available; others keep only the trips they started.</param>
/// <param name="Reports">Reports so far, by delivery id.</param>
/// <param name="NotBeforeSeconds">Where the gate's day stands: no new or moved trip leaves earlier.</param>
/// <param name="RetryDelaySeconds">A door that did not answer is tried again no sooner than this after <paramref name="NotBeforeSeconds"/>.</param>
/// <param name="StartedTrips">Trips that left the gate, reported stop or not: they stay as they are.</param>
public sealed record GateReplanInput(
    Gate Gate,
    DoorRoutingResult Current,
    IReadOnlyList<OrderOutcome> Outcomes,
    IReadOnlyList<DoorDelivery> Deliveries,
    IReadOnlyList<Volunteer> Volunteers,
    IReadOnlyDictionary<string, StopReport> Reports,
    int NotBeforeSeconds,
    ITravelMatrix Walking,
    DoorRoutingSettings Settings,
    int RetryDelaySeconds = 30 * 60,
    IReadOnlySet<VolunteerTripRef>? StartedTrips = null)
{
    /// <summary>Where the gate's day stands: the end of the latest reported drop, or <paramref name="nowSeconds"/> when later.</summary>
    public static int NotBeforeOf(DoorRoutingResult current, IReadOnlyDictionary<string, StopReport> reports, int nowSeconds) =>
        current.Routes.SelectMany(r => r.Trips).SelectMany(t => t.Doors)
            .Where(d => reports.ContainsKey(d.DeliveryId))
            .Select(d => d.DropOffStartSeconds + d.ServiceSeconds)
            .Append(nowSeconds)
            .Max();
}
