namespace Dispatch.Server.Live;

/// <summary>The answer to an arrival.</summary>
/// <param name="LateBySeconds">After the planned arrival (negative: early).</param>
/// <param name="Replanned">The gate was re-planned because the truck was late.</param>
public sealed record ArrivalResult(bool Replayed, int LateBySeconds, bool Replanned, int PlanVersion);
