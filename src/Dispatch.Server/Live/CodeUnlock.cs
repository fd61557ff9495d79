namespace Dispatch.Server.Live;

/// <summary>A lock lifted by a supervisor, as stored: an order's or a volunteer's, and who lifted it.</summary>
internal sealed record CodeUnlock(string? OrderRef, string? VolunteerId, string By);
