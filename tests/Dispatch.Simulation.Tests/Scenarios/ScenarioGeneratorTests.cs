using Dispatch.Domain;
using Dispatch.Domain.Geography;
using Dispatch.Domain.People;
using Dispatch.Domain.Scenarios;
using Dispatch.Domain.Supply;
using Dispatch.Simulation.Scenarios;

namespace Dispatch.Simulation.Tests.Scenarios;

public sealed class ScenarioGeneratorTests
{
    private static Scenario Default => DefaultScenario.Seed1;

    [Fact]
    public void Same_seed_gives_an_equal_scenario()
    {
        var again = ScenarioGenerator.Generate(new ScenarioGeneratorOptions { Seed = 1 });

        ScenarioAssert.Equal(Default, again);
    }

    [Fact]
    public void Different_seed_gives_a_different_scenario()
    {
        var other = ScenarioGenerator.Generate(new ScenarioGeneratorOptions { Seed = 2 });

        Assert.NotEqual(Default.Households.Select(h => h.Location), other.Households.Select(h => h.Location));
        Assert.NotEqual(Default.Gates, other.Gates);
    }

    [Fact]
    public void Defaults_match_the_reported_district()
    {
        Assert.Equal(5, Default.Supermarkets.Count);
        Assert.Equal(70, Default.Vehicles.Count);
        Assert.Equal(25, Default.Grids.Count(g => g.Level == 1));
        Assert.Equal(108, Default.Grids.Count(g => g.Level == 2));
        Assert.Equal(12, Default.Communities.Count);
        Assert.Equal(25, Default.Gates.Count);
        Assert.InRange(Default.Households.Count, 30_000, 40_000);
        Assert.All(Default.Communities, c => Assert.InRange(Default.Gates.Count(g => g.CommunityId == c.Id), 1, 3));
        Assert.InRange(Default.District.Centre.HaversineMetresTo(new GeoPoint(35.39, 116.63)), 0, 1_000);
    }

    [Fact]
    public void Generated_scenario_has_no_validation_problems()
    {
        Assert.Empty(ScenarioValidator.Validate(Default));
    }

    [Fact]
    public void Volunteers_look_after_10_to_15_door_households_each_on_average()
    {
        double doorHouseholds = Default.Households.Count(h => h.NeedsDoorDelivery);

        Assert.InRange(doorHouseholds / Default.Volunteers.Count, 10, 15);
        Assert.InRange(Default.Volunteers.Count, 1_000, 1_800);
        Assert.All(Default.Volunteers, v => Assert.InRange(v.MaxHouseholds, 10, 15));
        Assert.All(Default.Volunteers, v => Assert.InRange(v.CarryLimitGrams, 20_000, 25_000));
    }

    [Fact]
    public void Each_gate_has_volunteers_enough_for_its_door_households()
    {
        var gateOfGrid = Default.Grids.Where(g => g.Level == 2).ToDictionary(g => g.Id, g => g.GateId!);
        foreach (var gate in Default.Gates)
        {
            int door = Default.Households.Count(h => h.NeedsDoorDelivery && gateOfGrid[h.GridId] == gate.Id);
            int capacity = Default.Volunteers.Where(v => v.GateId == gate.Id).Sum(v => v.MaxHouseholds);

            Assert.True(capacity >= door, $"gate {gate.Id}: {capacity} household places for {door} door households");
        }
    }

    [Fact]
    public void Daily_stock_is_the_reported_tonnage_in_bundles()
    {
        var total = Default.Supermarkets.Aggregate(BundleCounts.Zero, (sum, m) => sum + m.DailyStock);

        // 80 t meat / 1.5 kg a bundle; (400 t vegetables - 3 kg in each of those) / 4 kg.
        Assert.Equal(53_333, total.MeatAndVegetable);
        Assert.Equal(60_000, total.Vegetable);
        Assert.Equal(6_000, total.RiceAndFlour);
        Assert.Equal(3_000, total.Medicine);
        Assert.All(Default.Supermarkets, m => Assert.True(m.DailyStock.MeatAndVegetable > 0));
    }

    [Fact]
    public void Every_supermarket_serves_some_grids()
    {
        Assert.All(Default.Supermarkets, m => Assert.Contains(Default.Grids, g => g.AssignedSupermarketId == m.Id));
    }

    [Fact]
    public void Each_grid_is_served_by_the_supermarket_nearest_its_gate()
    {
        var gates = Default.Gates.ToDictionary(g => g.Id);
        foreach (var grid in Default.Grids.Where(g => g.Level == 2))
        {
            var gate = gates[grid.GateId!];
            var nearest = Default.Supermarkets.MinBy(m => m.Location.HaversineMetresTo(gate.Location))!;

            Assert.Equal(nearest.Id, grid.AssignedSupermarketId);
        }
    }

