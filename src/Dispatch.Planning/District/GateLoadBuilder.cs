using Dispatch.Domain.Supply;
using Dispatch.Planning.Trucks;

namespace Dispatch.Planning.District;

/// <summary>
/// Cuts each supermarket's goods for each gate into truck loads that hold whole orders and fit the smallest
/// truck of that supermarket, vulnerable households' orders in the first loads so they travel first.
/// </summary>
internal sealed class GateLoadBuilder
{
    public GateLoadSet Build(GateLoadBuilderInput input)
    {
        var loads = new List<GateLoad>();
        var ordersByLoad = new Dictionary<string, IReadOnlyList<LoadedOrder>>(StringComparer.Ordinal);
        var groups = input.Orders
            .GroupBy(o => (o.SupermarketId, o.GateId))
            .OrderBy(g => g.Key.SupermarketId, StringComparer.Ordinal)
            .ThenBy(g => g.Key.GateId, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            long capacity = input.SmallestTruckGrams.GetValueOrDefault(group.Key.SupermarketId, long.MaxValue);
            var ordered = group.OrderByDescending(o => o.IsVulnerable).ThenByDescending(o => o.IsDoorDelivery).ThenBy(o => o.OrderId, StringComparer.Ordinal);
            var current = new List<LoadedOrder>();
            long currentGrams = 0;
            void Close()
            {
                if (current.Count == 0)
                {
                    return;
                }

                string id = $"{group.Key.SupermarketId}>{group.Key.GateId}{input.LoadIdTag}#{loads.Count(l => l.SupermarketId == group.Key.SupermarketId && l.GateId == group.Key.GateId) + 1}";
                bool vulnerable = current.Any(o => o.IsVulnerable);
                loads.Add(new GateLoad(id, group.Key.SupermarketId, group.Key.GateId, currentGrams, input.DeliverBySeconds, vulnerable ? input.LateCostPerSecond * 4 : input.LateCostPerSecond));
                ordersByLoad[id] = current;
                current = [];
                currentGrams = 0;
            }

            foreach (var order in ordered)
            {
                if (currentGrams + order.WeightGrams > capacity)
                {
                    Close();
                }

                current.Add(order);
                currentGrams += order.WeightGrams;
            }

            Close();
        }

        return new GateLoadSet(loads, ordersByLoad);
    }
}

/// <param name="LoadIdTag">Goes between gate and number in load ids, so a later top-up's loads never take a planned load's id.</param>
internal sealed record GateLoadBuilderInput(IReadOnlyList<LoadedOrder> Orders, IReadOnlyDictionary<string, long> SmallestTruckGrams, int DeliverBySeconds, long LateCostPerSecond, string LoadIdTag = "");

/// <summary>A filled order on its way: which supermarket packs it and which gate it goes to.</summary>
internal sealed record LoadedOrder(string OrderId, string HouseholdId, string SupermarketId, string GateId, long WeightGrams, bool IsVulnerable, bool IsDoorDelivery, BundleCounts Bundles);

internal sealed record GateLoadSet(IReadOnlyList<GateLoad> Loads, IReadOnlyDictionary<string, IReadOnlyList<LoadedOrder>> OrdersByLoad);
