using Dispatch.Domain.Geography;
using Dispatch.Domain.Scenarios;
using Dispatch.Domain.Supply;
using Dispatch.Simulation.Cities;
using Dispatch.Simulation.WhatIf;

namespace Dispatch.Simulation.Tests.Cities;

/// <summary>Moves between districts change exactly the two districts they name, and refuse what a district does not have.</summary>
public sealed class DistrictMovesTests
{
    private static readonly DistrictId s_one = new("tiny-d01");
    private static readonly DistrictId s_two = new("tiny-d02");

    private static Dictionary<DistrictId, Scenario> TwoDistricts() => new()
    {
        [s_one] = TinyCities.Generated(1, seed: 1, trucks: 6),
        [s_two] = TinyCities.Generated(2, seed: 2, trucks: 3),
    };

    private static string Refusal(Dictionary<DistrictId, Scenario> districts, params DistrictMove[] moves) =>
        Assert.Throws<ArgumentException>(() => DistrictMoves.Apply(districts, moves)).Message;

    [Fact]
    public void Moved_trucks_leave_one_district_and_join_the_other_with_their_capacity()
    {
        var districts = TwoDistricts();

        var moved = DistrictMoves.Apply(districts, [DistrictMoveParser.ParseTrucks("tiny-d01:tiny-d02:2", "--move-trucks #1")]);

        Assert.Equal(districts[s_one].Vehicles.Take(4), moved[s_one].Vehicles);
        Assert.Equal(5, moved[s_two].Vehicles.Count);
        Assert.Equal(districts[s_two].Vehicles, moved[s_two].Vehicles.Take(3));
        var arrived = moved[s_two].Vehicles.Skip(3).ToList();
        Assert.Equal(districts[s_one].Vehicles.Skip(4).Select(v => $"tiny-d01/{v.Id}"), arrived.Select(v => v.Id));
        Assert.Equal(districts[s_one].Vehicles.Skip(4).Select(v => v.CapacityGrams), arrived.Select(v => v.CapacityGrams));
        var supermarkets = moved[s_two].Supermarkets.Select(m => m.Id).ToHashSet();
        Assert.All(arrived, v => Assert.Contains(v.SupermarketId, supermarkets));
        Assert.Empty(ScenarioValidator.Validate(moved[s_two]));
    }

    [Fact]
    public void Moved_stock_keeps_the_city_total()
    {
        var districts = TwoDistricts();
        BundleCounts Stock(Scenario s) => s.Supermarkets.Aggregate(BundleCounts.Zero, (sum, m) => sum + m.DailyStock);

        var moved = DistrictMoves.Apply(districts,
        [
            DistrictMoveParser.ParseStock("tiny-d01:tiny-d02:25%", "--move-stock #1"),
            DistrictMoveParser.ParseStock("tiny-d02:tiny-d01:100:medicine", "--move-stock #2"),
        ]);

        var before = Stock(districts[s_one]);
        var after = Stock(moved[s_one]);
        Assert.Equal((int)Math.Round(before.Vegetable * 0.75, MidpointRounding.AwayFromZero), after.Vegetable);
        Assert.Equal((int)Math.Round(before.Medicine * 0.75, MidpointRounding.AwayFromZero) + 100, after.Medicine);
        Assert.Equal(Stock(districts[s_one]) + Stock(districts[s_two]), Stock(moved[s_one]) + Stock(moved[s_two]));
        Assert.All(moved[s_one].Supermarkets.Zip(districts[s_one].Supermarkets), p => Assert.True(p.First.DailyStock.RiceAndFlour <= p.Second.DailyStock.RiceAndFlour));
    }

    [Fact]
    public void Moving_more_trucks_or_stock_than_a_district_has_is_refused()
    {
        var districts = TwoDistricts();
        int medicine = districts[s_two].Supermarkets.Sum(m => m.DailyStock.Medicine);

        Assert.Equal(
            "--move-trucks #1: 'tiny-d02:tiny-d01:3': district tiny-d02 has 3 trucks; it can give at most 2 (one stays)",
            Refusal(districts, DistrictMoveParser.ParseTrucks("tiny-d02:tiny-d01:3", "--move-trucks #1")));
        Assert.Equal(
            $"--move-stock #1: 'tiny-d02:tiny-d01:{medicine + 1}:medicine': district tiny-d02 has {medicine:N0} medicine bundles a day; it cannot give {medicine + 1:N0}",
            Refusal(districts, DistrictMoveParser.ParseStock($"tiny-d02:tiny-d01:{medicine + 1}:medicine", "--move-stock #1")));
    }

    [Fact]
    public void Move_naming_an_unknown_district_or_the_same_one_twice_is_refused()
    {
        var districts = TwoDistricts();

        Assert.StartsWith(
            "--move-trucks #1: 'tiny-d01:tiny-d07:1': no district 'tiny-d07' in the city (districts: tiny-d01, tiny-d02)",
            Refusal(districts, DistrictMoveParser.ParseTrucks("tiny-d01:tiny-d07:1", "--move-trucks #1")));
        Assert.EndsWith("moves from district tiny-d01 to itself", Refusal(districts, DistrictMoveParser.ParseTrucks("tiny-d01:tiny-d01:1", "--move-trucks #1")));
    }

    [Theory]
    [InlineData("a:b", "expected FROM:TO:N")]
    [InlineData("a:b:0", "'0' is not a whole number of trucks (1 or more)")]
    [InlineData("a:b:two", "'two' is not a whole number of trucks (1 or more)")]
    public void Bad_truck_moves_are_named(string text, string expected)
    {
        var e = Assert.Throws<OverrideFormatException>(() => DistrictMoveParser.ParseTrucks(text, "--move-trucks #1"));

        Assert.Equal($"--move-trucks #1: '{text}': {expected}", e.Message);
    }

    [Theory]
    [InlineData("a:b:500", "'500': a count or weight of bundles needs a kind")]
    [InlineData("a:b:120%", "'120%': a district cannot give more than 100% of its stock")]
    [InlineData("a:b:-20%", "'-20%': write the share that moves without a sign (20%)")]
    [InlineData("a:b:5:fish", "unknown bundle kind; kinds: meat, meat-and-vegetable")]
    [InlineData("a:b:lots:vegetable", "'lots' is not a count (50)")]
    public void Bad_stock_moves_are_named(string text, string expected)
    {
        var e = Assert.Throws<OverrideFormatException>(() => DistrictMoveParser.ParseStock(text, "--move-stock #1"));

        Assert.StartsWith($"--move-stock #1: '{text}': {expected}", e.Message);
    }
}
