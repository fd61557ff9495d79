using Dispatch.Domain.Orders;
using Dispatch.Domain.Scenarios;
using Dispatch.Domain.Supply;
using Dispatch.Planning.Doors;
using Dispatch.Planning.Live;
using V1 = Dispatch.Contracts.V1;

namespace Dispatch.Server.Mapping;

/// <summary>A volunteer's part of a plan as they see it: doors in order, what to carry, how to drop, what is done.</summary>
public static class AssignmentMapping
{
    private const string Contactless = "Contactless: knock, leave the goods at the door, step back two metres, ask for the household's 6-digit code.";

    public static V1.Assignment ToAssignment(
        string districtId,
        int day,
        Dispatch.Domain.People.Volunteer volunteer,
        VolunteerRoute? route,
        bool available,
        ScenarioIndex scenario,
        IReadOnlyDictionary<string, Order> orders,
        IReadOnlyDictionary<string, StopReport> reports)
    {
        var assignment = new V1.Assignment { VolunteerId = volunteer.Id, DistrictId = districtId, Day = day, GateId = volunteer.GateId, Available = available };
        if (scenario.FindGate(volunteer.GateId) is { } gate)
        {
            assignment.GateLatitude = gate.Location.Latitude;
            assignment.GateLongitude = gate.Location.Longitude;
        }

        foreach (var trip in route?.Trips ?? [])
        {
            var mapped = new V1.AssignmentTrip
            {
                Number = trip.Number,
                LeaveGateSeconds = trip.LeaveGateSeconds,
                BackAtGateSeconds = trip.BackAtGateSeconds,
                CarriedGrams = trip.CarriedGrams,
            };
            mapped.Stops.AddRange(trip.Doors.Select(d => ToStop(d, scenario, orders, reports)));
            assignment.Trips.Add(mapped);
        }

        return assignment;
    }

    private static V1.AssignmentStop ToStop(DoorVisit door, ScenarioIndex scenario, IReadOnlyDictionary<string, Order> orders, IReadOnlyDictionary<string, StopReport> reports)
    {
        string orderId = DeliveryIds.OrderIdOf(door.DeliveryId);
        var household = scenario.FindHousehold(door.HouseholdId);
        var stop = new V1.AssignmentStop
        {
            DeliveryId = door.DeliveryId,
            OrderId = orderId,
            HouseholdId = door.HouseholdId,
            Address = household is null ? string.Empty : $"building {household.Building}, unit {household.Unit}, floor {household.Floor}{(household.HasElevator ? " (elevator)" : string.Empty)}",
            Vulnerable = door.Vulnerable,
            ArrivalSeconds = door.ArrivalSeconds,
            DropOffSeconds = door.DropOffStartSeconds,
            ServiceSeconds = door.ServiceSeconds,
            Instructions = door.Vulnerable ? Contactless + " Vulnerable household: carry upstairs and check they can take it in." : Contactless,
            State = reports.GetValueOrDefault(door.DeliveryId) switch
            {
                null => V1.StopState.Planned,
                { Delivered: true } => V1.StopState.Delivered,
                _ => V1.StopState.Failed,
            },
        };
        if (household is not null)
        {
            stop.Building = household.Building;
            stop.Unit = household.Unit;
            stop.Floor = household.Floor;
            stop.HasElevator = household.HasElevator;
            stop.Latitude = household.Location.Latitude;
            stop.Longitude = household.Location.Longitude;
        }

        if (orders.TryGetValue(orderId, out var order))
        {
            var (parcel, parcels) = DeliveryIds.ParcelOf(door.DeliveryId);
            (stop.Parcel, stop.Parcels) = (parcel, parcels);
            var carried = DoorParcels.BundlesOf(order.Bundles, scenario.Catalog, parcel, parcels);
            stop.WeightGrams = carried.WeightGrams(scenario.Catalog);
            foreach (var kind in Enum.GetValues<BundleKind>())
            {
                if (carried[kind] > 0)
                {
                    stop.Bundles.Add(new V1.BundleLine { Kind = IntakeMapping.ToProto(kind), Quantity = carried[kind] });
                }
            }
        }

        return stop;
    }
}
