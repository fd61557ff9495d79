using Dispatch.Planning.Trucks;

namespace Dispatch.Planning.Live;

/// <summary>The truck routes with the truck's stops moved.</summary>
public sealed record TruckStopMovesResult(IReadOnlyList<TruckRoute> Routes);
