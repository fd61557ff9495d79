using Dispatch.Planning.Doors;

namespace Dispatch.Planning.Live;

/// <summary>
/// The door deliveries a gate re-plan works with, read back from the gate's door routes (routed and unassigned):
/// each parcel weighs its share of the order's bundles and is ready when the order's outcome says its goods are
/// (0 when it has none). Pure.
/// </summary>
public sealed class GateDoorDeliveries
{
    public GateDoorDeliveriesResult Of(GateDoorDeliveriesInput input)
    {
        var readyAt = input.Outcomes.ToDictionary(o => o.OrderId, o => o.ReadyAtSeconds ?? 0, StringComparer.Ordinal);
        var ids = input.Current.Routes.SelectMany(r => r.Trips).SelectMany(t => t.Doors).Select(d => d.DeliveryId)
            .Concat(input.Current.Unassigned.Select(u => u.DeliveryId))
            .Distinct(StringComparer.Ordinal);
        var catalog = input.Scenario.Catalog;
        var deliveries = new List<DoorDelivery>();
        foreach (string id in ids)
        {
            string orderId = DeliveryIds.OrderIdOf(id);
            if (!input.Orders.TryGetValue(orderId, out var order) || input.Scenario.FindHousehold(order.HouseholdId) is not { } household)
            {
                continue;
            }

            var (parcel, parcels) = DeliveryIds.ParcelOf(id);
            long grams = DoorParcels.BundlesOf(order.Bundles, catalog, parcel, parcels).WeightGrams(catalog);
            deliveries.Add(new DoorDelivery(id, household, grams, readyAt.GetValueOrDefault(orderId)));
        }

        return new GateDoorDeliveriesResult(deliveries);
    }
}
