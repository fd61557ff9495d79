using Dispatch.Domain.Scenarios;

namespace Dispatch.Domain.Cities;

/// <summary>A city's district with its scenario loaded from <paramref name="Folder"/> (a full path).</summary>
public sealed record DistrictScenario(CityDistrict District, string Folder, Scenario Scenario);
