using Dispatch.Domain.Cities;
using Dispatch.Domain.Geography;
using Dispatch.Simulation.Cities;
using Dispatch.Simulation.Scenarios;

namespace Dispatch.Simulation.Tests.Cities;

/// <summary>A generated city: reproducible for a seed, each district different and its grids and supermarkets its own.</summary>
public sealed class CityGeneratorTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"dispatch-citygen-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private Dictionary<string, byte[]> Files(string name, CityGeneratorOptions options)
    {
        string folder = Path.Combine(_folder, name);
        var (city, scenarios) = CityGenerator.Generate(options);
        CityFiles.Save(city, scenarios, folder);
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);
    }

    [Fact]
    public void Same_seed_writes_the_same_city_files()
    {
        var first = Files("a", TinyCities.Options(3, seed: 5));
        var second = Files("b", TinyCities.Options(3, seed: 5));

        Assert.Equal(7, first.Count);
        Assert.Equal(first.Keys.Order(), second.Keys.Order());
        Assert.All(first, f => Assert.Equal(f.Value, second[f.Key]));
    }

    [Fact]
    public void Another_seed_writes_other_districts()
    {
        var first = Files("a", TinyCities.Options(2, seed: 5));
        var second = Files("b", TinyCities.Options(2, seed: 6));

        Assert.Equal(first["city.json"], second["city.json"]);
        Assert.NotEqual(first[Path.Combine("tiny-d01", "households.csv")], second[Path.Combine("tiny-d01", "households.csv")]);
    }

    [Fact]
    public void Districts_get_their_own_ids_seeds_places_and_id_prefixes()
    {
        var (city, scenarios) = CityGenerator.Generate(TinyCities.Options(4, seed: 5));

        Assert.Equal(["tiny-d01", "tiny-d02", "tiny-d03", "tiny-d04"], city.Districts.Select(d => d.Id.Value));
        Assert.Equal(city.Districts.Select(d => d.Id.Value), scenarios.Select(s => s.District.Id));
        Assert.All(scenarios, s => Assert.All(s.Communities, c => Assert.Equal(s.District.Id, c.DistrictId)));
        Assert.Equal(4, scenarios.Select(s => s.District.Centre).Distinct().Count());
        Assert.All(scenarios.Zip(scenarios.Skip(1)), p => Assert.True(p.First.District.Centre.HaversineMetresTo(p.Second.District.Centre) >= 3_000));
        Assert.All(scenarios.Select((s, i) => (s, i)), x =>
        {
            Assert.All(x.s.Grids, g => Assert.StartsWith($"d{x.i + 1:00}-G", g.Id));
            Assert.All(x.s.Supermarkets, m => Assert.StartsWith($"d{x.i + 1:00}-SM", m.Id));
        });
        Assert.Equal(4, city.Districts.Select(d => CitySeeds.ForDistrict(5, d.Id)).Distinct().Count());
        Assert.NotEqual(scenarios[0].Households.Select(h => h.Floor), scenarios[1].Households.Select(h => h.Floor));
    }

    [Fact]
    public void District_seed_depends_on_the_city_seed_and_the_district_id_only()
    {
        var id = new DistrictId("tiny-d03");

        Assert.Equal(CitySeeds.ForDistrict(5, id), CitySeeds.ForDistrict(5, new DistrictId("tiny-d03")));
        Assert.NotEqual(CitySeeds.ForDistrict(5, id), CitySeeds.ForDistrict(6, id));
        Assert.True(CitySeeds.ForDistrict(int.MinValue, id) >= 0);
    }

    [Theory]
    [InlineData(0, "tiny", "a city has 1 to 99 districts, was 0")]
    [InlineData(2, "a/b", "city id 'a/b' gives district ids like 'a/b-d01', which must not hold '/'")]
    public void Bad_options_are_named(int districts, string cityId, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => CityGenerator.Generate(TinyCities.Options(districts) with { CityId = cityId }));

        Assert.StartsWith(expected, e.Message);
    }
}
