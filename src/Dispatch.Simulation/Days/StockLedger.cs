using Dispatch.Domain.Supply;
using Dispatch.Planning.District;

namespace Dispatch.Simulation.Days;

/// <summary>
/// Each supermarket's shelves, day by day: the day's delivery (its daily stock, swung up or down by a seeded share per
/// kind) plus, when carried over, the shelf-stable bundles (rice-and-flour, medicine) left from the day before, capped
/// at one more day's stock. Fresh bundles are packed from the day's delivery only.
/// </summary>
internal sealed class StockLedger(IReadOnlyList<Supermarket> supermarkets, SimulationOptions options)
{
    private readonly Dictionary<string, BundleCounts> _leftover = new(StringComparer.Ordinal);

    /// <summary>The supermarkets as they open on <paramref name="day"/>, with what is on their shelves as their stock.</summary>
    public IReadOnlyList<Supermarket> Open(int day)
    {
        var swing = DayRandom.For(options.Seed, day, DayRandom.Stock);
        var result = new List<Supermarket>(supermarkets.Count);
        foreach (var supermarket in supermarkets)
        {
            var shelf = BundleCounts.Zero;
            var left = _leftover.GetValueOrDefault(supermarket.Id);
            foreach (var kind in BundleKinds.All)
            {
                int daily = supermarket.DailyStock[kind];
                double factor = 1 + (((swing.NextDouble() * 2) - 1) * options.StockSwingShare);
                int delivered = (int)Math.Round(daily * factor, MidpointRounding.AwayFromZero);
                int carried = options.CarryOverShelfStable && kind is BundleKind.RiceAndFlour or BundleKind.Medicine
                    ? Math.Min(left[kind], daily)
                    : 0;
                shelf = shelf.With(kind, delivered + carried);
            }

            result.Add(supermarket with { DailyStock = shelf });
        }

        return result;
    }

    /// <summary>Takes what the plan allocated off the shelves opened that day; what is left is carried by <see cref="Open"/>.</summary>
    public void Close(IReadOnlyList<Supermarket> opened, Plan plan, IReadOnlyDictionary<string, BundleCounts> bundlesByOrder)
    {
        var used = new Dictionary<string, BundleCounts>(StringComparer.Ordinal);
        foreach (var outcome in plan.Orders)
        {
            // Allocated goods are packed and gone even when no truck takes them: packed fresh food is not re-shelved.
            if (outcome.SupermarketId is { } id && outcome.Fate != OrderFate.Unfilled && bundlesByOrder.TryGetValue(outcome.OrderId, out var bundles))
            {
                used[id] = used.GetValueOrDefault(id) + bundles;
            }
        }

        foreach (var supermarket in opened)
        {
            var left = supermarket.DailyStock - used.GetValueOrDefault(supermarket.Id);
            _leftover[supermarket.Id] = new BundleCounts(
                Math.Max(0, left.MeatAndVegetable), Math.Max(0, left.Vegetable), Math.Max(0, left.RiceAndFlour), Math.Max(0, left.Medicine));
        }
    }
}
