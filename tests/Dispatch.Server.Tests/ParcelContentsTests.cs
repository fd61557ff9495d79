using Dispatch.Contracts.V1;
using Dispatch.Server.Tests.Infrastructure;
using Grpc.Core;

namespace Dispatch.Server.Tests;

/// <summary>A heavy order split in parcels: each parcel's stop lists exactly the bundles that go up in it.</summary>
public sealed class ParcelContentsTests : IDisposable
{
    private readonly DispatchServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Each_parcel_of_a_heavy_order_lists_its_own_bundles_and_together_they_are_the_order()
    {
        // 2 rice-and-flour (10 kg each), 2 meat-and-vegetable (5 kg each), 1 medicine (0.5 kg): 30.5 kg against the
        // tiny district's 20 kg carry limit, so it goes up in parcels of whole bundles.
        var batch = new OrderBatch { SupermarketId = "SM1", BatchId = "B-heavy", GridId = "L1-A", Day = 1 };
        var order = new OrderInput { OrderId = "O-heavy", HouseholdId = "H-L1-A-1" };
        order.Lines.Add(new BundleLine { Kind = BundleKind.RiceAndFlour, Quantity = 2 });
        order.Lines.Add(new BundleLine { Kind = BundleKind.MeatAndVegetable, Quantity = 2 });
        order.Lines.Add(new BundleLine { Kind = BundleKind.Medicine, Quantity = 1 });
        batch.Orders.Add(order);
        await _server.CreateIntakeClient().SubmitBatchAsync(batch, deadline: Deadlines.Soon);
        using (var call = _server.CreatePlanningClient().PlanDistrictDay(new PlanDistrictDayRequest { DistrictId = "D1", Day = 1, ProbeBottleneck = false }, deadline: Deadlines.Soon))
        {
            await foreach (var _ in call.ResponseStream.ReadAllAsync())
            {
            }
        }

        var parcels = new List<AssignmentStop>();
        foreach (string volunteer in new[] { "V1", "V2", "V3" })
        {
            using var stream = new StreamRecorder<Assignment>(_server.CreateVolunteersClient().StreamAssignments(new StreamAssignmentsRequest { VolunteerId = volunteer }, deadline: Deadlines.Soon));
            var route = await stream.NextAsync();
            parcels.AddRange(route.Trips.SelectMany(t => t.Stops).Where(s => s.OrderId == "SM1/O-heavy"));
        }

        Assert.True(parcels.Count >= 2, $"expected the order in parcels, got {parcels.Count} stop(s)");
        Assert.Equal(Enumerable.Range(1, parcels.Count), parcels.Select(p => p.Parcel).Order());
        Assert.All(parcels, p => Assert.Equal(parcels.Count, p.Parcels));
        Assert.All(parcels, p => Assert.Equal(Grams(p.Bundles), p.WeightGrams));
        Assert.All(parcels, p => Assert.InRange(p.WeightGrams, 1, 20_000));
        var total = parcels.SelectMany(p => p.Bundles).GroupBy(b => b.Kind).ToDictionary(g => g.Key, g => g.Sum(b => b.Quantity));
        Assert.Equal(new Dictionary<BundleKind, int> { [BundleKind.RiceAndFlour] = 2, [BundleKind.MeatAndVegetable] = 2, [BundleKind.Medicine] = 1 }, total);
    }

    private static long Grams(IEnumerable<BundleLine> bundles) => bundles.Sum(b => (long)b.Quantity * b.Kind switch
    {
        BundleKind.MeatAndVegetable => 5_000,
        BundleKind.Vegetable => 4_000,
        BundleKind.RiceAndFlour => 10_000,
        BundleKind.Medicine => 500,
        _ => throw new ArgumentOutOfRangeException(nameof(bundles)),
    });
}
