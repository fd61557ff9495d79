using Dispatch.Domain.Cities;
using Dispatch.Domain.Geography;
using Dispatch.Domain.Scenarios;
using Dispatch.Simulation.Scenarios;

namespace Dispatch.Simulation.Tests.Cities;

/// <summary>Cities of tiny generated districts (a few hundred households each: a simulated day in about a second).</summary>
internal static class TinyCities
{
    public static ScenarioGeneratorOptions District { get; } = new()
    {
        Supermarkets = 2,
        Communities = 3,
        Gates = 4,
        FirstLevelGrids = 3,
        SecondLevelGrids = 6,
        Households = 400,
        Trucks = 4,
        HighRiskCommunities = 1,
        LowRiskCommunities = 1,
        RadiusMetres = 1_500,
        Stock = new DistrictStock(80, 400, 45, 60, 3_000),
    };

    public static CityGeneratorOptions Options(int districts = 3, int seed = 7) =>
        new() { Seed = seed, CityId = "tiny", Districts = districts, District = District };

    /// <summary>A city held in memory: one district per scenario, with ids <c>tiny-d01</c> ... in order.</summary>
    public static LoadedCity InMemory(params Scenario[] scenarios)
    {
        var districts = scenarios.Select((s, i) => new DistrictScenario(
            new CityDistrict(new DistrictId(s.District.Id), s.District.Name, s.District.Id), "/nowhere/" + s.District.Id, s)).ToList();
        return new LoadedCity(new City("tiny", "tiny", [.. districts.Select(d => d.District)], []), "/nowhere", districts);
    }

    /// <summary>A tiny district of its own, its ids prefixed so that districts made here do not collide.</summary>
    public static Scenario Generated(int number, int seed, int trucks = 4, int? volunteers = null, int households = 400) =>
        ScenarioGenerator.Generate(District with
        {
            Seed = seed,
            DistrictId = CityGenerator.DistrictIdOf("tiny", number),
            DistrictName = $"tiny {number}",
            IdPrefix = $"d{number:00}-",
            Trucks = trucks,
            Volunteers = volunteers,
            Households = households,
        });
}
