using Dispatch.Domain.Cities;
using Dispatch.Domain.Geography;
using Dispatch.Domain.Scenarios;

namespace Dispatch.Server.Tests.Infrastructure;

/// <summary>
/// Two tiny districts as a city: <c>north</c> is <see cref="TinyDistrict"/> (grids L1-A, L1-B, L1-C; volunteers V1-V3),
/// <c>south</c> the same with its grids renamed L2-* and its supermarkets SM3, SM4 (grid ids are unique in a city).
/// </summary>
public static class TinyCity
{
    public const string North = "north";
    public const string South = "south";

    public static void Save(string folder)
    {
        var north = Renamed(TinyDistrict.Create(), North, "L1", id => id);
        var south = Renamed(TinyDistrict.Create(), South, "L2", id => id switch { "SM1" => "SM3", "SM2" => "SM4", _ => id });
        var city = new City(
            "tiny-city",
            "tiny city",
            [new CityDistrict(new DistrictId(North), "north", North), new CityDistrict(new DistrictId(South), "south", South)],
            []);
        CityFiles.Save(city, [north, south], folder);
    }

    private static Scenario Renamed(Scenario tiny, string districtId, string gridPrefix, Func<string, string> supermarket)
    {
        string Grid(string id) => gridPrefix + id[2..];
        return tiny with
        {
            District = tiny.District with { Id = districtId },
            Communities = tiny.Communities.Select(c => c with { DistrictId = districtId }).ToList(),
            Grids = tiny.Grids.Select(g => g with
            {
                Id = Grid(g.Id),
                ParentGridId = g.ParentGridId is null ? null : Grid(g.ParentGridId),
                AssignedSupermarketId = g.AssignedSupermarketId is null ? null : supermarket(g.AssignedSupermarketId),
            }).ToList(),
            Households = tiny.Households.Select(h => h with { Id = h.Id.Replace("L1", gridPrefix, StringComparison.Ordinal), GridId = Grid(h.GridId) }).ToList(),
            Supermarkets = tiny.Supermarkets.Select(s => s with { Id = supermarket(s.Id) }).ToList(),
            Vehicles = tiny.Vehicles.Select(v => v with { SupermarketId = supermarket(v.SupermarketId) }).ToList(),
        };
    }
}
