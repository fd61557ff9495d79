using System.Collections.Concurrent;
using Dispatch.Domain.Orders;

namespace Dispatch.Server.Live;

/// <summary>
/// Order status changes fanned out to each supermarket's watchers as they are stored. Bounded per watcher: a slow
/// watcher loses its oldest changes (and is told how many), never slows the writer.
/// </summary>
public sealed class OrderEventHub
{
    public const int BufferPerWatcher = 4_096;

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<OrderWatch, byte>> _watchers = new(StringComparer.Ordinal);

    public OrderWatch Watch(string supermarketId)
    {
        var watchers = _watchers.GetOrAdd(supermarketId, _ => new ConcurrentDictionary<OrderWatch, byte>());
        var watch = new OrderWatch(w => watchers.TryRemove(w, out _));
        watchers[watch] = 0;
        return watch;
    }

    /// <summary>Call after the changes are stored. Changes of orders not in <paramref name="orders"/> are skipped (their supermarket is unknown).</summary>
    public void Publish(IReadOnlyDictionary<string, Order> orders, IEnumerable<OrderStatusChange> changes)
    {
        if (_watchers.IsEmpty)
        {
            return;
        }

        foreach (var change in changes)
        {
            if (orders.TryGetValue(change.OrderId, out var order) && _watchers.TryGetValue(order.SupermarketId, out var watchers))
            {
                foreach (var watch in watchers.Keys)
                {
                    watch.Offer(new OrderEvent(order.Id, order.SupermarketOrderId, order.HouseholdId, change));
                }
            }
        }
    }
}
