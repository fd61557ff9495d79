using System.Globalization;
using Dispatch.Domain.Cities;
using Dispatch.Domain.Geography;
using Dispatch.Domain.Scenarios;
using Dispatch.Simulation.Cities;

namespace Dispatch.Simulation.Scenarios;

/// <summary>
/// Builds a city of generated districts: district i has id <c>{city}-dNN</c>, its own seed derived from the city's,
/// grid and supermarket ids prefixed <c>dNN-</c> (unique across the city), and its centre on a square grid of
/// districts side by side. Pure and deterministic for a seed.
/// </summary>
public static class CityGenerator
{
    private const int GapBetweenDistrictsMetres = 1_000;

    public static string DistrictIdOf(string cityId, int number) => $"{cityId}-d{number.ToString("00", CultureInfo.InvariantCulture)}";

    public static (City City, IReadOnlyList<Scenario> Scenarios) Generate(CityGeneratorOptions options)
    {
        options.Check();
        int columns = (int)Math.Ceiling(Math.Sqrt(options.Districts));
        int spacingMetres = (2 * options.District.RadiusMetres) + GapBetweenDistrictsMetres;
        string cityName = options.CityName ?? options.CityId;
        var districts = new List<CityDistrict>(options.Districts);
        var scenarios = new List<Scenario>(options.Districts);
        for (int i = 0; i < options.Districts; i++)
        {
            int number = i + 1;
            var id = new DistrictId(DistrictIdOf(options.CityId, number));
            string name = $"{cityName} district {number}";

            // Row by row from the north-west corner, the grid centred on the city centre.
            double east = ((i % columns) - ((columns - 1) / 2.0)) * spacingMetres;
            double north = (((columns - 1) / 2.0) - (i / columns)) * spacingMetres;
            var centre = ScenarioGenerator.Offset(ScenarioGenerator.Offset(options.District.Centre, 0, north), Math.PI / 2, east);
            scenarios.Add(ScenarioGenerator.Generate(options.District with
            {
                Seed = CitySeeds.ForDistrict(options.Seed, id),
                DistrictId = id.Value,
                DistrictName = name,
                Centre = centre,
                IdPrefix = $"d{number.ToString("00", CultureInfo.InvariantCulture)}-",
            }));
            districts.Add(new CityDistrict(id, name, id.Value));
        }

        return (new City(options.CityId, cityName, districts, []), scenarios);
    }
}
