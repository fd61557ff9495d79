using Dispatch.Domain.Orders;
using Dispatch.Planning.Doors;

namespace Dispatch.Server.Live;

/// <summary>What the live day holds now that a gate board shows beside the plan: trips left, doors reported, who dropped out, orders collected.</summary>
/// <param name="StartedTrips">Trips that left the gate.</param>
/// <param name="Reports">Door reports by delivery id: true delivered, false failed.</param>
/// <param name="Reached">How far each order has come (its furthest status from reports and the plan clock).</param>
public sealed record LiveGateView(
    int NowSeconds,
    IReadOnlySet<VolunteerTripRef> StartedTrips,
    IReadOnlyDictionary<string, bool> Reports,
    IReadOnlySet<string> Unavailable,
    IReadOnlyDictionary<string, OrderStatus> Reached);
