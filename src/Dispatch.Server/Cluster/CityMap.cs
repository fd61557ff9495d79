using Dispatch.Domain.Cities;
using Dispatch.Domain.Geography;

namespace Dispatch.Server.Cluster;

/// <summary>
/// The city a cluster serves, loaded once per silo from its city folder: each district's scenario, and which district
/// each grid belongs to (grid ids are unique across a city), so intake finds a batch's district from its grid.
/// </summary>
public sealed class CityMap
{
    private readonly Dictionary<string, DistrictScenario> _districts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DistrictId> _gridDistricts = new(StringComparer.Ordinal);

    public CityMap(LoadedCity city)
    {
        City = city.City;
        foreach (var district in city.Districts)
        {
            _districts[district.District.Id.ToString()] = district;
            foreach (var grid in district.Scenario.Grids)
            {
                _gridDistricts[grid.Id] = district.District.Id;
            }
        }
    }

    public City City { get; }

    public IReadOnlyCollection<DistrictScenario> Districts => _districts.Values;

    public DistrictScenario? Find(string districtId) => _districts.GetValueOrDefault(districtId);

    public DistrictId? DistrictOfGrid(string gridId) => _gridDistricts.TryGetValue(gridId, out var district) ? district : null;
}
