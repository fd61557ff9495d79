using Dispatch.Domain.Orders;
using Dispatch.Domain.Scenarios;
using Dispatch.Domain.Supply;

namespace Dispatch.Cli.Bench;

/// <summary>
/// A synthetic stream of valid batches over a scenario's households: each pass over the households is one
/// more plan day, cut into batches of at most <c>batchSize</c> per grid. Built lazily so the client's memory
/// stays flat however many orders are pushed.
/// </summary>
public static class IngestWorkload
{
    public static IEnumerable<OrderBatch> Batches(Scenario scenario, int orderCount, int batchSize)
    {
        var grids = scenario.Grids.Where(g => g.Level == 2).ToDictionary(g => g.Id);
        var byGrid = scenario.Households.GroupBy(h => h.GridId).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        int produced = 0;
        for (int day = 1; produced < orderCount; day++)
        {
            foreach (var grid in byGrid)
            {
                var households = grid.ToList();
                for (int start = 0; start < households.Count && produced < orderCount; start += batchSize)
                {
                    var orders = new List<OrderLineItem>();
                    foreach (var household in households.Skip(start).Take(Math.Min(batchSize, orderCount - produced)))
                    {
                        orders.Add(new OrderLineItem(
                            $"bench-d{day}-{household.Id}",
                            household.Id,
                            [new BundleQuantity(BundleKind.Vegetable, 1 + (produced % 2)), new BundleQuantity(BundleKind.MeatAndVegetable, 1)]));
                        produced++;
                    }

                    yield return new OrderBatch(grids[grid.Key].AssignedSupermarketId!, $"bench-{grid.Key}-d{day}-{start}", grid.Key, day, orders);
                }
            }
        }
    }
}
