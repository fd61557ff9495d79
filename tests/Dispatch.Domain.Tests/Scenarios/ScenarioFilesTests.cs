using Dispatch.Domain.Geography;
using Dispatch.Domain.People;
using Dispatch.Domain.Scenarios;
using Dispatch.Domain.Supply;

namespace Dispatch.Domain.Tests.Scenarios;

public sealed class ScenarioFilesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"dispatch-scenario-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Saved_scenario_loads_equal()
    {
        var scenario = SmallScenario();

        ScenarioFiles.Save(scenario, _folder);
        var loaded = ScenarioFiles.Load(_folder);

        Assert.Equal(scenario.District, loaded.District);
        Assert.Equal(scenario.Communities, loaded.Communities);
        Assert.Equal(scenario.Gates, loaded.Gates);
        Assert.Equal(scenario.Grids, loaded.Grids);
        Assert.Equal(scenario.Households, loaded.Households);
        Assert.Equal(scenario.Supermarkets, loaded.Supermarkets);
        Assert.Equal(scenario.Vehicles, loaded.Vehicles);
        Assert.Equal(scenario.Volunteers, loaded.Volunteers);
        Assert.Equal(scenario.Bundles, loaded.Bundles);
    }

    [Theory]
    [InlineData("H2,G1-1,B1,1,two,0,35.39,116.63,Medium,", "floor 'two' is not a whole number")]
    [InlineData("H2,G1-1,B1,1,2,0,35.39,116.63,Severe,", "risk_level 'Severe'")]
    [InlineData("H2,G1-1,B1,1,2,0,35.39,116.63,Medium", "expected 10 fields, found 9")]
    [InlineData("H2,G1-1,B1,1,2,yes,35.39,116.63,Medium,", "has_elevator 'yes'")]
    [InlineData("H2,G1-1,B1,1,2,0,north,116.63,Medium,", "latitude 'north'")]
    [InlineData("H2,G1-1,B1,1,2,0,35.39,116.63,Medium,Hungry", "unknown vulnerability 'Hungry'")]
    public void Malformed_household_line_names_the_file_and_line(string badLine, string expected)
    {
        ScenarioFiles.Save(SmallScenario(), _folder);
        string path = Path.Combine(_folder, ScenarioFiles.HouseholdsFileName);
        var lines = File.ReadAllLines(path);
        lines[2] = badLine;
        File.WriteAllLines(path, lines);

        var error = Assert.Throws<ScenarioFormatException>(() => ScenarioFiles.Load(_folder));

        Assert.Equal(3, error.Line);
        Assert.Equal(path, error.File);
        Assert.Contains($"{ScenarioFiles.HouseholdsFileName}:3:", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Wrong_households_header_is_reported_on_line_1()
    {
        ScenarioFiles.Save(SmallScenario(), _folder);
        string path = Path.Combine(_folder, ScenarioFiles.HouseholdsFileName);
        File.WriteAllText(path, "id,grid\nH1,G1-1\n");

        var error = Assert.Throws<ScenarioFormatException>(() => ScenarioFiles.Load(_folder));

        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Missing_folder_is_reported_as_file_not_found()
    {
        var error = Assert.Throws<ScenarioFormatException>(() => ScenarioFiles.Load(_folder));

        Assert.Contains("file not found", error.Message);
    }

    [Fact]
    public void Household_in_unknown_grid_fails_validation_on_load()
    {
        ScenarioFiles.Save(SmallScenario(), _folder);
        string path = Path.Combine(_folder, ScenarioFiles.HouseholdsFileName);
        File.AppendAllText(path, "H9,G9-9,B1,1,2,0,35.39,116.63,Medium,\n");

        var error = Assert.Throws<ScenarioFormatException>(() => ScenarioFiles.Load(_folder));

        Assert.Contains("G9-9", error.Message);
    }

    [Fact]
    public void Household_text_with_a_comma_is_refused_before_writing()
    {
        var scenario = SmallScenario();
        scenario = scenario with { Households = [scenario.Households[0] with { Building = "B1,2" }] };

        Assert.Throws<ArgumentException>(() => ScenarioFiles.Save(scenario, _folder));
        Assert.False(Directory.Exists(_folder));
    }

    /// <summary>One of everything, with coordinates of more than 6 decimals and every vulnerability flag.</summary>
    internal static Scenario SmallScenario()
    {
        var centre = new GeoPoint(35.390001234567, 116.630009876543);
        var gate = new Gate(
            "C1-G1", "C1", "C1 main gate", new GeoPoint(35.3912345678, 116.6312345678),
            new DisinfectionZone(2_000_000, 900), new StorageZone(8_000_000), new PickupZone(), 18_000, 104_400);
        return new Scenario(
            new District("d1", "District 1", centre),
            [new Community("C1", "d1", "Community 1", RiskLevel.High)],
            [gate],
            [
                new Grid("G1", "C1", 1, null, null, null),
                new Grid("G1-1", "C1", 2, "G1", "C1-G1", "SM1"),
                new Grid("G1-2", "C1", 2, "G1", "C1-G1", "SM1"),
            ],
            [
                new Household("H1", "G1-1", "C1-B01", "1", 1, false, new GeoPoint(35.39123456789, 116.63198765432), RiskLevel.High, Vulnerability.None),
                new Household("H2", "G1-1", "C1-B01", "2", 6, false, new GeoPoint(35.3912, 116.6319), RiskLevel.High, Vulnerability.ElderlyAlone | Vulnerability.ChronicIllness),
                new Household("H3", "G1-2", "C1-B02", "1", 24, true, new GeoPoint(35.392, 116.632), RiskLevel.Medium, Vulnerability.Pregnant | Vulnerability.LimitedMobility),
            ],
            [new Supermarket("SM1", "Supermarket 1", new GeoPoint(35.38, 116.62), new BundleCounts(100, 200, 30, 4), 18_000, 104_400)],
            [new Vehicle("V1", "SM1", 3_000_000, new Shift(18_000, 61_200))],
            [new Volunteer("VOL1", "C1-G1", "Volunteer 1", 12, 22_000, new Shift(25_200, 68_400))],
            [.. BundleCatalog.Standard.Types]);
    }
}
