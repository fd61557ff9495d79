namespace Dispatch.Domain.Cities;

/// <summary>
/// A city under lockdown: its districts, each planned on its own (the district is the unit of planning and the shard
/// key), and the supermarkets that serve grids in more than one district.
/// </summary>
/// <param name="SharedSupermarkets">
/// Supermarket ids that appear in more than one district's scenario and are one supermarket: each district's entry
/// holds the stock it sets aside for that district's grids. An id in two districts that is not listed here is an error
/// (two different supermarkets given the same id).
/// </param>
public sealed record City(string Id, string Name, IReadOnlyList<CityDistrict> Districts, IReadOnlyList<string> SharedSupermarkets);
