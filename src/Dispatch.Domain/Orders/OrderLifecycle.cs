namespace Dispatch.Domain.Orders;

/// <summary>
/// The way an order goes, and the one place its statuses are put in order: received; planned (or slotted, or
/// unfilled); on the truck; disinfecting; released; out for delivery; and at its end delivered, failed at the door,
/// picked up or cancelled. Which entry an order's history may take next follows from here.
/// </summary>
public static class OrderLifecycle
{
    /// <summary>How far along its way <paramref name="status"/> is: 0 (received) to 6 (at its end).</summary>
    public static int StageOf(OrderStatus status) => status switch
    {
        OrderStatus.Received => 0,
        OrderStatus.Planned or OrderStatus.Slotted or OrderStatus.Unfilled => 1,
        OrderStatus.OnTruck => 2,
        OrderStatus.Disinfecting => 3,
        OrderStatus.Released => 4,
        OrderStatus.OutForDelivery => 5,
        _ => 6,
    };

    /// <summary>
    /// True when an order that has come as far as <paramref name="reached"/> takes <paramref name="next"/> into its
    /// history. The goods' way (on the truck to picked up) only moves forward, so a late or repeated report never
    /// sends an order back. What a plan makes of an order is said at each plan version, and each door report is
    /// news of its own (a parcel, or a second try after no answer): those are always taken.
    /// </summary>
    public static bool Takes(OrderStatus reached, OrderStatus next) =>
        IsSaidByPlan(next) || IsSaidAtDoor(next) || StageOf(next) > StageOf(reached);

    /// <summary>The status furthest along of <paramref name="statuses"/> (received when there are none).</summary>
    public static OrderStatus Furthest(IEnumerable<OrderStatus> statuses) =>
        statuses.DefaultIfEmpty(OrderStatus.Received).MaxBy(StageOf);

    /// <summary>A status a plan gives: received again when it cannot serve the order.</summary>
    public static bool IsSaidByPlan(OrderStatus status) =>
        status is OrderStatus.Received or OrderStatus.Planned or OrderStatus.Slotted or OrderStatus.Unfilled;

    /// <summary>What a volunteer reports at a door.</summary>
    public static bool IsSaidAtDoor(OrderStatus status) => status is OrderStatus.Delivered or OrderStatus.Failed;
}
