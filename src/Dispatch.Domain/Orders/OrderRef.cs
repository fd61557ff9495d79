namespace Dispatch.Domain.Orders;

/// <summary>
/// The engine-wide id of an order: the supermarket's own order id scoped by its supermarket ("SM1/O-17"). Order ids are
/// unique per supermarket only, so two supermarkets may use the same ones; plans, routes, histories, proof codes and
/// the household page use this id, and supermarkets keep seeing their own. Made once, at intake; stored beside the
/// supermarket's own id, so it is never taken apart again.
/// </summary>
public readonly record struct OrderRef(string SupermarketId, string SupermarketOrderId)
{
    public const char Separator = '/';

    public override string ToString() => string.Concat(SupermarketId, Separator.ToString(), SupermarketOrderId);
}
