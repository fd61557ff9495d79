using Dispatch.Domain.Geography;
using Dispatch.Domain.People;
using Dispatch.Domain.Supply;
using Dispatch.Planning.Doors;

namespace Dispatch.Planning.Tests.Doors;

public sealed class DoorParcelsTests
{
    private static readonly BundleCatalog Catalog = BundleCatalog.Standard;
    private static readonly Household Home = new("H1", "L1-A", "B1", "U1", 5, false, new GeoPoint(35.39, 116.63), RiskLevel.High, Vulnerability.None);

    [Fact]
    public void An_order_within_the_limit_goes_up_whole_with_all_its_bundles()
    {
        var order = new BundleCounts(1, 2, 0, 1); // 5 + 8 + 0.5 = 13.5 kg

        var parcels = DoorParcels.Split("O1", Home, order, Catalog, 0, 20_000).ToList();

        var only = Assert.Single(parcels);
        Assert.Equal("O1", only.Id);
        Assert.Equal(13_500, only.WeightGrams);
        Assert.Equal(order, DoorParcels.BundlesOf(order, Catalog, 1, 1));
    }

    [Fact]
    public void A_heavy_order_is_cut_between_whole_bundles_each_parcel_its_own()
    {
        // 2 x 10 kg + 2 x 5 kg + 0.5 kg = 30.5 kg, limit 20 kg: two parcels, heaviest bundles first into the lighter
        // parcel (the first on a tie): 10 | 10, 15 | 10, 15 | 15, then the medicine to the first.
        var order = new BundleCounts(2, 0, 2, 1);

        var parcels = DoorParcels.Split("O1", Home, order, Catalog, 0, 20_000).ToList();
        var first = DoorParcels.BundlesOf(order, Catalog, 1, 2);
        var second = DoorParcels.BundlesOf(order, Catalog, 2, 2);

        Assert.Equal(["O1#1/2", "O1#2/2"], parcels.Select(p => p.Id));
        Assert.Equal(new BundleCounts(1, 0, 1, 1), first);
        Assert.Equal(new BundleCounts(1, 0, 1, 0), second);
        Assert.Equal([15_500L, 15_000L], parcels.Select(p => p.WeightGrams));
    }

    [Fact]
    public void More_parcels_than_the_weight_alone_says_when_whole_bundles_do_not_fit_fewer()
    {
        // 3 x 10 kg = 30 kg with a 15 kg limit: 2 parcels by weight, but no two of them hold 3 whole 10 kg bundles.
        var order = new BundleCounts(0, 0, 3, 0);

        int count = DoorParcels.CountFor(order, Catalog, 15_000);

        Assert.Equal(3, count);
        Assert.All(Enumerable.Range(1, 3), p => Assert.Equal(new BundleCounts(0, 0, 1, 0), DoorParcels.BundlesOf(order, Catalog, p, 3)));
    }

    [Fact]
    public void A_bundle_heavier_than_anyone_carries_goes_alone()
    {
        var order = new BundleCounts(0, 1, 1, 0); // 4 kg + 10 kg, limit 8 kg

        var parcels = DoorParcels.Split("O1", Home, order, Catalog, 0, 8_000).ToList();

        Assert.Equal([10_000L, 4_000L], parcels.Select(p => p.WeightGrams));
    }

    [Fact]
    public void Random_orders_split_into_parcels_that_hold_the_order_exactly_and_fit_the_limit()
    {
        var random = new Random(14);
        for (int i = 0; i < 500; i++)
        {
            var order = new BundleCounts(random.Next(0, 5), random.Next(0, 6), random.Next(0, 4), random.Next(0, 4));
            long limit = random.Next(10, 26) * 1_000L;

            var parcels = DoorParcels.Split("O", Home, order, Catalog, 0, limit).ToList();
            var contents = Enumerable.Range(1, parcels.Count).Select(p => DoorParcels.BundlesOf(order, Catalog, p, parcels.Count)).ToList();

            Assert.Equal(order, contents.Aggregate(BundleCounts.Zero, (a, b) => a + b));
            Assert.Equal(contents.Select(c => c.WeightGrams(Catalog)), parcels.Select(p => p.WeightGrams));
            Assert.All(parcels, p => Assert.True(p.WeightGrams <= limit || contents.Single(c => c.WeightGrams(Catalog) == p.WeightGrams).Total == 1, $"{order} limit {limit}: parcel of {p.WeightGrams} g"));
            Assert.True(parcels.Count == 1 || parcels.Count > 1 && contents.All(c => !c.IsEmpty), $"{order}: an empty parcel");
        }
    }
}
