namespace Dispatch.Server.Live;

/// <summary>A volunteer drops out of the day (not available) or comes back.</summary>
public sealed record AvailabilityChange(string VolunteerId, bool Available);
