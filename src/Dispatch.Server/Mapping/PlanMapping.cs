using Dispatch.Planning.District;
using Dispatch.Server.Planning;
using Google.Protobuf.WellKnownTypes;
using V1 = Dispatch.Contracts.V1;

namespace Dispatch.Server.Mapping;

/// <summary>Plans to protos: the summary for GetPlan and a gate's detail for GetGatePlan.</summary>
public static class PlanMapping
{
    public static V1.PlanSummary ToSummary(VersionedPlan versioned)
    {
        var plan = versioned.Plan;
        var summary = new V1.PlanSummary
        {
            DistrictId = plan.DistrictId,
            Day = plan.Day,
            Version = versioned.Version,
            CreatedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeSeconds(versioned.CreatedAtUnixSeconds)),
            Kpis = ToProto(plan.Kpis),
            Bottleneck = plan.Bottleneck is null ? null : ToProto(plan.Bottleneck),
            Rules = plan.Settings is null ? null : ToProto(plan.Settings),
        };
        summary.TruckRoutes.AddRange(plan.TruckRoutes.Select(r =>
        {
            var route = new V1.TruckRoute { TruckId = r.TruckId, SupermarketId = r.SupermarketId };
            route.Trips.AddRange(r.Trips.Select(ToProto));
            return route;
        }));

        var unassignedByGate = plan.Orders.Where(o => !o.IsServed).GroupBy(o => o.GateId).ToDictionary(g => g.Key, g => g.Count());
        foreach (var cycles in plan.GateCycles)
        {
            summary.Gates.Add(new V1.GateSummary
            {
                GateId = cycles.GateId,
                Cycles = cycles.Cycles.Count,
                VolunteersRouted = plan.DoorRoutes.Where(d => d.GateId == cycles.GateId).Sum(d => d.Routes.Count),
                HouseholdsSlotted = plan.PickupSlots.Where(p => p.GateId == cycles.GateId).Sum(p => p.Assignments.Count),
                OrdersUnassigned = unassignedByGate.GetValueOrDefault(cycles.GateId),
            });
        }

