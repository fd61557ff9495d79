using Dispatch.Planning.Doors;

namespace Dispatch.Planning.Live;

/// <summary>Each door delivery of the gate once, by the id routes use, with its household, weight and ready time.</summary>
public sealed record GateDoorDeliveriesResult(IReadOnlyList<DoorDelivery> Deliveries);
