using Dispatch.Planning.District;
using Dispatch.Planning.GateCycles;

namespace Dispatch.Planning.Live;

/// <summary>The gate's new cycles and its orders with their new ready times.</summary>
public sealed record LateArrivalResult(GateCyclePlan Cycles, IReadOnlyList<OrderOutcome> Outcomes);
