using Dispatch.Domain.Geography;

namespace Dispatch.Planning.GateCycles;

/// <summary>Consignments arriving at each gate, to be batched through the gates' disinfection zones.</summary>
/// <param name="VulnerableHouseholdWeight">How much more a vulnerable household's waiting counts than another's (at least 1).</param>
/// <param name="Search">False: the greedy plan, without the CP-SAT search that improves on it.</param>
public sealed record DisinfectionInput(IReadOnlyList<GateArrivals> Gates, SolveLimits Limits, int VulnerableHouseholdWeight = 10, bool Search = true);

/// <summary>One gate's zones and the consignments trucks unload there.</summary>
/// <param name="StorageDwellSeconds">
/// How long released goods occupy the storage zone before volunteers and pickups clear them. 0 leaves
/// the storage zone unbounded in the plan (its peak is still checked by <c>DisinfectionChecks</c> if a dwell is given there).
/// </param>
/// <param name="OpensAtSeconds">No cycle starts before this (seconds from the plan day's start).</param>
public sealed record GateArrivals(
    string GateId,
    DisinfectionZone Disinfection,
    StorageZone Storage,
    IReadOnlyList<Consignment> Consignments,
    int StorageDwellSeconds = 0,
    int OpensAtSeconds = 0);
