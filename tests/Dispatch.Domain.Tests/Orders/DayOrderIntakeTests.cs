using Dispatch.Domain.Orders;
using Dispatch.Domain.Scenarios;
using Dispatch.Domain.Supply;
using Dispatch.Domain.Tests.Scenarios;

namespace Dispatch.Domain.Tests.Orders;

/// <summary>A file's orders for one plan day, kept to the intake's rules before they are planned.</summary>
public sealed class DayOrderIntakeTests
{
    private readonly DayOrderIntake _intake = new(new ScenarioIndex(ScenarioFilesTests.SmallScenario()), IntakeLimits.Default with { MaxOrdersPerHouseholdPerDay = 2 });

    private static OrderLineItem Item(string orderId, string household, int vegetable = 1) =>
        new(orderId, household, [new BundleQuantity(BundleKind.Vegetable, vegetable)]);

    [Fact]
    public void Only_the_days_valid_orders_come_back_keyed_by_supermarket_and_own_id()
    {
        var result = _intake.Accept(
        [
            new OrderBatch("SM1", "B1", "G1-1", 1, [Item("O-1", "H1"), Item("O-bad", "H2", vegetable: -1)]),
            new OrderBatch("SM1", "B2", "G1-1", 2, [Item("O-9", "H1")]),
        ], day: 1);

        var order = Assert.Single(result.Orders);
        Assert.Equal("SM1/O-1", order.Id);
        Assert.Equal("O-1", order.SupermarketOrderId);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("O-bad", problem.OrderId);
        Assert.Equal(1, result.BatchesForDay);
        Assert.Equal([1, 2], result.DaysInFile);
    }

    [Fact]
    public void An_id_used_in_an_earlier_batch_and_orders_past_the_households_limit_are_rejected()
    {
        var result = _intake.Accept(
        [
            new OrderBatch("SM1", "B1", "G1-1", 1, [Item("O-1", "H1"), Item("O-2", "H1")]),
            new OrderBatch("SM1", "B2", "G1-1", 1, [Item("O-1", "H2"), Item("O-3", "H1"), Item("O-4", "H2")]),
        ], day: 1);

        Assert.Equal(["SM1/O-1", "SM1/O-2", "SM1/O-4"], result.Orders.Select(o => o.Id));
        Assert.Collection(result.Problems,
            p => Assert.Contains("already used in batch 'B1'", p.Reason),
            p => Assert.Contains("already has 2 orders for day 1", p.Reason));
    }

    [Fact]
    public void A_batch_for_a_grid_that_is_not_a_second_level_grid_is_refused_whole()
    {
        var result = _intake.Accept([new OrderBatch("SM1", "B1", "G1", 1, [Item("O-1", "H1")])], day: 1);

        Assert.Empty(result.Orders);
        var problem = Assert.Single(result.Problems);
        Assert.Null(problem.OrderId);
        Assert.Equal("grid_id", problem.Field);
    }
}
