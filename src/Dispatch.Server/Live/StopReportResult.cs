namespace Dispatch.Server.Live;

/// <summary>The answer to a stop report.</summary>
/// <param name="Replayed">The same report was already recorded: nothing new was stored.</param>
/// <param name="PlanVersion">The district plan version after the report.</param>
public sealed record StopReportResult(string DeliveryId, bool Delivered, bool Replayed, int PlanVersion);
