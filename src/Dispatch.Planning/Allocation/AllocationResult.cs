using Dispatch.Domain.Supply;

namespace Dispatch.Planning.Allocation;

/// <summary>Which supermarket fills each order, which orders cannot be filled and why, and what stock is left.</summary>
/// <param name="Filled">Filled orders, in the order they were filled (vulnerable first).</param>
/// <param name="Remaining">Each supermarket's stock after allocation, in input order.</param>
public sealed record AllocationResult(
    IReadOnlyList<OrderAllocation> Filled,
    IReadOnlyList<UnfilledOrder> Unfilled,
    IReadOnlyList<SupermarketStock> Remaining);

/// <summary>An order filled whole by one supermarket.</summary>
/// <param name="FromAssignedSupermarket">False when the grid's assigned supermarket had run out and another one stepped in.</param>
public sealed record OrderAllocation(string OrderId, string SupermarketId, BundleCounts Bundles, bool FromAssignedSupermarket);

/// <summary>An order no supermarket could fill whole.</summary>
/// <param name="ShortKind">A bundle kind that ran out: one no candidate supermarket had enough of, else the one the assigned supermarket lacked.</param>
public sealed record UnfilledOrder(string OrderId, UnfilledReason Reason, BundleKind? ShortKind, string Detail);
