using Dispatch.Domain.Orders;
using Dispatch.Domain.Supply;
using V1 = Dispatch.Contracts.V1;

namespace Dispatch.Cli.Intake;

/// <summary>
/// The client's side of intake: a batch read from an orders CSV (or generated) as the message a supermarket sends.
/// The CLI keeps its own mapping so that it talks to any server through the contract alone.
/// </summary>
public static class OrderBatchMessage
{
    public static V1.OrderBatch From(OrderBatch batch) => new()
    {
        SupermarketId = batch.SupermarketId,
        BatchId = batch.BatchId,
        GridId = batch.GridId,
        Day = batch.Day,
        Orders = { batch.Orders.Select(From) },
    };

    private static V1.OrderInput From(OrderLineItem order) => new()
    {
        OrderId = order.OrderId,
        HouseholdId = order.HouseholdId,
        Lines = { order.Lines.Select(l => new V1.BundleLine { Kind = KindOf(l.Kind), Quantity = l.Quantity }) },
    };

    // An unknown kind goes out as UNSPECIFIED: the server answers it with a field violation naming the order.
    private static V1.BundleKind KindOf(BundleKind kind) => kind switch
    {
        BundleKind.MeatAndVegetable => V1.BundleKind.MeatAndVegetable,
        BundleKind.Vegetable => V1.BundleKind.Vegetable,
        BundleKind.RiceAndFlour => V1.BundleKind.RiceAndFlour,
        BundleKind.Medicine => V1.BundleKind.Medicine,
        _ => V1.BundleKind.Unspecified,
    };
}
