using Dispatch.Domain.Orders;
using Dispatch.Domain.People;
using Dispatch.Domain.Scenarios;
using Dispatch.Domain.Supply;

namespace Dispatch.Simulation.Orders;

/// <summary>
/// Generates one day's orders for a scenario, grouped as supermarkets send them: one batch per
/// (assigned supermarket, second-level grid, day). Deterministic for (scenario, day, seed, options).
/// </summary>
public static class DayOrderGenerator
{
    // Quantity of a bundle kind in one order: mostly 1, sometimes 2, rarely 3.
    private const double QuantityOneShare = 0.65;
    private const double QuantityTwoShare = 0.27;

    public static IReadOnlyList<OrderBatch> Generate(Scenario scenario, int day, int seed, DayOrderOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(day, 1);
        options ??= DayOrderOptions.Default;
        options.Check();
        var households = scenario.Households;

        // Each household's rhythm comes from the seed alone, so it is the same on every day.
        var rhythm = new Random(seed);
        var intervals = new int[households.Count];
        var phases = new int[households.Count];
        for (int i = 0; i < households.Count; i++)
        {
            double draw = rhythm.NextDouble();
            intervals[i] = draw < options.DailyOrderersShare ? 1 : draw < options.DailyOrderersShare + options.EveryTwoDaysShare ? 2 : 3;
            phases[i] = rhythm.Next(intervals[i]);
        }

        var random = new Random(unchecked((seed * 1_000_003) + day));
        var batches = new Dictionary<string, List<OrderLineItem>>(StringComparer.Ordinal);
        for (int i = 0; i < households.Count; i++)
        {
            // Both draws happen for every household so one household's choice never shifts another's.
            double skip = random.NextDouble();
            int contentSeed = random.Next();
            if ((day + phases[i]) % intervals[i] != 0 || skip < options.SkipShare)
            {
                continue;
            }

            var household = households[i];
            var lines = Contents(household, new Random(contentSeed), options);
            if (!batches.TryGetValue(household.GridId, out var orders))
            {
                orders = [];
                batches.Add(household.GridId, orders);
            }

            orders.Add(new OrderLineItem(OrderId(day, household.Id), household.Id, lines));
        }

        var result = new List<OrderBatch>(batches.Count);
        foreach (var grid in scenario.Grids)
        {
            if (grid.Level == 2 && batches.TryGetValue(grid.Id, out var orders))
            {
                string supermarketId = grid.AssignedSupermarketId!;
                result.Add(new OrderBatch(supermarketId, BatchId(supermarketId, grid.Id, day), grid.Id, day, orders));
            }
        }

        return result;
    }

    public static string BatchId(string supermarketId, string gridId, int day) => $"{supermarketId}-{gridId}-d{day}";

    public static string OrderId(int day, string householdId) => $"O-d{day}-{householdId}";

    private static List<BundleQuantity> Contents(Household household, Random random, DayOrderOptions options)
    {
        // Draw all four kinds every time, in enum order, so lines come out in kind order.
        bool meatAndVegetable = random.NextDouble() < options.MeatAndVegetableShare;
        bool vegetable = random.NextDouble() < options.VegetableShare;
        bool riceAndFlour = random.NextDouble() < options.RiceAndFlourShare;
        bool chronic = household.Vulnerabilities.HasFlag(Vulnerability.ChronicIllness);
        bool medicine = random.NextDouble() < (chronic ? options.MedicineShareChronic : options.MedicineShareOthers);
        if (!meatAndVegetable && !vegetable && !riceAndFlour && !medicine)
        {
            // Nobody orders nothing: the plainest order is one vegetable bundle.
            vegetable = true;
        }

        var lines = new List<BundleQuantity>(4);
        if (meatAndVegetable)
        {
            lines.Add(new BundleQuantity(BundleKind.MeatAndVegetable, Quantity(random)));
        }

        if (vegetable)
        {
            lines.Add(new BundleQuantity(BundleKind.Vegetable, Quantity(random)));
        }

        if (riceAndFlour)
        {
            // A 10 kg sack lasts: never more than one.
            lines.Add(new BundleQuantity(BundleKind.RiceAndFlour, 1));
        }

        if (medicine)
        {
            lines.Add(new BundleQuantity(BundleKind.Medicine, Quantity(random)));
        }

        return lines;
    }

    private static int Quantity(Random random)
    {
        double draw = random.NextDouble();
        return draw < QuantityOneShare ? 1 : draw < QuantityOneShare + QuantityTwoShare ? 2 : 3;
    }
}