    [Fact]
    public void Households_live_within_a_few_hundred_metres_of_their_gate()
    {
        var gates = Default.Gates.ToDictionary(g => g.Id);
        var gateOfGrid = Default.Grids.Where(g => g.Level == 2).ToDictionary(g => g.Id, g => gates[g.GateId!]);

        Assert.All(Default.Households, h => Assert.InRange(h.Location.HaversineMetresTo(gateOfGrid[h.GridId].Location), 30, 500));
    }

    [Fact]
    public void Buildings_are_walk_ups_of_6_storeys_or_towers_with_elevators()
    {
        Assert.All(Default.Households.Where(h => !h.HasElevator), h => Assert.InRange(h.Floor, 1, 6));
        Assert.All(Default.Households.Where(h => h.HasElevator), h => Assert.InRange(h.Floor, 1, 30));
        Assert.Contains(Default.Households, h => h.HasElevator);
        Assert.Contains(Default.Households, h => !h.HasElevator);
    }

    [Fact]
    public void Risk_levels_follow_the_community_mix()
    {
        Assert.Equal(4, Default.Communities.Count(c => c.RiskLevel == RiskLevel.High));
        Assert.Equal(2, Default.Communities.Count(c => c.RiskLevel == RiskLevel.Low));
        Assert.Equal(6, Default.Communities.Count(c => c.RiskLevel == RiskLevel.Medium));
        var risk = Default.Communities.ToDictionary(c => c.Id, c => c.RiskLevel);
        var communityOfGrid = Default.Grids.ToDictionary(g => g.Id, g => g.CommunityId);
        Assert.All(Default.Households, h => Assert.Equal(risk[communityOfGrid[h.GridId]], h.RiskLevel));
    }

    [Theory]
    [InlineData(Vulnerability.ElderlyAlone, 0.08)]
    [InlineData(Vulnerability.LimitedMobility, 0.03)]
    [InlineData(Vulnerability.Pregnant, 0.01)]
    [InlineData(Vulnerability.ChronicIllness, 0.10)]
    public void Vulnerability_shares_are_near_the_options(Vulnerability flag, double share)
    {
        double actual = (double)Default.Households.Count(h => h.Vulnerabilities.HasFlag(flag)) / Default.Households.Count;

        Assert.InRange(actual, share * 0.85, share * 1.15);
    }

    [Fact]
    public void Trucks_are_light_and_cover_24_hours_at_every_supermarket()
    {
        Assert.All(Default.Vehicles, v => Assert.InRange(v.CapacityGrams, 2 * Units.GramsPerTonne, 5 * Units.GramsPerTonne));
        foreach (var market in Default.Supermarkets)
        {
            var shifts = Default.Vehicles.Where(v => v.SupermarketId == market.Id).Select(v => v.Shift).ToList();
            for (int hour = 5; hour < 29; hour++)
            {
                int second = Units.HoursToSeconds(hour);
                Assert.Contains(shifts, s => s.StartSeconds <= second && second < s.EndSeconds);
            }
        }
    }

    [Fact]
    public void Gates_have_the_three_zones_of_the_reports()
    {
        Assert.All(Default.Gates, g =>
        {
            Assert.InRange(g.Disinfection.CapacityGramsPerCycle, Units.GramsPerTonne, 3 * Units.GramsPerTonne);
            Assert.InRange(g.Disinfection.DisinfectionSeconds, 600, 1_200);
            Assert.Equal(1_800, g.Disinfection.RestSeconds);
            Assert.Equal(30, g.Pickup.CrowdCap);
            Assert.True(g.Storage.CapacityGrams >= g.Disinfection.CapacityGramsPerCycle);
        });
    }

    [Fact]
    public void Scaled_options_give_a_valid_scenario_of_that_size()
    {
        var options = new ScenarioGeneratorOptions
        {
            Seed = 7,
            Households = 5_000,
            Communities = 4,
            Gates = 6,
            FirstLevelGrids = 8,
            SecondLevelGrids = 20,
            Trucks = 12,
            Volunteers = 150,
            HighRiskCommunities = 1,
            LowRiskCommunities = 0,
        };

        var scenario = ScenarioGenerator.Generate(options);

        Assert.Empty(ScenarioValidator.Validate(scenario));
        Assert.Equal(5_000, scenario.Households.Count);
        Assert.Equal(4, scenario.Communities.Count);
        Assert.Equal(6, scenario.Gates.Count);
        Assert.Equal(12, scenario.Vehicles.Count);
        Assert.Equal(150, scenario.Volunteers.Count);
        Assert.All(scenario.Gates, g => Assert.Contains(scenario.Volunteers, v => v.GateId == g.Id));
    }

    [Theory]
    [InlineData(12, 40)]
    [InlineData(12, 11)]
    public void Gates_outside_1_to_3_per_community_are_refused(int communities, int gates)
    {
        var options = new ScenarioGeneratorOptions { Communities = communities, Gates = gates };

        var error = Assert.Throws<ArgumentException>(() => ScenarioGenerator.Generate(options));

        Assert.Contains("gates", error.Message);
    }

    [Fact]
    public void Fewer_households_than_grids_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ScenarioGenerator.Generate(new ScenarioGeneratorOptions { Households = 50 }));
    }
}
