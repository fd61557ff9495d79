using Dispatch.Domain.Geography;
using Dispatch.Domain.Supply;
using Dispatch.Simulation.Tests.Days;
using Dispatch.Simulation.WhatIf;

namespace Dispatch.Simulation.Tests.WhatIf;

/// <summary>Overrides change exactly what they name.</summary>
public sealed class WhatIfScenarioTests
{
    private static ScenarioOverride Parse(string text) => OverrideParser.Parse(text, "test");

    [Fact]
    public void Resource_overrides_resize_fleets_crews_stock_and_gates()
    {
        var scenario = SimulationDistricts.Small();
        int volunteers = scenario.Volunteers.Count;
        string gate = scenario.Gates[0].Id;

        var changed = WhatIfScenario.ApplyResources(scenario, [Parse("trucks=9"), Parse("volunteers=-20%"), Parse("stock.meat=3t"), Parse($"gate.{gate}.capacity=2x"), Parse("gate.*.crowd=10")]);

        Assert.Equal(9, changed.Vehicles.Count);
        Assert.Equal(9, changed.Vehicles.Select(v => v.Id).Distinct().Count());
        Assert.Equal((int)Math.Round(volunteers * 0.8, MidpointRounding.AwayFromZero), changed.Volunteers.Count);
        Assert.Equal(2_000, changed.Supermarkets.Sum(s => s.DailyStock[BundleKind.MeatAndVegetable]));
        Assert.Equal(scenario.Supermarkets.Sum(s => s.DailyStock.Vegetable), changed.Supermarkets.Sum(s => s.DailyStock.Vegetable));
        Assert.Equal(scenario.Gates[0].Disinfection.CapacityGramsPerCycle * 2, changed.Gates[0].Disinfection.CapacityGramsPerCycle);
        Assert.Equal(scenario.Gates[1].Disinfection.CapacityGramsPerCycle, changed.Gates[1].Disinfection.CapacityGramsPerCycle);
        Assert.All(changed.Gates, g => Assert.Equal(10, g.Pickup.CrowdCap));
    }

    [Fact]
    public void Risk_change_takes_effect_from_its_day()
    {
        var scenario = SimulationDistricts.Small();
        var medium = scenario.Communities.First(c => c.RiskLevel == RiskLevel.Medium);
        var grids = scenario.Grids.Where(g => g.CommunityId == medium.Id).Select(g => g.Id).ToHashSet();
        IReadOnlyList<ScenarioOverride> overrides = [Parse($"risk.community.{medium.Id}=high@day3")];

        var before = WhatIfScenario.AsOfDay(scenario, overrides, 2);
        var after = WhatIfScenario.AsOfDay(scenario, overrides, 3);

        Assert.All(before.Households.Where(h => grids.Contains(h.GridId)), h => Assert.Equal(RiskLevel.Medium, h.RiskLevel));
        Assert.All(after.Households.Where(h => grids.Contains(h.GridId)), h => Assert.Equal(RiskLevel.High, h.RiskLevel));
        Assert.Equal(RiskLevel.High, after.Communities.Single(c => c.Id == medium.Id).RiskLevel);
    }

    [Fact]
    public void Unknown_gate_or_community_is_named()
    {
        var scenario = SimulationDistricts.Small();

        var problems = WhatIfScenario.Problems(scenario, [Parse("gate.G99.capacity=2x"), Parse("risk.community.C99=high")]);

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("'gate.G99.capacity': no gate 'G99'", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("'risk.community.C99': no community 'C99'", problems[1], StringComparison.Ordinal);
    }
}
