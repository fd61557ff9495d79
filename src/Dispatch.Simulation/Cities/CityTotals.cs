using System.Globalization;
using Dispatch.Domain.Supply;
using Dispatch.Planning.District;

namespace Dispatch.Simulation.Cities;

/// <summary>
/// A city's districts added up. The city's bottleneck is the resource that binds in the districts holding the most
/// shortfall (each district's shortfall counts for the resource that bound it most days).
/// </summary>
public sealed record CityTotals(
    int Districts,
    long HouseholdsOrdering,
    long Served,
    long ServedOnTime,
    long Shortfall,
    BundleCounts Unfilled,
    PlanResource? Bottleneck,
    long BottleneckShortfall)
{
    public double ServedShare => HouseholdsOrdering == 0 ? 1 : (double)Served / HouseholdsOrdering;

    public double OnTimeShare => HouseholdsOrdering == 0 ? 1 : (double)ServedOnTime / HouseholdsOrdering;

    public static CityTotals Of(IReadOnlyList<DistrictRun> runs)
    {
        var byResource = runs.Where(r => r.Bottleneck is not null && r.Shortfall > 0)
            .GroupBy(r => r.Bottleneck!.Value)
            .Select(g => (Resource: g.Key, Shortfall: g.Sum(r => r.Shortfall)))
            .OrderByDescending(g => g.Shortfall).ThenBy(g => g.Resource)
            .ToList();
        return new CityTotals(
            runs.Count,
            runs.Sum(r => r.Result.Summary.HouseholdsOrdering),
            runs.Sum(r => r.Result.Summary.Served),
            runs.Sum(r => r.Result.Summary.ServedOnTime),
            runs.Sum(r => r.Shortfall),
            runs.Aggregate(BundleCounts.Zero, (sum, r) => sum + r.Unfilled),
            byResource.Count == 0 ? null : byResource[0].Resource,
            byResource.Count == 0 ? 0 : byResource[0].Shortfall);
    }

    /// <summary>"4 districts: 93.1% of household-days served by the deadline (93.4% served); shortfall 2,310, 71% of it in districts bound by Volunteers".</summary>
    public string Verdict() => Bottleneck is { } resource
        ? string.Create(CultureInfo.InvariantCulture,
            $"{Districts} districts: {OnTimeShare * 100:F1}% of household-days served by the deadline ({ServedShare * 100:F1}% served); shortfall {Shortfall:N0}, {(double)BottleneckShortfall / Shortfall * 100:F0}% of it in districts bound by {resource}")
        : string.Create(CultureInfo.InvariantCulture,
            $"{Districts} districts: {OnTimeShare * 100:F1}% of household-days served by the deadline ({ServedShare * 100:F1}% served); no bottleneck");
}
