namespace Dispatch.Planning.Routing;

/// <summary>Routes found for a <see cref="RoutingProblem"/>, and the stops left out with reasons.</summary>
/// <param name="Found">False when no solution was found in time; every stop is then unassigned.</param>
/// <param name="Cost">The solver's objective: arc costs, soft costs and drop penalties.</param>
public sealed record RoutingSolution(
    bool Found,
    long Cost,
    IReadOnlyList<VehicleRoute> Vehicles,
    IReadOnlyList<UnassignedStop> Unassigned)
{
    public long TotalDistanceMetres => Vehicles.Sum(v => v.Trips.Sum(t => t.DistanceMetres));
}

/// <summary>A vehicle's trips of the day, in order; trips without stops are left out.</summary>
public sealed record VehicleRoute(string VehicleId, int VehicleIndex, IReadOnlyList<Trip> Trips);

/// <summary>One loop from the start point to the end point.</summary>
/// <param name="Number">0-based trip number of the vehicle.</param>
/// <param name="DepartSeconds">Leaves the start point.</param>
/// <param name="ReturnSeconds">Back at the end point.</param>
/// <param name="LoadGrams">Carried when leaving: the sum of the stops' demand.</param>
public sealed record Trip(
    int Number,
    int DepartSeconds,
    int ReturnSeconds,
    long LoadGrams,
    long DistanceMetres,
    IReadOnlyList<Visit> Visits);

/// <summary>A served stop.</summary>
/// <param name="StopIndex">Index into <see cref="RoutingProblem.Stops"/>.</param>
/// <param name="ArrivalSeconds">Arrival; service may wait until <paramref name="StartSeconds"/>.</param>
/// <param name="DeliveredGrams">Delivered on this trip up to and including this stop.</param>
public sealed record Visit(
    string StopId,
    int StopIndex,
    int ArrivalSeconds,
    int StartSeconds,
    long DeliveredGrams);

/// <summary>A stop no vehicle serves, and why.</summary>
public sealed record UnassignedStop(string StopId, int StopIndex, UnassignedReason Reason, string Detail);

/// <summary>Why a stop was left out, from the most specific cause found.</summary>
public enum UnassignedReason
{
    /// <summary>No vehicle may serve it (allowed vehicles empty or none with stops to give).</summary>
    NoAllowedVehicle,
    /// <summary>Its weight exceeds what any allowed vehicle carries in one trip.</summary>
    DemandExceedsEveryCapacity,
    /// <summary>Its count exceeds what any allowed vehicle serves in one trip.</summary>
    CountExceedsEveryCapacity,
    /// <summary>Its goods are ready only after its window closes.</summary>
    ReadyAfterWindowCloses,
    /// <summary>No allowed vehicle can reach it inside its window and get back inside its shift.</summary>
    WindowUnreachable,
    /// <summary>Serving it was possible alone, but the vehicles' capacity, stops or time went to other stops.</summary>
    NoCapacityOrTimeLeft,
    /// <summary>The search found no solution at all in time (or was cancelled first).</summary>
    NoSolutionFound,
}
