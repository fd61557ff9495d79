using Dispatch.Domain.Orders;
using Dispatch.Domain.Supply;
using Dispatch.Server.Live;

namespace Dispatch.Server.Tests;

/// <summary>Watching one order (a household page) gets that order's changes only, and stops when disposed.</summary>
public sealed class OrderEventHubTests
{
    private static Order OrderOf(string id, string supermarketId) =>
        new(id, "H-" + id, "G1", supermarketId, "B1", 1, BundleCounts.Zero, OrderStatus.Received, 0);

    [Fact]
    public void An_order_watch_gets_its_own_orders_changes_and_none_after_it_is_disposed()
    {
        var hub = new OrderEventHub();
        var orders = new[] { OrderOf("SM1/O-1", "SM1"), OrderOf("SM1/O-2", "SM1") }.ToDictionary(o => o.Id);
        var mine = hub.WatchOrder("SM1/O-1");
        var supermarket = hub.Watch("SM1");

        hub.Publish(orders, [new OrderStatusChange("SM1/O-2", OrderStatus.Planned, 1, ""), new OrderStatusChange("SM1/O-1", OrderStatus.Planned, 1, "")]);
        mine.Dispose();
        hub.Publish(orders, [new OrderStatusChange("SM1/O-1", OrderStatus.Delivered, 2, "")]);

        Assert.True(mine.Reader.TryRead(out var only));
        Assert.Equal(("SM1/O-1", OrderStatus.Planned), (only.OrderId, only.Change.Status));
        Assert.False(mine.Reader.TryRead(out _));
        Assert.Equal(3, supermarket.Reader.Count);
    }
}
