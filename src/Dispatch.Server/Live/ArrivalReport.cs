namespace Dispatch.Server.Live;

/// <summary>A truck at a gate with a load, at a time in seconds from the plan day's midnight.</summary>
public sealed record ArrivalReport(string TruckId, string GateId, string LoadId, int ArrivedAtSeconds);

/// <summary>The answer to an arrival.</summary>
/// <param name="LateBySeconds">After the planned arrival (negative: early).</param>
/// <param name="Replanned">The gate was re-planned because the truck was late.</param>
public sealed record ArrivalResult(bool Replayed, int LateBySeconds, bool Replanned, int PlanVersion);
