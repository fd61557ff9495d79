using Dispatch.Domain.Orders;
using Dispatch.Domain.Scenarios;
using Dispatch.Domain.Supply;
using Dispatch.Simulation.Orders;

namespace Dispatch.Simulation.Days;

/// <summary>
/// The day's orders: orders still waiting from earlier days come back first (oldest first, so the allocator fills
/// them before new ones of the same class), then the day's new orders from households not already waiting.
/// </summary>
internal sealed class OrderBacklog
{
    private readonly Dictionary<string, WaitingOrder> _waiting = new(StringComparer.Ordinal);

    public DayOrders For(int day, Scenario scenario, SimulationOptions options)
    {
        var waiting = _waiting.Values
            .OrderBy(w => w.FirstDay).ThenBy(w => w.Order.Id, StringComparer.Ordinal)
            .Select(w => w.Order with { Day = day })
            .ToList();
        var fresh = new List<Order>();
        foreach (var batch in DayOrderGenerator.Generate(scenario, day, options.Seed, options.Orders))
        {
            foreach (var item in batch.Orders)
            {
                if (_waiting.ContainsKey(item.HouseholdId))
                {
                    // A household still waiting for its goods does not order again.
                    continue;
                }

                var bundles = item.Lines.Aggregate(BundleCounts.Zero, (sum, line) => sum.With(line.Kind, sum[line.Kind] + line.Quantity));
                fresh.Add(new Order(item.OrderId, item.HouseholdId, batch.GridId, batch.SupermarketId, batch.BatchId, day, bundles, OrderStatus.Received, 0));
            }
        }

        int oldest = _waiting.Count == 0 ? 0 : day - _waiting.Values.Min(w => w.FirstDay);
        var firstDays = _waiting.Values.ToDictionary(w => w.Order.Id, w => w.FirstDay, StringComparer.Ordinal);
        foreach (var order in fresh)
        {
            firstDays[order.Id] = day;
        }

        return new DayOrders([.. waiting, .. fresh], fresh.Count, waiting.Count, oldest, firstDays);
    }

    /// <summary>Orders not served (or whose delivery failed) wait for the next day; served ones leave.</summary>
    public void Close(int day, IReadOnlyList<Order> orders, IReadOnlySet<string> servedOrderIds)
    {
        var next = new Dictionary<string, WaitingOrder>(StringComparer.Ordinal);
        foreach (var order in orders)
        {
            if (!servedOrderIds.Contains(order.Id))
            {
                int firstDay = _waiting.TryGetValue(order.HouseholdId, out var before) ? before.FirstDay : day;
                next[order.HouseholdId] = new WaitingOrder(order, firstDay);
            }
        }

        _waiting.Clear();
        foreach (var (household, waiting) in next)
        {
            _waiting[household] = waiting;
        }
    }

    private sealed record WaitingOrder(Order Order, int FirstDay);
}

/// <summary>One day's orders, waiting ones first, and the day each was first ordered (its due day).</summary>
internal sealed record DayOrders(IReadOnlyList<Order> Orders, int NewOrders, int WaitingOrders, int OldestWaitDays, IReadOnlyDictionary<string, int> FirstDays);
