namespace Dispatch.Domain.Orders;

/// <summary>The engine's answer to a batch: how many orders it stored and which it refused, and why.</summary>
public sealed record BatchReceipt(
    string SupermarketId,
    string BatchId,
    string GridId,
    int Day,
    int OrderCount,
    int AcceptedCount,
    IReadOnlyList<OrderRejection> Rejected,
    long ReceivedAtUnixSeconds);
