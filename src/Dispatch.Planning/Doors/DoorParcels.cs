using Dispatch.Domain.People;
using Dispatch.Domain.Supply;
using Dispatch.Planning.Live;

namespace Dispatch.Planning.Doors;

/// <summary>
/// An order heavier than anyone at the gate can carry goes up in parcels of whole bundles, each a stop of its own.
/// Which bundles make parcel k of n follows from the order alone (<see cref="BundlesOf"/>), so the route a
/// volunteer sees can say exactly what to carry for each parcel.
/// </summary>
public static class DoorParcels
{
    /// <summary>
    /// The fewest parcels that keep each within <paramref name="carryLimitGrams"/> when filled by <see cref="BundlesOf"/>;
    /// a single bundle heavier than the limit goes alone.
    /// </summary>
    public static int CountFor(BundleCounts bundles, BundleCatalog catalog, long carryLimitGrams)
    {
        long weightGrams = bundles.WeightGrams(catalog);
        int most = Math.Max(1, bundles.Total);
        for (int parcels = (int)Math.Clamp((weightGrams + carryLimitGrams - 1) / carryLimitGrams, 1, most); parcels < most; parcels++)
        {
            if (Fill(bundles, catalog, parcels).All(p => p.WeightGrams(catalog) <= carryLimitGrams))
            {
                return parcels;
            }
        }

        return most;
    }

    /// <summary>The bundles of parcel <paramref name="parcel"/> (1-based) of <paramref name="parcels"/>.</summary>
    public static BundleCounts BundlesOf(BundleCounts bundles, BundleCatalog catalog, int parcel, int parcels) =>
        parcels <= 1 ? bundles : Fill(bundles, catalog, parcels)[parcel - 1];

    public static IEnumerable<DoorDelivery> Split(string orderId, Household household, BundleCounts bundles, BundleCatalog catalog, int readyAtSeconds, long carryLimitGrams)
    {
        int parcels = CountFor(bundles, catalog, carryLimitGrams);
        var contents = parcels == 1 ? [bundles] : Fill(bundles, catalog, parcels);
        for (int p = 1; p <= parcels; p++)
        {
            yield return new DoorDelivery(DeliveryIds.ParcelIdOf(orderId, p, parcels), household, contents[p - 1].WeightGrams(catalog), readyAtSeconds);
        }
    }

    // Heaviest bundle first, each into the lightest parcel so far (the first on a tie): balanced parcels, and the
    // same split every time for the same order.
    private static BundleCounts[] Fill(BundleCounts bundles, BundleCatalog catalog, int parcels)
    {
        var filled = new BundleCounts[parcels];
        var grams = new long[parcels];
        foreach (var kind in BundleKinds.All.OrderByDescending(catalog.WeightGrams).ThenBy(k => k))
        {
            for (int i = 0; i < bundles[kind]; i++)
            {
                int lightest = Array.IndexOf(grams, grams.Min());
                filled[lightest] = filled[lightest].With(kind, filled[lightest][kind] + 1);
                grams[lightest] += catalog.WeightGrams(kind);
            }
        }

        return filled;
    }
}
