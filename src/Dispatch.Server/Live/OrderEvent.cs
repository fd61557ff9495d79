using Dispatch.Domain.Orders;

namespace Dispatch.Server.Live;

/// <summary>A status change with the household it concerns (an id, never a name).</summary>
public sealed record OrderEvent(string OrderId, string HouseholdId, OrderStatusChange Change);
