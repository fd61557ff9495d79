using Dispatch.Domain.Supply;

namespace Dispatch.Planning.Allocation;

/// <summary>Today's orders and the supermarkets' stock to fill them from.</summary>
/// <param name="Orders">Orders in their intake order; that order breaks ties within a priority.</param>
/// <param name="Stocks">Each supermarket's stock for the day, per bundle kind.</param>
/// <param name="AlternativesByGrid">
/// Per grid, supermarket ids to try when the assigned one runs out, nearest (or most preferred) first.
/// A grid without an entry falls back to every other supermarket in <paramref name="Stocks"/> order.
/// </param>
public sealed record AllocationInput(
    IReadOnlyList<AllocationOrder> Orders,
    IReadOnlyList<SupermarketStock> Stocks,
    IReadOnlyDictionary<string, IReadOnlyList<string>> AlternativesByGrid);

/// <summary>One household's order as the allocator sees it.</summary>
/// <param name="AssignedSupermarketId">The supermarket that serves the order's grid first.</param>
/// <param name="IsVulnerable">Orders of vulnerable households are filled first when stock is short.</param>
public sealed record AllocationOrder(
    string OrderId,
    string HouseholdId,
    string GridId,
    BundleCounts Bundles,
    bool IsVulnerable,
    string AssignedSupermarketId);

/// <summary>Bundles a supermarket can still pack today.</summary>
public sealed record SupermarketStock(string SupermarketId, BundleCounts Bundles);
