using Dispatch.Domain.Geography;
using Dispatch.Domain.Orders;

namespace Dispatch.Simulation.Scenarios;

/// <summary>What <see cref="CityGenerator"/> builds: a number of generated districts side by side, each from the same knobs.</summary>
public sealed record CityGeneratorOptions
{
    /// <summary>Seed of the city; each district's seed is derived from it and the district's id (<see cref="Cities.CitySeeds"/>).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The city's id; district ids are <c>{city}-d01</c>, <c>{city}-d02</c> ...</summary>
    public string CityId { get; init; } = "city";

    public string? CityName { get; init; }

    public int Districts { get; init; } = 4;

    /// <summary>The knobs every district is generated with; its seed, id, name, centre and id prefix are set per district.</summary>
    public ScenarioGeneratorOptions District { get; init; } = new();

    /// <summary>Most districts in one generated city: more is a typing error.</summary>
    public const int MaxDistricts = 99;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option that cannot be built.</summary>
    public void Check()
    {
        if (Districts is < 1 or > MaxDistricts)
        {
            throw new ArgumentException($"a city has 1 to {MaxDistricts} districts, was {Districts}");
        }

        string firstDistrict = CityGenerator.DistrictIdOf(CityId, 1);
        if (IdText.Problem(CityId, DistrictId.MaxLength - 4) is { } problem)
        {
            throw new ArgumentException($"city id {problem}");
        }

        if (DistrictId.Problem(firstDistrict) is { } districtProblem)
        {
            throw new ArgumentException($"city id '{IdText.Quote(CityId)}' gives district ids like '{IdText.Quote(firstDistrict)}', which {districtProblem}");
        }

        District.Check();
    }
}
