namespace Dispatch.Server.Live;

/// <summary>The answer to a volunteer leaving the gate with a trip.</summary>
/// <param name="Replayed">The trip was already started: nothing new was stored.</param>
/// <param name="OrderIds">The orders of the trip's doors.</param>
public sealed record TripStartResult(bool Replayed, IReadOnlyList<string> OrderIds, int PlanVersion);
