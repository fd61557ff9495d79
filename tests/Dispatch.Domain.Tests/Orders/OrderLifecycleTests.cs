using Dispatch.Domain.Orders;

namespace Dispatch.Domain.Tests.Orders;

public sealed class OrderLifecycleTests
{
    [Fact]
    public void The_goods_way_only_moves_forward()
    {
        Assert.True(OrderLifecycle.Takes(OrderStatus.Planned, OrderStatus.OnTruck));
        Assert.True(OrderLifecycle.Takes(OrderStatus.Planned, OrderStatus.Disinfecting));
        Assert.True(OrderLifecycle.Takes(OrderStatus.Released, OrderStatus.PickedUp));
        Assert.False(OrderLifecycle.Takes(OrderStatus.Disinfecting, OrderStatus.OnTruck));
        Assert.False(OrderLifecycle.Takes(OrderStatus.OutForDelivery, OrderStatus.OutForDelivery));
        Assert.False(OrderLifecycle.Takes(OrderStatus.PickedUp, OrderStatus.Released));
    }

    [Fact]
    public void Plans_and_doors_are_always_heard()
    {
        Assert.True(OrderLifecycle.Takes(OrderStatus.Disinfecting, OrderStatus.Slotted));
        Assert.True(OrderLifecycle.Takes(OrderStatus.Failed, OrderStatus.Delivered));
        Assert.True(OrderLifecycle.Takes(OrderStatus.Delivered, OrderStatus.Delivered));
    }

    [Fact]
    public void The_furthest_status_is_the_one_furthest_along_the_way()
    {
        Assert.Equal(OrderStatus.Disinfecting, OrderLifecycle.Furthest([OrderStatus.Planned, OrderStatus.Disinfecting, OrderStatus.OnTruck]));
        Assert.Equal(OrderStatus.Received, OrderLifecycle.Furthest([]));
        Assert.Equal(6, OrderLifecycle.StageOf(OrderStatus.Cancelled));
    }
}
