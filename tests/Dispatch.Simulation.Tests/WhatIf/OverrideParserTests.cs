using Dispatch.Domain.Geography;
using Dispatch.Domain.Supply;
using Dispatch.Simulation.WhatIf;

namespace Dispatch.Simulation.Tests.WhatIf;

/// <summary>The documented what-if forms parse into typed overrides; bad ones name the place and the key.</summary>
public sealed class OverrideParserTests
{
    [Fact]
    public void Documented_forms_parse_into_typed_overrides()
    {
        Assert.Equal(new TruckCountOverride("trucks", new Amount(AmountKind.Count, 50)), OverrideParser.Parse("trucks=50", "t"));
        Assert.Equal(new VolunteerCountOverride("volunteers", new Amount(AmountKind.Percent, -20)), OverrideParser.Parse("volunteers=-20%", "t"));
        Assert.Equal(new StockOverride("stock.meat", BundleKind.MeatAndVegetable, new Amount(AmountKind.Grams, 60_000_000), 1_500), OverrideParser.Parse("stock.meat=60t", "t"));
        Assert.Equal(new StockOverride("stock.vegetable", BundleKind.Vegetable, new Amount(AmountKind.Count, 1000), 4_000), OverrideParser.Parse("stock.vegetable=1000", "t"));
        Assert.Equal(new GateOverride("gate.G12.capacity", "G12", GateProperty.Capacity, new Amount(AmountKind.Factor, 2)), OverrideParser.Parse("gate.G12.capacity=2x", "t"));
        Assert.Equal(new GateOverride("gate.*.crowd", "*", GateProperty.CrowdCap, new Amount(AmountKind.Count, 20)), OverrideParser.Parse("gate.*.crowd=20", "t"));
        Assert.Equal(new RiskOverride("risk.community.C3", "C3", RiskLevel.High, 5), OverrideParser.Parse("risk.community.C3=high@day5", "t"));
        Assert.Equal(new RiskOverride("risk.community.C04", "C04", RiskLevel.Low, 1), OverrideParser.Parse(" risk.community.C04 = low ", "t"));
        Assert.Equal(new RateOverride("rate.delivery-failure", SimulationRate.DeliveryFailure, 0.05), OverrideParser.Parse("rate.delivery-failure=5%", "t"));
    }

    [Theory]
    [InlineData("lorries=50", "lorries", "unknown key")]
    [InlineData("trucks=fifty", "trucks", "not a count")]
    [InlineData("trucks=60t", "trucks", "is a weight")]
    [InlineData("volunteers=20%", "volunteers", "takes a sign")]
    [InlineData("trucks=+5", "trucks", "only a percentage")]
    [InlineData("trucks=2.5", "trucks", "whole count")]
    [InlineData("stock.caviar=1t", "stock.caviar", "unknown key")]
    [InlineData("gate.G12.capacity=3", "gate.G12.capacity", "a capacity is a weight")]
    [InlineData("gate.G12.width=3", "gate.G12.width", ".capacity or .crowd")]
    [InlineData("risk.community.C3=severe", "risk.community.C3", "not a risk level")]
    [InlineData("risk.community.C3=high@tuesday", "risk.community.C3", "not a day")]
    [InlineData("rate.delivery-failure=150%", "rate.delivery-failure", "outside")]
    [InlineData("trucks=", "trucks", "empty")]
    [InlineData("trucks", "trucks", "key=value")]
    public void Bad_overrides_are_rejected_naming_the_place_and_key(string text, string key, string why)
    {
        var error = Assert.Throws<OverrideFormatException>(() => OverrideParser.Parse(text, "--set #3"));

        Assert.Equal(key, error.Key);
        Assert.StartsWith($"--set #3: '{key}': ", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void What_if_file_errors_name_the_file_and_line()
    {
        string[] lines = ["# the lockdown lifts in C03", "risk.community.C03=low@day8", "", "trucks=-10%  # two drivers ill", "volunteers=many"];

        var error = Assert.Throws<OverrideFormatException>(() => OverrideParser.ParseLines(lines, "what-if.txt"));

        Assert.Equal("what-if.txt:5", error.Where);
        Assert.Equal("volunteers", error.Key);
        Assert.Equal(2, OverrideParser.ParseLines(lines[..4], "what-if.txt").Count);
    }

    [Fact]
    public void Sweeps_expand_ranges_and_lists()
    {
        var range = Sweep.Parse("volunteers=600..1600:200");
        var tonnes = Sweep.Parse("stock.meat=40t..80t:20t");
        var list = Sweep.Parse("trucks=40,60,80");

        Assert.Equal([600.0, 800, 1000, 1200, 1400, 1600], range.Values);
        Assert.All(range.Overrides, o => Assert.IsType<VolunteerCountOverride>(o));
        Assert.Equal(new Amount(AmountKind.Grams, 80_000_000), ((StockOverride)tonnes.Overrides[^1]).Amount);
        Assert.Equal([40.0, 60, 80], list.Values);
    }

    [Theory]
    [InlineData("volunteers=600..1600", "volunteers", "needs a step")]
    [InlineData("volunteers=1600..600:200", "volunteers", "step must be positive")]
    [InlineData("volunteers=0..1000000:1", "volunteers", "at most")]
    [InlineData("risk.community.C3=high,low", "risk.community.C3", "cannot be swept")]
    [InlineData("bikes=1,2", "bikes", "unknown key")]
    public void Bad_sweeps_are_rejected_naming_the_key(string text, string key, string why)
    {
        var error = Assert.Throws<OverrideFormatException>(() => Sweep.Parse(text));

        Assert.Equal(key, error.Key);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }
}
