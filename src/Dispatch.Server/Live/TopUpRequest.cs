using Dispatch.Domain.Orders;

namespace Dispatch.Server.Live;

/// <summary>Orders stored after their day's live plan was made, for their gates to take in.</summary>
public sealed record TopUpRequest(IReadOnlyList<Order> Orders);
