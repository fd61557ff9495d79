using Dispatch.Planning.Trucks;

namespace Dispatch.Planning.Live;

/// <summary>The plan's truck routes and which truck reached a gate late with which load.</summary>
/// <param name="UnloadSeconds">Unloading a stop: its goods are on the ground this long after unloading starts.</param>
public sealed record LateUnloadsInput(IReadOnlyList<TruckRoute> Routes, string GateId, string TruckId, string LoadId, int UnloadSeconds);
