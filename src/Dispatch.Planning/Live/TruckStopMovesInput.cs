using Dispatch.Planning.Trucks;

namespace Dispatch.Planning.Live;

/// <summary>A truck's stops that it now reaches at another time.</summary>
/// <param name="Expected">Stops by gate and load (and piece, when given), with when the truck is now expected there.</param>
public sealed record TruckStopMovesInput(IReadOnlyList<TruckRoute> Routes, string TruckId, IReadOnlyList<ExpectedArrival> Expected);
