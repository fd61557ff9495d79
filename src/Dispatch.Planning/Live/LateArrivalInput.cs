using Dispatch.Domain.Geography;
using Dispatch.Planning.District;
using Dispatch.Planning.GateCycles;

namespace Dispatch.Planning.Live;

/// <summary>A truck's load reached a gate later than planned.</summary>
/// <param name="Current">The gate's cycles in the plan being acted on.</param>
/// <param name="Unloads">Every consignment unloaded at the gate, with when it is on the ground as planned (<see cref="LateUnloads"/>).</param>
/// <param name="LateConsignmentIds">The consignments that arrived late; their arrival becomes <paramref name="OnGroundAtSeconds"/>.</param>
/// <param name="OnGroundAtSeconds">When the late goods are unloaded and can enter a cycle.</param>
/// <param name="Outcomes">Outcomes of the orders at this gate; ready times move with their consignment's release.</param>
public sealed record LateArrivalInput(
    Gate Gate,
    GateCyclePlan Current,
    IReadOnlyList<GateUnload> Unloads,
    IReadOnlySet<string> LateConsignmentIds,
    int OnGroundAtSeconds,
    IReadOnlyList<OrderOutcome> Outcomes,
    SolveLimits Limits);
