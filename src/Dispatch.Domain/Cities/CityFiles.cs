using System.Text.Json;
using Dispatch.Domain.Geography;
using Dispatch.Domain.Scenarios;

namespace Dispatch.Domain.Cities;

/// <summary>
/// Reads and writes a city folder: <c>city.json</c> (the city's id and name, its districts with the path of each
/// district's scenario folder, the shared supermarkets) and one scenario folder per district (<see cref="ScenarioFiles"/>).
/// </summary>
public static class CityFiles
{
    public const string CityFileName = "city.json";

    /// <exception cref="ScenarioFormatException">city.json or a district's scenario cannot be read, or the city breaks a rule of <see cref="CityValidator"/>.</exception>
    public static LoadedCity Load(string folder)
    {
        string cityPath = Path.Combine(folder, CityFileName);
        var city = ScenarioFiles.ReadJson<CityDocument>(cityPath).ToCity(cityPath);
        Refuse(cityPath, CityValidator.Structure(city, folder));
        var districts = city.Districts
            .Select(d =>
            {
                string districtFolder = Path.GetFullPath(Path.Combine(folder, d.Path));
                return new DistrictScenario(d, districtFolder, ScenarioFiles.Load(districtFolder));
            })
            .ToList();
        Refuse(cityPath, CityValidator.Across(city, districts));
        return new LoadedCity(city, Path.GetFullPath(folder), districts);
    }

    /// <summary>Writes city.json and every district's scenario folder (at its path under <paramref name="folder"/>).</summary>
    public static void Save(City city, IReadOnlyList<Scenario> scenarios, string folder)
    {
        if (scenarios.Count != city.Districts.Count)
        {
            throw new ArgumentException($"{city.Districts.Count} districts but {scenarios.Count} scenarios", nameof(scenarios));
        }

        Directory.CreateDirectory(folder);
        for (int i = 0; i < scenarios.Count; i++)
        {
            ScenarioFiles.Save(scenarios[i], Path.Combine(folder, city.Districts[i].Path));
        }

        using var stream = File.Create(Path.Combine(folder, CityFileName));
        JsonSerializer.Serialize(stream, CityDocument.From(city), ScenarioFiles.JsonOptions);
    }

    private static void Refuse(string cityPath, IReadOnlyList<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new ScenarioFormatException(cityPath, 0, string.Join("; ", problems.Take(5)) + (problems.Count > 5 ? $"; and {problems.Count - 5} more" : ""));
        }
    }

    private sealed record DistrictEntry(string? Id, string? Name, string? Path);

    private sealed record CityDocument(string? Id, string? Name, List<DistrictEntry>? Districts, List<string>? SharedSupermarkets)
    {
        public static CityDocument From(City city) => new(
            city.Id, city.Name, [.. city.Districts.Select(d => new DistrictEntry(d.Id.Value, d.Name, d.Path))], [.. city.SharedSupermarkets]);

        public City ToCity(string cityPath)
        {
            var districts = new List<CityDistrict>();
            foreach (var (entry, index) in (Districts ?? []).Select((e, i) => (e, i)))
            {
                string? problem = entry is null ? "is missing" : DistrictId.Problem(entry.Id);
                if (problem is not null)
                {
                    throw new ScenarioFormatException(cityPath, 0, $"district #{index + 1}: id {problem}");
                }

                districts.Add(new CityDistrict(new DistrictId(entry!.Id!), entry.Name ?? entry.Id!, entry.Path ?? ""));
            }

            return new City(Id ?? "", Name ?? Id ?? "", districts, SharedSupermarkets ?? []);
        }
    }
}
