using Dispatch.Domain.Supply;

namespace Dispatch.Domain.Orders;

/// <summary>One grid's orders as a supermarket sends them ("centralised purchase, centralised delivery").</summary>
/// <param name="BatchId">Chosen by the supermarket; the same id again is answered with the first answer.</param>
public sealed record OrderBatch(
    string SupermarketId,
    string BatchId,
    string GridId,
    int Day,
    IReadOnlyList<OrderLineItem> Orders);

/// <summary>One order inside a batch, as submitted: counts may be anything until validated.</summary>
public sealed record OrderLineItem(string OrderId, string HouseholdId, IReadOnlyList<BundleQuantity> Lines);

/// <summary>A requested quantity of one bundle kind, unvalidated.</summary>
public readonly record struct BundleQuantity(BundleKind Kind, int Quantity);
