using System.Text.Json;
using System.Text.Json.Serialization;
using Dispatch.Domain.Geography;
using Dispatch.Domain.Scenarios;
using Dispatch.Domain.Supply;
using Dispatch.Planning.Checks;
using Dispatch.Planning.District;
using Dispatch.Simulation.Scenarios;

namespace Dispatch.Simulation.Tests.Planning;

/// <summary>
/// Hard days (issue 12): generated districts made harder by hand (three times the households of the small one,
/// few trucks and volunteers, small storage zones and crowd caps, more high-risk communities). Every plan keeps
/// every rule at every moment, plans repeat byte for byte, and more of a resource never serves fewer households.
/// </summary>
public sealed class HardDayPlanTests
{
    internal static Scenario HardDistrict(int seed, int households = 2_700, int volunteers = 12)
    {
        var scenario = ScenarioGenerator.Generate(new ScenarioGeneratorOptions
        {
            Seed = seed,
            Supermarkets = 2,
            Communities = 3,
            Gates = 4,
            FirstLevelGrids = 3,
            SecondLevelGrids = 6,
            Households = households,
            Trucks = 4,
            Volunteers = volunteers,
            HighRiskCommunities = 2,
            LowRiskCommunities = 1,
            RadiusMetres = 1_500,
            Stock = new DistrictStock(80, 400, 45, 60, 3_000),
        });

        // Small gates: a third of the storage, a cycle of at most 1 t, a crowd cap of 10.
        return scenario with
        {
            Gates = scenario.Gates.Select(g => g with
            {
                Disinfection = g.Disinfection with { CapacityGramsPerCycle = Math.Min(g.Disinfection.CapacityGramsPerCycle, 1_000_000) },
                Storage = new StorageZone(Math.Max(1_000_000, g.Storage.CapacityGrams / 3)),
                Pickup = new PickupZone(10),
            }).ToList(),
        };
    }

    private static PlanningInput Input(Scenario scenario, int seed, PlanningSettings settings) =>
        new(scenario, 1, DistrictPlanPropertyTests.DayOrders(scenario, 1, seed), settings with { ParallelGates = 2 });

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    // Timings are measurements of the run, not part of the plan.
    private static byte[] Serialized(Plan plan) => JsonSerializer.SerializeToUtf8Bytes(plan with { Timings = [] }, Json);

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public void Hard_district_plans_keep_every_rule_at_every_moment(int seed)
    {
        var input = Input(HardDistrict(seed), seed, PlanningSettings.Quick);

        var plan = new DistrictPlanner().Plan(input);

        Assert.Empty(PlanChecks.Violations(input, plan));
        Assert.Equal(input.Orders.Count, plan.Orders.Count);
        Assert.True(plan.Kpis.HouseholdsServedByDeadline < plan.Kpis.HouseholdsOrdering, "a hard day should not serve everyone");
    }

    [Fact]
    public void Same_hard_input_gives_the_same_plan_byte_for_byte()
    {
        var input = Input(HardDistrict(24), 24, PlanningSettings.Default with { ProbeBottleneck = false });

        var first = Serialized(new DistrictPlanner().Plan(input));
        var second = Serialized(new DistrictPlanner().Plan(input));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Plan_carries_the_settings_it_was_made_under()
    {
        var settings = PlanningSettings.Quick with { ServeByDeadlineSeconds = 19 * 3_600, FreePickupWindowSeconds = 45 * 60, ProbeBottleneck = false };
        var input = Input(HardDistrict(25, households: 900), 25, settings);

        var plan = new DistrictPlanner().Plan(input);
        var read = JsonSerializer.Deserialize<Plan>(Serialized(plan), Json)!;

        Assert.Equal(19 * 3_600, read.Settings!.ServeByDeadlineSeconds);
        Assert.Equal(45 * 60, read.Settings.FreePickupWindowSeconds);
        Assert.Equal(input.Settings.TruckUnloadSeconds, read.Settings.TruckUnloadSeconds);
        Assert.Equal(input.Settings.CycleLimits, read.Settings.CycleLimits);
        Assert.Empty(PlanChecks.Violations(input with { Settings = PlanningSettings.Quick }, read));
    }

    [Theory]
    [InlineData(26)]
    [InlineData(27)]
    public void More_of_any_resource_never_serves_fewer_households(int seed)
    {
        var input = Input(HardDistrict(seed), seed, PlanningSettings.Quick with { ProbeBottleneck = true });

        var plan = new DistrictPlanner().Plan(input);

        var report = Assert.IsType<BottleneckReport>(plan.Bottleneck);
        Assert.Equal(Enum.GetValues<PlanResource>().Length, report.Probes.Count);
        Assert.All(report.Probes, p => Assert.True(p.Gain >= 0 && p.HouseholdsServed >= report.BaselineServed, $"{p.Resource}: {p.HouseholdsServed} vs {report.BaselineServed}"));
    }
}
