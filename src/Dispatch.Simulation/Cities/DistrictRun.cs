using Dispatch.Domain.Geography;
using Dispatch.Domain.Supply;
using Dispatch.Planning.District;
using Dispatch.Simulation.Days;

namespace Dispatch.Simulation.Cities;

/// <summary>One district's simulation inside a city run: what it had and what it served.</summary>
/// <param name="Seed">The district's own seed, derived from the city's (<see cref="CitySeeds"/>).</param>
public sealed record DistrictRun(DistrictId District, string Name, int Seed, DistrictResources Resources, SimulationResult Result)
{
    /// <summary>Share of household-days served by the deadline of the day they ordered.</summary>
    public double OnTimeShare => Result.Summary.OnTimeShare;

    /// <summary>Household-days not served by their deadline: served late, or not served.</summary>
    public long Shortfall => Result.Summary.HouseholdsOrdering - Result.Summary.ServedOnTime;

    /// <summary>Bundles not filled for want of stock over the days.</summary>
    public BundleCounts Unfilled => Result.Days.Aggregate(BundleCounts.Zero, (sum, d) => sum + d.Unfilled);

    public PlanResource? Bottleneck => Result.Summary.MainBottleneck;
}
