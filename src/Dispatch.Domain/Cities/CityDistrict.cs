using Dispatch.Domain.Geography;

namespace Dispatch.Domain.Cities;

/// <summary>One district of a city: its id, its name and where its scenario folder is.</summary>
/// <param name="Path">The district's scenario folder, relative to the city folder (or absolute).</param>
public sealed record CityDistrict(DistrictId Id, string Name, string Path);
