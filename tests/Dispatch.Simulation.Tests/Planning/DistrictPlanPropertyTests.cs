using Dispatch.Domain.Orders;
using Dispatch.Domain.Scenarios;
using Dispatch.Domain.Supply;
using Dispatch.Planning.Checks;
using Dispatch.Planning.District;
using Dispatch.Simulation.Orders;
using Dispatch.Simulation.Scenarios;

namespace Dispatch.Simulation.Tests.Planning;

/// <summary>Every plan obeys the rules, on random small districts and on the shipped one.</summary>
public sealed class DistrictPlanPropertyTests
{
    internal static IReadOnlyList<Order> DayOrders(Scenario scenario, int day, int seed) =>
        DayOrderGenerator.Generate(scenario, day, seed)
            .SelectMany(b => b.Orders.Select(o => new Order(
                o.OrderId, o.HouseholdId, b.GridId, b.SupermarketId, b.BatchId, day,
                o.Lines.Aggregate(BundleCounts.Zero, (sum, l) => sum.With(l.Kind, sum[l.Kind] + l.Quantity)),
                OrderStatus.Received, 0)))
            .ToList();

    private static Scenario SmallDistrict(int seed, double stockShare = 1.0, int? volunteers = null) => ScenarioGenerator.Generate(new ScenarioGeneratorOptions
    {
        Seed = seed,
        Supermarkets = 2,
        Communities = 3,
        Gates = 4,
        FirstLevelGrids = 3,
        SecondLevelGrids = 6,
        Households = 900,
        Trucks = 6,
        Volunteers = volunteers,
        HighRiskCommunities = 1,
        LowRiskCommunities = 1,
        RadiusMetres = 1_500,
        Stock = new DistrictStock(80 * stockShare, 400 * stockShare, 45 * stockShare, 60 * stockShare, (int)(3_000 * stockShare)),
    });

    [Theory]
    [InlineData(11, 1.0, null)]
    [InlineData(12, 0.002, null)]
    [InlineData(13, 1.0, 4)]
    [InlineData(14, 0.004, 5)]
    public void Random_district_plans_obey_every_rule(int seed, double stockShare, int? volunteers)
    {
        var scenario = SmallDistrict(seed, stockShare, volunteers);
        var input = new PlanningInput(scenario, 1, DayOrders(scenario, 1, seed), PlanningSettings.Quick with { ParallelGates = 2 });

        var plan = new DistrictPlanner().Plan(input);

        Assert.Empty(PlanChecks.Violations(input, plan));
        Assert.Equal(input.Orders.Count, plan.Orders.Count);
    }

    [Fact]
    public void Shipped_district_day_one_obeys_every_rule()
    {
        string folder = ScenarioLocator.Find("seeds/jining-high-tech")!;
        var scenario = ScenarioFiles.Load(folder);
        // The deterministic default: Quick's wall-clock truck search can leave loads behind on a busy machine.
        var input = new PlanningInput(scenario, 1, DayOrders(scenario, 1, 1), PlanningSettings.Default with { ParallelGates = 2, ProbeBottleneck = false });

        var plan = new DistrictPlanner().Plan(input);

        Assert.Empty(PlanChecks.Violations(input, plan));
        var reasons = plan.Orders.Where(o => !o.IsServed).GroupBy(o => string.Join(':', (o.Reason ?? "").Split(':').Take(2))).OrderByDescending(g => g.Count()).Take(4).Select(g => $"{g.Count()} {g.Key}");
        Assert.True(plan.Kpis.ServedShare > 0.8, $"served share {plan.Kpis.ServedShare:P1}; not served: {string.Join("; ", reasons)}");
    }
}
