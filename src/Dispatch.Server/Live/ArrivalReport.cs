namespace Dispatch.Server.Live;

/// <summary>A truck at a gate with a load, at a time in seconds from the plan day's midnight.</summary>
public sealed record ArrivalReport(string TruckId, string GateId, string LoadId, int ArrivedAtSeconds);
