using Dispatch.Planning.Travel;

namespace Dispatch.Planning.Routing;

/// <summary>
/// A vehicle routing problem in integer units: grams, metres, seconds from the plan day's start.
/// Stops and vehicles refer to points of <see cref="Travel"/> by index; several stops may share a point.
/// </summary>
/// <param name="Costs">What the solver minimises besides dropped stops.</param>
public sealed record RoutingProblem(
    TravelMatrix Travel,
    IReadOnlyList<RoutingStop> Stops,
    IReadOnlyList<RoutingVehicle> Vehicles,
    RoutingCosts Costs);

/// <summary>A place to serve once, by at most one vehicle trip.</summary>
/// <param name="Point">Row of the travel matrix.</param>
/// <param name="DemandGrams">Weight delivered here, counted against the trip's <see cref="RoutingVehicle.CapacityGrams"/>.</param>
/// <param name="Count">Units counted against <see cref="RoutingVehicle.CapacityCount"/> per trip (e.g. 1 household).</param>
/// <param name="ServiceSeconds">Time spent at the stop, from the start of service.</param>
/// <param name="Window">When service may start.</param>
/// <param name="ReadyAtSeconds">The goods are ready at the depot then: the trip serving this stop leaves no earlier.</param>
/// <param name="DropPenalty">
/// Cost of leaving the stop unserved; <see cref="MandatoryPenalty"/> makes dropping a last resort.
/// <see cref="NeverDropped"/> forbids dropping: faster search, but no solution at all if it cannot be served.
/// </param>
/// <param name="ServeBySeconds">Soft deadline: starting later costs <paramref name="LateCostPerSecond"/> per second.</param>
/// <param name="AllowedVehicles">Indexes into <see cref="RoutingProblem.Vehicles"/>; null means any.</param>
public sealed record RoutingStop(
    string Id,
    int Point,
    long DemandGrams,
    int Count,
    int ServiceSeconds,
    TimeWindow Window,
    int ReadyAtSeconds = 0,
    long DropPenalty = RoutingStop.MandatoryPenalty,
    int? ServeBySeconds = null,
    long LateCostPerSecond = 0,
    IReadOnlyList<int>? AllowedVehicles = null)
{
    /// <summary>Large against any route cost, small enough that a few thousand never overflow.</summary>
    public const long MandatoryPenalty = 10_000_000_000;

    /// <summary>The stop must be served: no drop is considered (stops that cannot be served alone are still reported).</summary>
    public const long NeverDropped = long.MaxValue;
}

/// <summary>When service may start, seconds from the plan day's start, both ends included.</summary>
public readonly record struct TimeWindow(int EarliestSeconds, int LatestSeconds)
{
    public static TimeWindow Always => new(0, int.MaxValue / 4);

    public bool Contains(int seconds) => seconds >= EarliestSeconds && seconds <= LatestSeconds;
}

/// <summary>
/// A vehicle (a truck, a volunteer) doing up to <paramref name="MaxTrips"/> trips from its start point,
/// each trip returning to its end point to reload before the next.
/// </summary>
/// <param name="CapacityGrams">What one trip carries.</param>
/// <param name="CapacityCount">Stop units (<see cref="RoutingStop.Count"/>) one trip serves.</param>
/// <param name="ShiftStartSeconds">Earliest departure of the first trip.</param>
/// <param name="ShiftEndSeconds">Latest return of the last trip.</param>
/// <param name="MaxStops">Stops over all trips of the day.</param>
/// <param name="ReloadSeconds">Between the return of a trip and the departure of the next.</param>
/// <param name="LastDepartureSeconds">No trip leaves later (e.g. the supermarket closes); null: any time in the shift.</param>
/// <param name="FixedTrips">Stop ids already committed, per trip in order: they stay the first stops of those trips, in that order.</param>
public sealed record RoutingVehicle(
    string Id,
    int StartPoint,
    int EndPoint,
    long CapacityGrams,
    int CapacityCount,
    int ShiftStartSeconds,
    int ShiftEndSeconds,
    int MaxStops = int.MaxValue,
    int MaxTrips = 1,
    int ReloadSeconds = 0,
    long FixedCost = 0,
    int? LastDepartureSeconds = null,
    IReadOnlyList<IReadOnlyList<string>>? FixedTrips = null);

/// <summary>Soft costs, all in the solver's integer cost unit.</summary>
/// <param name="ArcCost">What a travelled arc costs: its metres or its seconds.</param>
/// <param name="BalanceCostPerSecond">Per second of the longest working day (latest return minus earliest start): spreads work.</param>
/// <param name="DurationCostPerSecond">Per second each trip is out, waiting included.</param>
public sealed record RoutingCosts(
    ArcCostKind ArcCost = ArcCostKind.Distance,
    long BalanceCostPerSecond = 0,
    long DurationCostPerSecond = 0);

/// <summary>The measure an arc costs.</summary>
public enum ArcCostKind
{
    Distance,
    Duration,
}
