namespace Dispatch.Server.Live;

/// <summary>The answer to a pickup confirmation.</summary>
/// <param name="Replayed">The order was already picked up: nothing new was stored.</param>
public sealed record PickupResult(bool Replayed, int PlanVersion);