        return summary;
    }

    public static V1.GatePlan ToGatePlan(VersionedPlan versioned, string gateId)
    {
        var plan = versioned.Plan;
        var gate = new V1.GatePlan { DistrictId = plan.DistrictId, Day = plan.Day, Version = versioned.Version, GateId = gateId };
        foreach (var cycle in plan.GateCycles.Where(g => g.GateId == gateId).SelectMany(g => g.Cycles))
        {
            var proto = new V1.DisinfectionCycle { StartSeconds = cycle.StartAtSeconds, EndSeconds = cycle.EndAtSeconds, StorageWaitSeconds = cycle.StorageWaitSeconds };
            proto.Loads.AddRange(cycle.Loads.Select(l => new V1.CycleLoad { ConsignmentId = l.ConsignmentId, WeightGrams = l.WeightGrams }));
            gate.Cycles.Add(proto);
        }

        gate.DoorRoutes.AddRange(plan.DoorRoutes.Where(d => d.GateId == gateId).SelectMany(d => d.Routes).Select(ToProto));
        foreach (var slots in plan.PickupSlots.Where(p => p.GateId == gateId))
        {
            var byIndex = slots.Assignments.ToLookup(a => a.SlotIndex);
            foreach (var slot in slots.Slots.Where(s => s.Households > 0))
            {
                var proto = new V1.PickupSlot { Index = slot.Index, StartSeconds = slot.StartAtSeconds, EndSeconds = slot.EndAtSeconds };
                proto.HouseholdIds.AddRange(byIndex[slot.Index].Select(a => a.HouseholdId));
                gate.Slots.Add(proto);
            }

            gate.FreeWindows.AddRange((slots.FreeWindows ?? []).Select(w => new V1.FreePickupWindow { HouseholdId = w.HouseholdId, StartSeconds = w.StartAtSeconds, EndSeconds = w.EndAtSeconds }));
        }

        foreach (var wait in plan.GateCycles.Where(g => g.GateId == gateId).SelectMany(g => g.BufferWaits ?? []))
        {
            var proto = new V1.BufferWait { ConsignmentId = wait.ConsignmentId, WeightGrams = wait.WeightGrams, UnloadedAtSeconds = wait.UnloadedAtSeconds, TruckWaitSeconds = wait.TruckWaitSeconds };
            if (wait.LeftAtSeconds is { } left)
            {
                proto.LeftAtSeconds = left;
            }

            gate.BufferWaits.Add(proto);
        }

        gate.Orders.AddRange(plan.Orders.Where(o => o.GateId == gateId).Select(o => new V1.OrderOutcome
        {
            OrderId = o.OrderId,
            HouseholdId = o.HouseholdId,
            Fate = (V1.OrderFate)((int)o.Fate + 1),
            ReadyAtSeconds = o.ReadyAtSeconds ?? 0,
            ServedAtSeconds = o.ServedAtSeconds ?? 0,
            AssignedTo = o.AssignedTo ?? "",
            Reason = o.Reason ?? "",
            TruckId = o.TruckId ?? "",
            ConsignmentId = o.ConsignmentId ?? "",
            PickupUntilSeconds = o.PickupUntilSeconds ?? 0,
        }));
        return gate;
    }

    public static V1.TruckTrip ToProto(Dispatch.Planning.Trucks.TruckTrip t)
    {
        var trip = new V1.TruckTrip { Number = t.Number, DepartSeconds = t.DepartSeconds, ReturnSeconds = t.ReturnSeconds, LoadGrams = t.LoadGrams };
        trip.Stops.AddRange(t.Stops.Select(s => new V1.TruckStop
        {
            GateId = s.GateId,
            LoadId = s.LoadId,
            WeightGrams = s.WeightGrams,
            ArrivalSeconds = s.ArrivalSeconds,
            UnloadStartSeconds = s.UnloadStartSeconds,
        }));
        return trip;
    }

    public static V1.DoorRoute ToProto(Dispatch.Planning.Doors.VolunteerRoute route)
    {
        var proto = new V1.DoorRoute { VolunteerId = route.VolunteerId };
        proto.Trips.AddRange(route.Trips.Select(t =>
        {
            var trip = new V1.DoorTrip { Number = t.Number, LeaveGateSeconds = t.LeaveGateSeconds, BackAtGateSeconds = t.BackAtGateSeconds, CarriedGrams = t.CarriedGrams };
            trip.Doors.AddRange(t.Doors.Select(d => new V1.DoorStop
            {
                DeliveryId = d.DeliveryId,
                HouseholdId = d.HouseholdId,
                Vulnerable = d.Vulnerable,
                ArrivalSeconds = d.ArrivalSeconds,
                DropOffSeconds = d.DropOffStartSeconds,
                ServiceSeconds = d.ServiceSeconds,
            }));
            return trip;
        }));
        return proto;
    }

    private static V1.PlanKpis ToProto(PlanKpis k) => new()
    {
        Orders = k.Orders,
        HouseholdsOrdering = k.HouseholdsOrdering,
        HouseholdsServed = k.HouseholdsServed,
        HouseholdsServedByDeadline = k.HouseholdsServedByDeadline,
        DoorDeliveries = k.DoorDeliveries,
        PickupSlots = k.PickupSlots,
        FreePickups = k.FreePickups,
        Unfilled = k.Unfilled,
        Unassigned = k.Unassigned,
        ServedShare = k.ServedShare,
        ServedByDeadlineShare = k.ServedByDeadlineShare,
        LatenessP50Seconds = k.LatenessP50Seconds,
        LatenessP95Seconds = k.LatenessP95Seconds,
        LatenessMaxSeconds = k.LatenessMaxSeconds,
        Utilisation = new V1.Utilisation
        {
            Stock = k.Utilisation.Stock,
            Trucks = k.Utilisation.Trucks,
            DisinfectionZones = k.Utilisation.DisinfectionZones,
            Volunteers = k.Utilisation.Volunteers,
            PickupZones = k.Utilisation.PickupZones,
        },
    };

    private static V1.PlanRules ToProto(PlanningSettings s) => new()
    {
        ServeByDeadlineSeconds = s.ServeByDeadlineSeconds,
        PickupOpensAtSeconds = s.PickupOpensAtSeconds,
        PickupClosesAtSeconds = s.PickupClosesAtSeconds,
        SlotSeconds = s.SlotSeconds,
        FreePickupWindowSeconds = s.FreePickupWindowSeconds,
        MaxHouseholdsPerBuildingPerSlot = s.MaxHouseholdsPerBuildingPerSlot,
        TruckUnloadSeconds = s.TruckUnloadSeconds,
    };

    private static V1.Bottleneck ToProto(BottleneckReport report)
    {
        var proto = new V1.Bottleneck { Resource = report.Resource?.ToString() ?? "", BaselineServed = report.BaselineServed };
        proto.Probes.AddRange(report.Probes.Select(p => new V1.BottleneckProbe { Resource = p.Resource.ToString(), HouseholdsServed = p.HouseholdsServed, Gain = p.Gain }));
        return proto;
    }
}
