using Dispatch.Domain.Supply;

namespace Dispatch.Domain.Orders;

/// <summary>A household's order of standard bundles for one plan day, as accepted from a supermarket's batch.</summary>
/// <param name="Id">The engine-wide id (<see cref="OrderRef"/> for orders taken at intake): what plans and routes use.</param>
/// <param name="Day">The plan day (1-based) the order is for.</param>
/// <param name="ReceivedAtUnixSeconds">When the engine stored it.</param>
public sealed record Order(
    string Id,
    string HouseholdId,
    string GridId,
    string SupermarketId,
    string BatchId,
    int Day,
    BundleCounts Bundles,
    OrderStatus Status,
    long ReceivedAtUnixSeconds)
{
    /// <summary>The id the supermarket gave the order (unique per supermarket); the engine-wide <see cref="Id"/> unless set.</summary>
    public string SupermarketOrderId { get; init; } = Id;
}

/// <summary>One entry of an order's append-only history.</summary>
public sealed record OrderStatusChange(string OrderId, OrderStatus Status, long AtUnixSeconds, string Reason);
