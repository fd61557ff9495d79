namespace Dispatch.Domain.Orders;

/// <summary>Bounds on what one batch may hold.</summary>
/// <param name="MaxOrdersPerBatch">A batch above this is refused whole (a grid rarely has more than a few thousand households).</param>
/// <param name="MaxQuantityPerBundle">More bundles of one kind for one household is a typo, not an order.</param>
/// <param name="MaxIdLength">Ids are short codes; anything longer is refused.</param>
/// <param name="MaxOrdersPerHouseholdPerDay">
/// Orders one household may have for one plan day, from all supermarkets together; further orders are rejected one by
/// one. Default 3: the day's order, a correction and a medicine order.
/// </param>
public sealed record IntakeLimits(int MaxOrdersPerBatch = 10_000, int MaxQuantityPerBundle = 20, int MaxIdLength = 64, int MaxDay = 366, int MaxOrdersPerHouseholdPerDay = 3)
{
    public static IntakeLimits Default { get; } = new();
}
