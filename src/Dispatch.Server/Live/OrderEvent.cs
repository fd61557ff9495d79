using Dispatch.Domain.Orders;

namespace Dispatch.Server.Live;

/// <summary>A status change with the household it concerns (an id, never a name).</summary>
/// <param name="OrderId">The engine-wide id.</param>
/// <param name="SupermarketOrderId">The id the order's supermarket gave it.</param>
public sealed record OrderEvent(string OrderId, string SupermarketOrderId, string HouseholdId, OrderStatusChange Change);
