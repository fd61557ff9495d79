using Dispatch.Domain.Scenarios;
using Dispatch.Simulation.Scenarios;

namespace Dispatch.Simulation.Tests.Days;

/// <summary>Small generated districts that a simulation day plans in about a second.</summary>
internal static class SimulationDistricts
{
    public static Scenario Small(int seed = 21, double stockShare = 1.0, int? volunteers = null, int trucks = 6) => ScenarioGenerator.Generate(new ScenarioGeneratorOptions
    {
        Seed = seed,
        Supermarkets = 2,
        Communities = 3,
        Gates = 4,
        FirstLevelGrids = 3,
        SecondLevelGrids = 6,
        Households = 600,
        Trucks = trucks,
        Volunteers = volunteers,
        HighRiskCommunities = 1,
        LowRiskCommunities = 1,
        RadiusMetres = 1_500,
        Stock = new DistrictStock(80 * stockShare, 400 * stockShare, 45 * stockShare, 60 * stockShare, (int)(3_000 * stockShare)),
    });
}
