using Dispatch.Domain.Supply;
using Dispatch.Planning.Allocation;

namespace Dispatch.Planning.Checks;

/// <summary>Rules an allocation must keep, checked without knowing how it was found.</summary>
public static class AllocationChecks
{
    /// <summary>Returns one line per broken rule; empty when the allocation is sound.</summary>
    public static IReadOnlyList<string> Violations(AllocationInput input, AllocationResult result)
    {
        var violations = new List<string>();
        var used = input.Stocks.ToDictionary(s => s.SupermarketId, _ => BundleCounts.Zero, StringComparer.Ordinal);
        var orders = input.Orders.ToDictionary(o => o.OrderId, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var allocation in result.Filled)
        {
            if (!seen.Add(allocation.OrderId))
            {
                violations.Add($"order {allocation.OrderId} is answered twice");
            }

            if (!orders.TryGetValue(allocation.OrderId, out var order))
            {
                violations.Add($"order {allocation.OrderId} was filled but never ordered");
                continue;
            }

            if (allocation.Bundles != order.Bundles)
            {
                violations.Add($"order {allocation.OrderId} filled with {allocation.Bundles} instead of {order.Bundles}");
            }

            if (!used.TryGetValue(allocation.SupermarketId, out var sum))
            {
                violations.Add($"order {allocation.OrderId} filled by unknown supermarket {allocation.SupermarketId}");
                continue;
            }

            used[allocation.SupermarketId] = sum + allocation.Bundles;
        }

        foreach (var unfilled in result.Unfilled)
        {
            if (!seen.Add(unfilled.OrderId))
            {
                violations.Add($"order {unfilled.OrderId} is answered twice");
            }
        }

        violations.AddRange(input.Orders.Where(o => !seen.Contains(o.OrderId)).Select(o => $"order {o.OrderId} is neither filled nor reported unfilled"));
        violations.AddRange(input.Stocks
            .Where(s => !used[s.SupermarketId].FitsWithin(s.Bundles))
            .Select(s => $"supermarket {s.SupermarketId} gives {used[s.SupermarketId]} from stock {s.Bundles}"));
        return violations;
    }
}
