using Dispatch.Domain.Orders;
using Dispatch.Domain.Scenarios;
using Dispatch.Domain.Supply;
using Dispatch.Planning.District;
using Dispatch.Planning.Live;
using Dispatch.Server.Planning;
using Google.Protobuf.WellKnownTypes;
using V1 = Dispatch.Contracts.V1;

namespace Dispatch.Server.Mapping;

/// <summary>A household's view of its order: status, when and where it comes, and its code; no staff names or reasons.</summary>
public static class HouseholdOrderMapping
{
    /// <param name="utcOffsetMinutes">The district's offset from UTC, for the local times of the history.</param>
    /// <param name="plan">The latest plan of the order's day, or null before one is made.</param>
    public static V1.HouseholdOrder ToProto(Order order, IReadOnlyList<OrderStatusChange> history, VersionedPlan? plan, ScenarioIndex scenario, string confirmationCode, int utcOffsetMinutes)
    {
        var proto = new V1.HouseholdOrder
        {
            OrderRef = order.Id,
            SupermarketOrderId = order.SupermarketOrderId,
            SupermarketId = order.SupermarketId,
            Day = order.Day,
            Status = IntakeMapping.ToProto(order.Status),
            Service = V1.HouseholdService.NotPlanned,
            ConfirmationCode = confirmationCode,
        };
        foreach (var kind in BundleKinds.All)
        {
            if (order.Bundles[kind] > 0)
            {
                proto.Lines.Add(new V1.BundleLine { Kind = IntakeMapping.ToProto(kind), Quantity = order.Bundles[kind] });
            }
        }

        proto.History.AddRange(history.Select(h => new V1.HouseholdStatusChange
        {
            Status = IntakeMapping.ToProto(h.Status),
            At = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeSeconds(h.AtUnixSeconds)),
            AtLocal = DateTimeOffset.FromUnixTimeSeconds(h.AtUnixSeconds).ToOffset(TimeSpan.FromMinutes(utcOffsetMinutes)).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        }));

        if (plan?.Plan.Orders.FirstOrDefault(o => string.Equals(o.OrderId, order.Id, StringComparison.Ordinal)) is not { } outcome)
        {
            return proto;
        }

        proto.PlanVersion = plan.Version;
        proto.GateId = outcome.GateId;
        proto.GateName = scenario.FindGate(outcome.GateId)?.Name ?? "";
        proto.ReadyAtSeconds = outcome.ReadyAtSeconds ?? 0;
        switch (outcome.Fate)
        {
            case OrderFate.DoorDelivery:
                proto.Service = V1.HouseholdService.DoorDelivery;
                // The first parcel's drop-off as the route has it (the outcome's served time is when the drop ends).
                proto.DoorAtSeconds = plan.Plan.DoorRoutes.Where(d => d.GateId == outcome.GateId)
                    .SelectMany(d => d.Routes).SelectMany(r => r.Trips).SelectMany(t => t.Doors)
                    .Where(d => string.Equals(DeliveryIds.OrderIdOf(d.DeliveryId), order.Id, StringComparison.Ordinal))
                    .Select(d => (int?)d.DropOffStartSeconds).Min() ?? outcome.ServedAtSeconds ?? 0;
                break;
            case OrderFate.PickupSlot:
                proto.Service = V1.HouseholdService.PickupWindow;
                var slot = plan.Plan.PickupSlots.Where(p => p.GateId == outcome.GateId).SelectMany(p => p.Slots)
                    .FirstOrDefault(s => outcome.AssignedTo == $"slot {s.Index}");
                proto.PickupFromSeconds = slot?.StartAtSeconds ?? outcome.ServedAtSeconds ?? 0;
                proto.PickupUntilSeconds = slot?.EndAtSeconds ?? 0;
                break;
            case OrderFate.FreePickup:
                proto.Service = V1.HouseholdService.FreePickup;
                proto.PickupFromSeconds = outcome.ServedAtSeconds ?? outcome.ReadyAtSeconds ?? 0;
                proto.PickupUntilSeconds = outcome.PickupUntilSeconds ?? 0;
                break;
        }

        return proto;
    }
}
