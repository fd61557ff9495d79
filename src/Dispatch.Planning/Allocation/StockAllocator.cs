using Dispatch.Domain.Supply;

namespace Dispatch.Planning.Allocation;

/// <summary>
/// Fills orders from supermarkets' stock: the grid's assigned supermarket first, then its alternatives
/// nearest first. An order is filled whole by one supermarket or not at all, because a household's bundle
/// travels on one truck; vulnerable households' orders go first, then intake order.
/// </summary>
public sealed class StockAllocator
{
    public AllocationResult Allocate(AllocationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);

        var stockIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var stock = new BundleCounts[input.Stocks.Count];
        for (var i = 0; i < input.Stocks.Count; i++)
        {
            var s = input.Stocks[i];
            if (!stockIndex.TryAdd(s.SupermarketId, i))
            {
                throw new ArgumentException($"supermarket {s.SupermarketId} has two stock entries", nameof(input));
            }

            stock[i] = s.Bundles;
        }

        var filled = new List<OrderAllocation>(input.Orders.Count);
        var unfilled = new List<UnfilledOrder>();
        foreach (var order in PriorityOrder(input.Orders))
        {
            RequireNonNegative(order);
            var candidates = Candidates(order, input, stockIndex);
            var chosen = candidates.FirstOrDefault(i => order.Bundles.FitsWithin(stock[i]), -1);
            if (chosen >= 0)
            {
                stock[chosen] -= order.Bundles;
                var supermarketId = input.Stocks[chosen].SupermarketId;
                filled.Add(new OrderAllocation(order.OrderId, supermarketId, order.Bundles, supermarketId == order.AssignedSupermarketId));
            }
            else
            {
                unfilled.Add(Unfillable(order, candidates, stock, stockIndex));
            }
        }

        var remaining = input.Stocks.Select((s, i) => s with { Bundles = stock[i] }).ToList();
        return new AllocationResult(filled, unfilled, remaining);
    }

    // Stable sort: within a priority the intake order decides, so the result is deterministic.
    private static IEnumerable<AllocationOrder> PriorityOrder(IReadOnlyList<AllocationOrder> orders) =>
        orders.Where(o => o.IsVulnerable).Concat(orders.Where(o => !o.IsVulnerable));

    private static List<int> Candidates(AllocationOrder order, AllocationInput input, Dictionary<string, int> stockIndex)
    {
        var ids = new List<string> { order.AssignedSupermarketId };
        if (input.AlternativesByGrid.TryGetValue(order.GridId, out var alternatives))
        {
            ids.AddRange(alternatives);
        }
        else
        {
            ids.AddRange(input.Stocks.Select(s => s.SupermarketId));
        }

        var candidates = new List<int>(ids.Count);
        foreach (var id in ids)
        {
            if (stockIndex.TryGetValue(id, out var index) && !candidates.Contains(index))
            {
                candidates.Add(index);
            }
        }

        return candidates;
    }

    private static UnfilledOrder Unfillable(AllocationOrder order, List<int> candidates, BundleCounts[] stock, Dictionary<string, int> stockIndex)
    {
        if (candidates.Count == 0)
        {
            return new UnfilledOrder(order.OrderId, UnfilledReason.UnknownSupermarket, null, $"no stock entry for supermarket {order.AssignedSupermarketId} and no alternative");
        }

        var shortEverywhere = BundleKinds.All.Where(k => order.Bundles[k] > 0 && candidates.All(i => stock[i][k] < order.Bundles[k])).ToList();
        BundleKind? shortKind = shortEverywhere.Count > 0
            ? shortEverywhere[0]
            : stockIndex.TryGetValue(order.AssignedSupermarketId, out var assigned)
                ? BundleKinds.All.First(k => stock[assigned][k] < order.Bundles[k])
                : BundleKinds.All.First(k => stock[candidates[0]][k] < order.Bundles[k]);
        var detail = shortEverywhere.Count > 0
            ? $"no candidate supermarket has {order.Bundles[shortKind.Value]} x {shortKind} left"
            : $"no single candidate supermarket has the whole order; {shortKind} ran out first";
        return new UnfilledOrder(order.OrderId, UnfilledReason.OutOfStock, shortKind, detail);
    }

    private static void RequireNonNegative(AllocationOrder order)
    {
        if (BundleKinds.All.Any(k => order.Bundles[k] < 0))
        {
            throw new ArgumentException($"order {order.OrderId} has a negative bundle count", nameof(order));
        }
    }
}
