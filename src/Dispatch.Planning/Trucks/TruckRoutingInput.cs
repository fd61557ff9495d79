using Dispatch.Domain.Geography;
using Dispatch.Domain.Supply;
using Dispatch.Planning.Routing;
using Dispatch.Planning.Travel;

namespace Dispatch.Planning.Trucks;

/// <summary>What trucks must carry from supermarkets to community gates in one plan.</summary>
/// <param name="Trucks">Each record is one shift of a truck; a truck running around the clock appears once per shift.</param>
/// <param name="Travel">Driving times and distances, e.g. <see cref="HaversineTravelMatrix.Driving"/>.</param>
/// <param name="UnloadSeconds">Unloading one load piece at a gate.</param>
/// <param name="ReloadSeconds">Loading at the home supermarket between trips.</param>
/// <param name="MaxTripsPerShift">Trips a truck may make in one shift, back to its supermarket between them.</param>
/// <param name="BalanceCostPerSecond">Cost per second of the longest working day; 0 = shortest total distance only.</param>
public sealed record TruckRoutingInput(
    IReadOnlyList<Supermarket> Supermarkets,
    IReadOnlyList<Gate> Gates,
    IReadOnlyList<Vehicle> Trucks,
    IReadOnlyList<GateLoad> Loads,
    ITravelMatrix Travel,
    RoutingOptions Options,
    int UnloadSeconds = 20 * 60,
    int ReloadSeconds = 30 * 60,
    int MaxTripsPerShift = 4,
    long BalanceCostPerSecond = 0);

/// <summary>Goods one supermarket sends to one gate; split into truck-sized pieces when heavier than a truck.</summary>
/// <param name="DeliverBySeconds">Unloading after this costs <paramref name="LateCostPerSecond"/> a second (soft): goods still need disinfection and the last metres.</param>
public sealed record GateLoad(string Id, string SupermarketId, string GateId, long WeightGrams, int? DeliverBySeconds = null, long LateCostPerSecond = 0);
