using Dispatch.Domain.People;
using Dispatch.Planning.Live;

namespace Dispatch.Planning.Doors;

/// <summary>An order heavier than anyone at the gate can carry goes up in parcels, each a stop of its own.</summary>
public static class DoorParcels
{
    public static int CountFor(long weightGrams, long carryLimitGrams) => (int)Math.Max(1, (weightGrams + carryLimitGrams - 1) / carryLimitGrams);

    /// <summary>Grams of parcel <paramref name="parcel"/> (1-based) of <paramref name="parcels"/>: the remainder goes to the first ones.</summary>
    public static long GramsOf(long weightGrams, int parcel, int parcels) => (weightGrams / parcels) + (parcel <= weightGrams % parcels ? 1 : 0);

    public static IEnumerable<DoorDelivery> Split(string orderId, Household household, long weightGrams, int readyAtSeconds, long carryLimitGrams)
    {
        int parcels = CountFor(weightGrams, carryLimitGrams);
        for (int p = 1; p <= parcels; p++)
        {
            yield return new DoorDelivery(DeliveryIds.ParcelIdOf(orderId, p, parcels), household, GramsOf(weightGrams, p, parcels), readyAtSeconds);
        }
    }
}
