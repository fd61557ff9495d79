namespace Dispatch.Planning.Live;

/// <summary>A consignment a truck unloads at a gate, as a late arrival re-schedules the gate's cycles.</summary>
/// <param name="ConsignmentId">The load piece as cycles name it ("load/piece").</param>
/// <param name="OnGroundAtSeconds">When it is unloaded and can enter a cycle, as planned.</param>
public sealed record GateUnload(string ConsignmentId, string TruckId, long WeightGrams, int OnGroundAtSeconds);
