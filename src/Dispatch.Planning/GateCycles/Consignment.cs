namespace Dispatch.Planning.GateCycles;

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
