namespace Dispatch.Planning.Live;

/// <summary>What a volunteer reported at a door.</summary>
/// <param name="Delivered">True: handed over; false: could not deliver.</param>
/// <param name="Retry">For a failure: try once more later (the household may be back), else give up for the day.</param>
/// <param name="Reason">Why it failed, in words for the order's history; empty when delivered.</param>
public sealed record StopReport(string DeliveryId, string VolunteerId, bool Delivered, bool Retry, string Reason);
