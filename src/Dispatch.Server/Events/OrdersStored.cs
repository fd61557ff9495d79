using Dispatch.Domain.Orders;

namespace Dispatch.Server.Events;

/// <summary>Intake stored a batch's orders for <paramref name="Day"/> (a replayed batch stores nothing and is not told).</summary>
public sealed record OrdersStored(int Day, IReadOnlyList<Order> Orders);
