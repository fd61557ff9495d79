using System.Collections.Concurrent;
using Dispatch.Domain.Orders;

namespace Dispatch.Server.Live;

/// <summary>
/// Order status changes fanned out to each supermarket's watchers, and to the watchers of single orders (households),
/// as they are stored. Bounded per watcher: a slow watcher loses its oldest changes (and is told how many), never
/// slows the writer.
/// </summary>
public sealed class OrderEventHub
{
    public const int BufferPerWatcher = 4_096;

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<OrderWatch, byte>> _watchers = new(StringComparer.Ordinal);

    // By order id: a household page costs one lookup per change, not one write per change of its supermarket. Under a
    // lock, so a set is never dropped while a watcher is being added to it.
    private readonly Dictionary<string, List<OrderWatch>> _orderWatchers = new(StringComparer.Ordinal);
    private readonly Lock _orderWatchersLock = new();

    public OrderWatch Watch(string supermarketId)
    {
        var watchers = _watchers.GetOrAdd(supermarketId, _ => new ConcurrentDictionary<OrderWatch, byte>());
        var watch = new OrderWatch(w => watchers.TryRemove(w, out _));
        watchers[watch] = 0;
        return watch;
    }

    /// <summary>The changes of one order (by its engine-wide id).</summary>
    public OrderWatch WatchOrder(string orderId)
    {
        var watch = new OrderWatch(w =>
        {
            lock (_orderWatchersLock)
            {
                if (_orderWatchers.TryGetValue(orderId, out var list) && list.Remove(w) && list.Count == 0)
                {
                    _orderWatchers.Remove(orderId);
                }
            }
        });
        lock (_orderWatchersLock)
        {
            if (!_orderWatchers.TryGetValue(orderId, out var list))
            {
                _orderWatchers[orderId] = list = [];
            }

            list.Add(watch);
        }

        return watch;
    }

    /// <summary>Call after the changes are stored. Changes of orders not in <paramref name="orders"/> are skipped (their supermarket is unknown).</summary>
    public void Publish(IReadOnlyDictionary<string, Order> orders, IEnumerable<OrderStatusChange> changes)
    {
        bool anyOrderWatched;
        lock (_orderWatchersLock)
        {
            anyOrderWatched = _orderWatchers.Count > 0;
        }

        if (_watchers.IsEmpty && !anyOrderWatched)
        {
            return;
        }

        foreach (var change in changes)
        {
            if (!orders.TryGetValue(change.OrderId, out var order))
            {
                continue;
            }

            if (_watchers.TryGetValue(order.SupermarketId, out var watchers))
            {
                foreach (var watch in watchers.Keys)
                {
                    watch.Offer(new OrderEvent(order.Id, order.SupermarketOrderId, order.HouseholdId, change));
                }
            }

            if (anyOrderWatched)
            {
                lock (_orderWatchersLock)
                {
                    foreach (var watch in _orderWatchers.GetValueOrDefault(order.Id) ?? [])
                    {
                        watch.Offer(new OrderEvent(order.Id, order.SupermarketOrderId, order.HouseholdId, change));
                    }
                }
            }
        }
    }
}
