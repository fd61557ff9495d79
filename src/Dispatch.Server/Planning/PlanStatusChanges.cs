using Dispatch.Domain.Orders;
using Dispatch.Planning.District;

namespace Dispatch.Server.Planning;

/// <summary>The status a plan gives each order, as the entry its history gets.</summary>
public static class PlanStatusChanges
{
    public static List<OrderStatusChange> Of(IEnumerable<OrderOutcome> outcomes, int version, long nowUnixSeconds, string how = "") => outcomes.Select(o => new OrderStatusChange(
        o.OrderId,
        o.Fate switch
        {
            OrderFate.PickupSlot => OrderStatus.Slotted,
            OrderFate.Unfilled => OrderStatus.Unfilled,
            OrderFate.Unassigned => OrderStatus.Received,
            _ => OrderStatus.Planned,
        },
        nowUnixSeconds,
        o.IsServed ? $"plan v{version}{how}: {o.Fate} at gate {o.GateId}" : $"plan v{version}{how}: not served: {o.Reason}")).ToList();
}
