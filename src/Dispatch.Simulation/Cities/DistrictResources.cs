using Dispatch.Domain.Scenarios;
using Dispatch.Domain.Supply;

namespace Dispatch.Simulation.Cities;

/// <summary>What a district plans with, before the days draw illness and stock swings: shown before and after a move.</summary>
public sealed record DistrictResources(int Households, int Trucks, long TruckCapacityGrams, int Volunteers, BundleCounts DailyStock)
{
    public static DistrictResources Of(Scenario scenario) => new(
        scenario.Households.Count,
        scenario.Vehicles.Count,
        scenario.Vehicles.Sum(v => v.CapacityGrams),
        scenario.Volunteers.Count,
        scenario.Supermarkets.Aggregate(BundleCounts.Zero, (sum, m) => sum + m.DailyStock));
}
