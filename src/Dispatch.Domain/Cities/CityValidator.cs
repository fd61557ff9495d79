using System.Globalization;
using Dispatch.Domain.Geography;
using Dispatch.Domain.Orders;

namespace Dispatch.Domain.Cities;

/// <summary>
/// Checks a city: its list of districts before their scenarios are read (ids, duplicates, folders), then the
/// districts together (grid ids unique across the city, supermarkets in several districts declared shared and at one
/// place). Returns one line per problem.
/// </summary>
public static class CityValidator
{
    /// <summary>A shared supermarket is one building: its entries in different districts lie within this distance.</summary>
    public const int SharedSupermarketToleranceMetres = 100;

    /// <summary>Problems of city.json itself; <paramref name="folder"/> resolves the districts' relative paths.</summary>
    public static IReadOnlyList<string> Structure(City city, string folder)
    {
        var problems = new List<string>();
        if (IdText.Problem(city.Id, DistrictId.MaxLength) is { } idProblem)
        {
            problems.Add($"city id {idProblem}");
        }

        if (city.Districts.Count == 0)
        {
            problems.Add("a city lists at least one district");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var district in city.Districts)
        {
            string id = district.Id.Value;
            if (!ids.Add(id))
            {
                problems.Add($"district id '{id}' is listed more than once");
                continue;
            }

            if (string.IsNullOrWhiteSpace(district.Path))
            {
                problems.Add($"district {id}: path is missing");
                continue;
            }

            string full = Path.GetFullPath(Path.Combine(folder, district.Path));
            if (paths.TryGetValue(full, out string? other))
            {
                problems.Add($"district {id}: folder '{district.Path}' is also district {other}'s");
            }
            else
            {
                paths[full] = id;
            }

            if (!Directory.Exists(full))
            {
                problems.Add($"district {id}: folder '{district.Path}' not found");
            }
        }

        foreach (var dup in city.SharedSupermarkets.GroupBy(s => s, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"shared supermarket '{dup.Key}' is listed more than once");
        }

        return problems;
    }

    /// <summary>Problems across the loaded districts.</summary>
    public static IReadOnlyList<string> Across(City city, IReadOnlyList<DistrictScenario> districts)
    {
        var problems = new List<string>();
        foreach (var d in districts)
        {
            if (d.Scenario.District.Id != d.District.Id.Value)
            {
                problems.Add($"district {d.District.Id}: its scenario.json is district '{IdText.Quote(d.Scenario.District.Id)}'; the ids must agree");
            }
        }

        // Intake finds a batch's district by its grid, so one grid id names one grid in the whole city.
        var gridDistrict = new Dictionary<string, DistrictId>(StringComparer.Ordinal);
        var collisions = new List<string>();
        foreach (var d in districts)
        {
            foreach (var grid in d.Scenario.Grids)
            {
                if (gridDistrict.TryGetValue(grid.Id, out var first))
                {
                    collisions.Add($"grid '{grid.Id}' is in districts {first} and {d.District.Id}");
                }
                else
                {
                    gridDistrict[grid.Id] = d.District.Id;
                }
            }
        }

        if (collisions.Count > 0)
        {
            string more = collisions.Count > 1 ? $" (and {collisions.Count - 1} more grid ids in two districts)" : "";
            problems.Add($"{collisions[0]}{more}: grid ids must be unique in a city (intake finds a batch's district by its grid)");
        }

        var declared = city.SharedSupermarkets.ToHashSet(StringComparer.Ordinal);
        var entries = districts
            .SelectMany(d => d.Scenario.Supermarkets.Select(m => (District: d.District.Id, Supermarket: m)))
            .GroupBy(e => e.Supermarket.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var (id, places) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (places.Count > 1 && !declared.Contains(id))
            {
                problems.Add($"supermarket '{id}' is in districts {string.Join(" and ", places.Select(p => p.District))} but not listed in sharedSupermarkets: "
                    + "list it there if it is one supermarket serving both, or give the supermarkets different ids");
            }
            else if (places.Count > 1)
            {
                var first = places[0];
                foreach (var other in places.Skip(1))
                {
                    double metres = first.Supermarket.Location.HaversineMetresTo(other.Supermarket.Location);
                    if (metres > SharedSupermarketToleranceMetres)
                    {
                        problems.Add(string.Create(CultureInfo.InvariantCulture, $"shared supermarket '{id}' is {metres / 1000:F1} km apart in districts {first.District} and {other.District}: one supermarket is at one place"));
                    }
                }
            }
        }

        foreach (string id in city.SharedSupermarkets.Where(id => !entries.ContainsKey(id)))
        {
            problems.Add($"shared supermarket '{id}' is in no district's scenario");
        }

        return problems;
    }
}
