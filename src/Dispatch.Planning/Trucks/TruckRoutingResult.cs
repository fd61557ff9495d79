using Dispatch.Planning.Routing;

namespace Dispatch.Planning.Trucks;

/// <summary>Truck routes, and the load pieces no truck carries, with reasons.</summary>
/// <param name="RoutingCost">The routing objective the routes reached (metres, lateness and balance costs, drop penalties), summed over the problems solved.</param>
public sealed record TruckRoutingResult(IReadOnlyList<TruckRoute> Routes, IReadOnlyList<UnassignedLoad> Unassigned, long RoutingCost = 0)
{
    public long DeliveredGrams => Routes.Sum(r => r.Trips.Sum(t => t.LoadGrams));
}

/// <summary>One truck shift's trips from its supermarket, in order.</summary>
public sealed record TruckRoute(string TruckId, string SupermarketId, IReadOnlyList<TruckTrip> Trips);

/// <summary>Leaves the supermarket loaded, unloads at gates, comes back.</summary>
public sealed record TruckTrip(int Number, int DepartSeconds, int ReturnSeconds, long LoadGrams, long DistanceMetres, IReadOnlyList<TruckStop> Stops);

/// <summary>One load piece unloaded at a gate.</summary>
/// <param name="Piece">1-based piece number of the load, out of <paramref name="PieceCount"/>.</param>
public sealed record TruckStop(
    string GateId,
    string LoadId,
    int Piece,
    int PieceCount,
    long WeightGrams,
    int ArrivalSeconds,
    int UnloadStartSeconds);

/// <summary>A load piece no truck carries.</summary>
public sealed record UnassignedLoad(
    string LoadId,
    string SupermarketId,
    string GateId,
    int Piece,
    int PieceCount,
    long WeightGrams,
    UnassignedReason Reason,
    string Detail);
