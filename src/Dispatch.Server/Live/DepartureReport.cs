namespace Dispatch.Server.Live;

/// <summary>A truck leaving its supermarket with trip <paramref name="TripNumber"/> of its route, at a time in seconds from the plan day's midnight.</summary>
public sealed record DepartureReport(string TruckId, int TripNumber, int DepartedAtSeconds);
