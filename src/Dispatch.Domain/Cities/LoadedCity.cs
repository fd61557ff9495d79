using Dispatch.Domain.Geography;

namespace Dispatch.Domain.Cities;

/// <summary>A city read from its folder: <c>city.json</c> and every district's scenario, in the order city.json lists them.</summary>
public sealed record LoadedCity(City City, string Folder, IReadOnlyList<DistrictScenario> Districts)
{
    /// <summary>The district with that id, or null.</summary>
    public DistrictScenario? Find(DistrictId id) => Districts.FirstOrDefault(d => d.District.Id == id);
}
