namespace Dispatch.Server.Live;

/// <summary>The answer to a departure.</summary>
/// <param name="Replayed">The same departure was already recorded: nothing new was stored.</param>
/// <param name="OrdersOnTruck">Orders whose goods are on the trip.</param>
public sealed record DepartureResult(bool Replayed, int OrdersOnTruck, int PlanVersion);
