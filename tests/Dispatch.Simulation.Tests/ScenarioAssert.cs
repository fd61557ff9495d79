using Dispatch.Domain.Orders;
using Dispatch.Domain.Scenarios;

namespace Dispatch.Simulation.Tests;

/// <summary>Deep equality for scenarios and batches, whose lists compare by reference on their own.</summary>
internal static class ScenarioAssert
{
    public static void Equal(Scenario expected, Scenario actual)
    {
        Assert.Equal(expected.District, actual.District);
        Assert.Equal(expected.Communities, actual.Communities);
        Assert.Equal(expected.Gates, actual.Gates);
        Assert.Equal(expected.Grids, actual.Grids);
        Assert.Equal(expected.Households, actual.Households);
        Assert.Equal(expected.Supermarkets, actual.Supermarkets);
        Assert.Equal(expected.Vehicles, actual.Vehicles);
        Assert.Equal(expected.Volunteers, actual.Volunteers);
        Assert.Equal(expected.Bundles, actual.Bundles);
    }

    public static void Equal(IEnumerable<OrderBatch> expected, IEnumerable<OrderBatch> actual) =>
        Assert.Equal(Flatten(expected), Flatten(actual));

    public static List<string> Flatten(IEnumerable<OrderBatch> batches) =>
        batches.SelectMany(b => b.Orders.Select(o =>
            $"{b.BatchId}|{b.SupermarketId}|{b.GridId}|{b.Day}|{o.OrderId}|{o.HouseholdId}|{string.Join(';', o.Lines)}")).ToList();
}
