using Dispatch.Contracts.V1;

namespace Dispatch.Server.Tests.Infrastructure;

/// <summary>Builds OrderIntake requests over the tiny district.</summary>
public static class Batches
{
    public static OrderInput Order(string orderId, string householdId, params (BundleKind Kind, int Quantity)[] lines)
    {
        var order = new OrderInput { OrderId = orderId, HouseholdId = householdId };
        order.Lines.AddRange(lines.Select(l => new BundleLine { Kind = l.Kind, Quantity = l.Quantity }));
        return order;
    }

    /// <summary>A valid batch of <paramref name="count"/> orders (ids PREFIX-1..) for the grid's households.</summary>
    public static OrderBatch Valid(string batchId, string supermarketId = "SM1", string gridId = "L1-A", int count = 3, string? orderPrefix = null)
    {
        var batch = new OrderBatch { SupermarketId = supermarketId, BatchId = batchId, GridId = gridId, Day = 1 };
        for (int i = 1; i <= count; i++)
        {
            batch.Orders.Add(Order($"{orderPrefix ?? batchId}-{i}", $"H-{gridId}-{((i - 1) % 5) + 1}", (BundleKind.Vegetable, 1)));
        }

        return batch;
    }
}
