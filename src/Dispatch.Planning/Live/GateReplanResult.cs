using Dispatch.Planning.District;
using Dispatch.Planning.Doors;

namespace Dispatch.Planning.Live;

/// <summary>The gate's new door routes and the new outcomes of its door orders.</summary>
public sealed record GateReplanResult(DoorRoutingResult Doors, IReadOnlyList<OrderOutcome> Outcomes);
