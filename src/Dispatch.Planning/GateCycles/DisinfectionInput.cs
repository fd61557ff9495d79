using Dispatch.Domain.Geography;

namespace Dispatch.Planning.GateCycles;

/// <summary>Consignments arriving at each gate, to be batched through the gates' disinfection zones.</summary>
/// <param name="VulnerableHouseholdWeight">How much more a vulnerable household's waiting counts than another's (at least 1).</param>
public sealed record DisinfectionInput(IReadOnlyList<GateArrivals> Gates, SolveLimits Limits, int VulnerableHouseholdWeight = 10);

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

/// <summary>Goods one truck unloads at a gate for some households; may be split over several cycles, in whole pieces.</summary>
/// <param name="ArrivalAtSeconds">When the truck unloads, seconds from the plan day's start; no cycle takes these goods earlier.</param>
/// <param name="Households">Households whose goods these are (weights the objective; at least 1 is assumed).</param>
/// <param name="VulnerableHouseholds">How many of <paramref name="Households"/> are vulnerable.</param>
/// <param name="PieceGrams">
/// The smallest part a split may move (a bundle, a crate); <paramref name="WeightGrams"/> is a whole number of pieces.
/// 1 lets a split fall on any gram.
/// </param>
public sealed record Consignment(string Id, int ArrivalAtSeconds, long WeightGrams, int Households, int VulnerableHouseholds, long PieceGrams = 1)
{
    public long Pieces => WeightGrams / PieceGrams;

    /// <summary>Weight of this consignment's release time in the objective.</summary>
    public long PriorityWeight(int vulnerableHouseholdWeight) =>
        Math.Max(1L, (long)(Households - VulnerableHouseholds) + (long)VulnerableHouseholds * vulnerableHouseholdWeight);
}
