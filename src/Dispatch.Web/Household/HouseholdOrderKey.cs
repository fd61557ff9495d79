namespace Dispatch.Web.Household;

/// <summary>What opens a household's order page: the order id and token of the supermarket's confirmation, kept on the phone.</summary>
public sealed record HouseholdOrderKey(string OrderRef, string Token);
