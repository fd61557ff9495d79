namespace Dispatch.Planning.Allocation;

/// <summary>Why an order was not filled.</summary>
public enum UnfilledReason
{
    /// <summary>Every candidate supermarket lacked at least one of the order's bundles.</summary>
    OutOfStock = 0,

    /// <summary>Neither the assigned supermarket nor any alternative has a stock entry.</summary>
    UnknownSupermarket = 1,
}
