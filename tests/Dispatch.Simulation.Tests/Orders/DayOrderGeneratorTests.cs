using Dispatch.Domain.Orders;
using Dispatch.Domain.People;
using Dispatch.Domain.Scenarios;
using Dispatch.Domain.Supply;
using Dispatch.Simulation.Orders;

namespace Dispatch.Simulation.Tests.Orders;

public sealed class DayOrderGeneratorTests
{
    private static Scenario Scenario => DefaultScenario.Seed1;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(366)]
    public void Every_batch_passes_validation_with_zero_rejections(int day)
    {
        var validator = new OrderBatchValidator(new ScenarioIndex(Scenario), IntakeLimits.Default);

        var batches = DayOrderGenerator.Generate(Scenario, day, seed: 1);

        Assert.NotEmpty(batches);
        Assert.All(batches, batch =>
        {
            var result = validator.Validate(batch);
            Assert.Empty(result.BatchViolations);
            Assert.Empty(result.Rejected);
            Assert.Equal(batch.Orders.Count, result.Accepted.Count);
        });
    }

    [Fact]
    public void Same_inputs_give_the_same_orders()
    {
        ScenarioAssert.Equal(DayOrderGenerator.Generate(Scenario, 4, seed: 9), DayOrderGenerator.Generate(Scenario, 4, seed: 9));
    }

    [Fact]
    public void Other_day_or_seed_gives_other_orders()
    {
        var day1 = ScenarioAssert.Flatten(DayOrderGenerator.Generate(Scenario, 1, seed: 1));

        Assert.NotEqual(day1, ScenarioAssert.Flatten(DayOrderGenerator.Generate(Scenario, 1, seed: 2)));
        Assert.NotEqual(day1, ScenarioAssert.Flatten(DayOrderGenerator.Generate(Scenario, 2, seed: 1)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Between_55_and_65_percent_of_households_order_each_day(int day)
    {
        int orders = DayOrderGenerator.Generate(Scenario, day, seed: 1).Sum(b => b.Orders.Count);

        Assert.InRange((double)orders / Scenario.Households.Count, 0.55, 0.65);
    }

    [Fact]
    public void Households_reorder_every_few_days()
    {
        var orderedOn = Enumerable.Range(1, 6)
            .SelectMany(day => DayOrderGenerator.Generate(Scenario, day, seed: 1).SelectMany(b => b.Orders).Select(o => o.HouseholdId))
            .GroupBy(id => id)
            .ToDictionary(g => g.Key, g => g.Count());

        double orderedAtLeastOnce = (double)orderedOn.Count / Scenario.Households.Count;
        Assert.InRange(orderedAtLeastOnce, 0.95, 1.0);
        Assert.Contains(orderedOn.Values, n => n == 6);
        Assert.Contains(orderedOn.Values, n => n <= 2);
    }

    [Fact]
    public void Batches_are_one_per_grid_with_stable_ids()
    {
        var batches = DayOrderGenerator.Generate(Scenario, 3, seed: 1);
        var grids = Scenario.Grids.ToDictionary(g => g.Id);

        Assert.Equal(batches.Count, batches.Select(b => b.GridId).Distinct().Count());
        Assert.All(batches, b =>
        {
            Assert.Equal(grids[b.GridId].AssignedSupermarketId, b.SupermarketId);
            Assert.Equal($"{b.SupermarketId}-{b.GridId}-d3", b.BatchId);
            Assert.All(b.Orders, o => Assert.Equal($"O-d3-{o.HouseholdId}", o.OrderId));
        });
    }

    [Fact]
    public void Order_ids_are_unique_across_days()
    {
        var ids = Enumerable.Range(1, 3)
            .SelectMany(day => DayOrderGenerator.Generate(Scenario, day, seed: 1).SelectMany(b => b.Orders).Select(o => o.OrderId))
            .ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Bundle_mix_is_mostly_vegetable_and_meat_and_vegetable_in_quantities_1_to_3()
    {
        var lines = DayOrderGenerator.Generate(Scenario, 1, seed: 1).SelectMany(b => b.Orders).SelectMany(o => o.Lines).ToList();
        int Count(BundleKind kind) => lines.Where(l => l.Kind == kind).Sum(l => l.Quantity);

        Assert.All(lines, l => Assert.InRange(l.Quantity, 1, 3));
        Assert.True(Count(BundleKind.Vegetable) > Count(BundleKind.RiceAndFlour) * 4);
        Assert.True(Count(BundleKind.MeatAndVegetable) > Count(BundleKind.RiceAndFlour) * 4);
        Assert.True(Count(BundleKind.MeatAndVegetable) > Count(BundleKind.Medicine) * 4);
    }

    [Fact]
    public void Chronic_illness_households_order_medicine_more_often()
    {
        var households = Scenario.Households.ToDictionary(h => h.Id);
        var orders = DayOrderGenerator.Generate(Scenario, 1, seed: 1).SelectMany(b => b.Orders).ToList();
        double MedicineShare(bool chronic)
        {
            var group = orders.Where(o => households[o.HouseholdId].Vulnerabilities.HasFlag(Vulnerability.ChronicIllness) == chronic).ToList();
            return (double)group.Count(o => o.Lines.Any(l => l.Kind == BundleKind.Medicine)) / group.Count;
        }

        Assert.True(MedicineShare(chronic: true) > 5 * MedicineShare(chronic: false));
    }

    [Fact]
    public void Shares_outside_0_to_1_are_refused()
    {
        Assert.Throws<ArgumentException>(() => DayOrderGenerator.Generate(Scenario, 1, seed: 1, new DayOrderOptions { SkipShare = 1.5 }));
    }

    [Fact]
    public void Day_before_1_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DayOrderGenerator.Generate(Scenario, 0, seed: 1));
    }
}
