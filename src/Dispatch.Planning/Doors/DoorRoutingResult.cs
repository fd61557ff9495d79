using Dispatch.Planning.Routing;

namespace Dispatch.Planning.Doors;

/// <summary>Volunteers' door routes for one gate, and the deliveries nobody carries, with reasons.</summary>
public sealed record DoorRoutingResult(string GateId, IReadOnlyList<VolunteerRoute> Routes, IReadOnlyList<UnassignedDelivery> Unassigned)
{
    public int DoorsServed => Routes.Sum(r => r.Trips.Sum(t => t.Doors.Count));
}

/// <summary>One volunteer's trips from the gate, in order.</summary>
public sealed record VolunteerRoute(string VolunteerId, IReadOnlyList<DoorTrip> Trips);

/// <summary>Leaves the gate carrying goods, drops them at doors, walks back.</summary>
public sealed record DoorTrip(int Number, int LeaveGateSeconds, int BackAtGateSeconds, long CarriedGrams, long WalkedMetres, IReadOnlyList<DoorVisit> Doors);

/// <summary>A planned drop at a door.</summary>
/// <param name="DropOffStartSeconds">Service start at the building: stairs, then the drop.</param>
public sealed record DoorVisit(string DeliveryId, string HouseholdId, bool Vulnerable, int ArrivalSeconds, int DropOffStartSeconds, int ServiceSeconds);

/// <summary>A delivery nobody carries today.</summary>
public sealed record UnassignedDelivery(string DeliveryId, string HouseholdId, bool Vulnerable, UnassignedReason Reason, string Detail);
