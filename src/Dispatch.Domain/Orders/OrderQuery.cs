namespace Dispatch.Domain.Orders;

/// <summary>A filter over stored orders; null means any. Results come in order id order after <see cref="AfterOrderId"/>.</summary>
public sealed record OrderQuery(
    string? SupermarketId,
    string? GridId,
    OrderStatus? Status,
    int? Day,
    int PageSize,
    string? AfterOrderId);

/// <summary>One page of a query; <see cref="LastOrderIdIfMore"/> is set when another page follows.</summary>
public sealed record OrderPage(IReadOnlyList<Order> Orders, string? LastOrderIdIfMore);
