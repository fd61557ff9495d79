namespace Dispatch.Server.Live;

/// <summary>One wrong proof code as stored: for which order, by whom, and the locks it set.</summary>
internal sealed record WrongCode(string OrderRef, string VolunteerId, bool LocksOrder, bool LocksVolunteer);
