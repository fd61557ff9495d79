namespace Dispatch.Server.Live;

/// <summary>A volunteer's report from a door: delivered with the household's code, or failed with a reason.</summary>
public sealed record StopReportRequest(string VolunteerId, string DeliveryId, bool Delivered, string ConfirmationCode, DoorFailure? Failure);
