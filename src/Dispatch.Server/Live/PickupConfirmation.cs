namespace Dispatch.Server.Live;

/// <summary>A volunteer at the gate handing an order to the household collecting it, who showed its code.</summary>
public sealed record PickupConfirmation(string VolunteerId, string OrderId, string ConfirmationCode);
