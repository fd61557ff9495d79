using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Domain.Cities;
using Dispatch.Domain.Geography;
using Dispatch.Domain.Scenarios;
using Dispatch.Simulation.Scenarios;

namespace Dispatch.Simulation.Tests.Cities;

/// <summary>Reading a city folder: every bad input is refused with a line naming city.json and what is wrong.</summary>
public sealed class CityFilesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"dispatch-city-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private string CityJson => Path.Combine(_folder, CityFiles.CityFileName);

    private void SaveGenerated(int districts = 2)
    {
        var (city, scenarios) = CityGenerator.Generate(TinyCities.Options(districts));
        CityFiles.Save(city, scenarios, _folder);
    }

    private void EditCity(Action<JsonObject> edit)
    {
        var json = JsonNode.Parse(File.ReadAllText(CityJson))!.AsObject();
        edit(json);
        File.WriteAllText(CityJson, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private string Refusal()
    {
        var e = Assert.Throws<ScenarioFormatException>(() => CityFiles.Load(_folder));
        return e.Message;
    }

    [Fact]
    public void Saved_city_loads_with_every_district_equal()
    {
        var (city, scenarios) = CityGenerator.Generate(TinyCities.Options(3));
        CityFiles.Save(city, scenarios, _folder);

        var loaded = CityFiles.Load(_folder);

        Assert.Equal(["tiny-d01", "tiny-d02", "tiny-d03"], loaded.Districts.Select(d => d.District.Id.Value));
        Assert.Equal("tiny", loaded.City.Id);
        for (int i = 0; i < scenarios.Count; i++)
        {
            ScenarioAssert.Equal(scenarios[i], loaded.Districts[i].Scenario);
            Assert.Equal(Path.Combine(_folder, city.Districts[i].Path), loaded.Districts[i].Folder);
        }

        Assert.NotNull(loaded.Find(new DistrictId("tiny-d02")));
        Assert.Null(loaded.Find(new DistrictId("tiny-d09")));
    }

    [Fact]
    public void Missing_city_json_is_named()
    {
        Directory.CreateDirectory(_folder);

        Assert.EndsWith("city.json:0: file not found", Refusal());
    }

    [Fact]
    public void Malformed_city_json_is_named_with_its_line()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(CityJson, "{\n  \"id\": \"tiny\",\n  \"districts\": [ { \"id\": 7 } ]\n}\n");

        var e = Assert.Throws<ScenarioFormatException>(() => CityFiles.Load(_folder));

        Assert.Equal(CityJson, e.File);
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void Missing_district_folder_is_named()
    {
        SaveGenerated();
        Directory.Delete(Path.Combine(_folder, "tiny-d02"), recursive: true);

        Assert.Contains("city.json:0: district tiny-d02: folder 'tiny-d02' not found", Refusal());
    }

    [Fact]
    public void Duplicate_district_id_is_named()
    {
        SaveGenerated();
        EditCity(c => c["districts"]![1]!["id"] = "tiny-d01");

        Assert.Contains("district id 'tiny-d01' is listed more than once", Refusal());
    }

    [Fact]
    public void Two_districts_in_one_folder_are_refused()
    {
        SaveGenerated();
        EditCity(c => c["districts"]![1]!["path"] = "tiny-d01");

        Assert.Contains("district tiny-d02: folder 'tiny-d01' is also district tiny-d01's", Refusal());
    }

    [Theory]
    [InlineData("a/b", "must not hold '/'")]
    [InlineData("", "must not be empty")]
    public void Bad_district_id_is_named(string id, string expected)
    {
        SaveGenerated();
        EditCity(c => c["districts"]![0]!["id"] = id);

        Assert.Contains($"district #1: id {expected}", Refusal());
    }

    [Fact]
    public void District_whose_scenario_names_another_district_is_refused()
    {
        SaveGenerated();
        EditCity(c => c["districts"]![1]!["id"] = "tiny-east");

        Assert.Contains("district tiny-east: its scenario.json is district 'tiny-d02'; the ids must agree", Refusal());
    }

    [Fact]
    public void Grid_id_in_two_districts_is_refused_because_intake_finds_the_district_by_grid()
    {
        // Two districts generated without their own id prefix: both have grid G01-1 and supermarket SM1.
        var first = ScenarioGenerator.Generate(TinyCities.District with { Seed = 1, DistrictId = "tiny-d01" });
        var second = ScenarioGenerator.Generate(TinyCities.District with { Seed = 2, DistrictId = "tiny-d02" });
        var city = new City("tiny", "tiny", [new CityDistrict(new DistrictId("tiny-d01"), "one", "one"), new CityDistrict(new DistrictId("tiny-d02"), "two", "two")], []);
        CityFiles.Save(city, [first, second], _folder);

        string refusal = Refusal();

        Assert.Contains("grid 'G01' is in districts tiny-d01 and tiny-d02 (and 8 more grid ids in two districts): grid ids must be unique in a city", refusal);
        Assert.Contains("supermarket 'SM1' is in districts tiny-d01 and tiny-d02 but not listed in sharedSupermarkets", refusal);
    }

    [Fact]
    public void Gate_and_household_ids_are_scoped_by_district_and_may_repeat()
    {
        SaveGenerated();

        var loaded = CityFiles.Load(_folder);

        var gates = loaded.Districts.Select(d => d.Scenario.Gates.Select(g => g.Id).ToHashSet()).ToList();
        Assert.Contains("C01-G1", gates[0]);
        Assert.Contains("C01-G1", gates[1]);
        var scoped = loaded.Districts.Select(d => new DistrictScopedId(d.District.Id, "C01-G1").ToString()).ToList();
        Assert.Equal(["tiny-d01/C01-G1", "tiny-d02/C01-G1"], scoped);
        Assert.True(DistrictScopedId.TryParse(scoped[1], out var parsed));
        Assert.Equal(new DistrictScopedId(new DistrictId("tiny-d02"), "C01-G1"), parsed);
    }

    [Fact]
    public void Supermarket_serving_grids_in_two_districts_loads_when_declared_shared()
    {
        var (city, scenarios) = CityGenerator.Generate(TinyCities.Options(2));
        var shared = scenarios[0].Supermarkets.Single(m => m.Id == scenarios[0].Grids.First(g => g.Level == 2).AssignedSupermarketId);
        var second = scenarios[1];

        // A supermarket district 2's grids use is district 1's: the same supermarket, setting stock aside for each.
        string replaced = second.Grids.First(g => g.Level == 2).AssignedSupermarketId!;
        second = second with
        {
            Supermarkets = second.Supermarkets.Select(m => m.Id == replaced ? shared with { DailyStock = m.DailyStock } : m).ToList(),
            Grids = second.Grids.Select(g => g.AssignedSupermarketId == replaced ? g with { AssignedSupermarketId = shared.Id } : g).ToList(),
            Vehicles = second.Vehicles.Select(v => v.SupermarketId == replaced ? v with { SupermarketId = shared.Id } : v).ToList(),
        };
        CityFiles.Save(city with { SharedSupermarkets = [shared.Id] }, [scenarios[0], second], _folder);

        var loaded = CityFiles.Load(_folder);

        Assert.Equal([shared.Id], loaded.City.SharedSupermarkets);
        Assert.All(loaded.Districts, d => Assert.Contains(d.Scenario.Grids, g => g.AssignedSupermarketId == shared.Id));
    }

    [Fact]
    public void Shared_supermarket_at_two_places_or_in_no_district_is_refused()
    {
        var (city, scenarios) = CityGenerator.Generate(TinyCities.Options(2));
        var first = scenarios[0].Supermarkets[0];
        var second = scenarios[1] with
        {
            Supermarkets = [.. scenarios[1].Supermarkets, first with { Location = new GeoPoint(first.Location.Latitude + 0.05, first.Location.Longitude) }],
        };
        CityFiles.Save(city with { SharedSupermarkets = [first.Id, "SM-nowhere"] }, [scenarios[0], second], _folder);

        string refusal = Refusal();

        Assert.Contains($"shared supermarket '{first.Id}' is 5.6 km apart in districts tiny-d01 and tiny-d02", refusal);
        Assert.Contains("shared supermarket 'SM-nowhere' is in no district's scenario", refusal);
    }

    [Fact]
    public void Broken_district_scenario_is_named_by_its_own_file()
    {
        SaveGenerated();
        File.WriteAllText(Path.Combine(_folder, "tiny-d02", ScenarioFiles.HouseholdsFileName), "id,grid\n");

        var e = Assert.Throws<ScenarioFormatException>(() => CityFiles.Load(_folder));

        Assert.Equal(Path.Combine(_folder, "tiny-d02", ScenarioFiles.HouseholdsFileName), e.File);
    }
}
