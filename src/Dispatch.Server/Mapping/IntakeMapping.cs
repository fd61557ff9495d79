using Dispatch.Domain.Orders;
using Dispatch.Domain.Supply;
using Google.Protobuf.WellKnownTypes;
using V1 = Dispatch.Contracts.V1;

namespace Dispatch.Server.Mapping;

/// <summary>Proto <-> domain for order intake. Unknown enum values map to values the validator rejects.</summary>
public static class IntakeMapping
{
    public static OrderBatch ToDomain(V1.OrderBatch batch) => new(
        batch.SupermarketId,
        batch.BatchId,
        batch.GridId,
        batch.Day,
        batch.Orders.Select(o => new OrderLineItem(
            o.OrderId,
            o.HouseholdId,
            o.Lines.Select(l => new BundleQuantity(ToDomain(l.Kind), l.Quantity)).ToList())).ToList());

    public static V1.OrderBatch ToProto(OrderBatch batch)
    {
        var proto = new V1.OrderBatch { SupermarketId = batch.SupermarketId, BatchId = batch.BatchId, GridId = batch.GridId, Day = batch.Day };
        foreach (var order in batch.Orders)
        {
            var input = new V1.OrderInput { OrderId = order.OrderId, HouseholdId = order.HouseholdId };
            input.Lines.AddRange(order.Lines.Select(l => new V1.BundleLine { Kind = ToProto(l.Kind), Quantity = l.Quantity }));
            proto.Orders.Add(input);
        }

        return proto;
    }

    public static BundleKind ToDomain(V1.BundleKind kind) => kind switch
    {
        V1.BundleKind.MeatAndVegetable => BundleKind.MeatAndVegetable,
        V1.BundleKind.Vegetable => BundleKind.Vegetable,
        V1.BundleKind.RiceAndFlour => BundleKind.RiceAndFlour,
        V1.BundleKind.Medicine => BundleKind.Medicine,
        _ => (BundleKind)(-1),
    };

    public static V1.BundleKind ToProto(BundleKind kind) => kind switch
    {
        BundleKind.MeatAndVegetable => V1.BundleKind.MeatAndVegetable,
        BundleKind.Vegetable => V1.BundleKind.Vegetable,
        BundleKind.RiceAndFlour => V1.BundleKind.RiceAndFlour,
        BundleKind.Medicine => V1.BundleKind.Medicine,
        _ => V1.BundleKind.Unspecified,
    };

    public static OrderStatus? ToDomain(V1.OrderStatus status) =>
        status == V1.OrderStatus.Unspecified ? null : (OrderStatus)((int)status - 1);

    public static V1.OrderStatus ToProto(OrderStatus status) => (V1.OrderStatus)((int)status + 1);

    public static V1.BatchResult ToProto(BatchReceipt receipt, bool replayed)
    {
        var result = new V1.BatchResult
        {
            SupermarketId = receipt.SupermarketId,
            BatchId = receipt.BatchId,
            AcceptedCount = receipt.AcceptedCount,
            Replayed = replayed,
        };
        result.Rejected.AddRange(receipt.Rejected.Select(r => new V1.OrderRejection
        {
            Index = r.Index,
            OrderId = r.OrderId,
            Field = r.Field,
            Reason = r.Reason,
        }));
        return result;
    }

    public static V1.Order ToProto(Order order, IReadOnlyList<OrderStatusChange> history)
    {
        var proto = new V1.Order
        {
            OrderId = order.SupermarketOrderId,
            OrderRef = order.Id,
            HouseholdId = order.HouseholdId,
            GridId = order.GridId,
            SupermarketId = order.SupermarketId,
            BatchId = order.BatchId,
            Day = order.Day,
            Status = ToProto(order.Status),
            ReceivedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeSeconds(order.ReceivedAtUnixSeconds)),
        };
        foreach (var kind in BundleKinds.All)
        {
            if (order.Bundles[kind] > 0)
            {
                proto.Lines.Add(new V1.BundleLine { Kind = ToProto(kind), Quantity = order.Bundles[kind] });
            }
        }

        proto.History.AddRange(history.Select(h => new V1.OrderStatusChange
        {
            Status = ToProto(h.Status),
            At = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeSeconds(h.AtUnixSeconds)),
            Reason = h.Reason,
        }));
        return proto;
    }
}
