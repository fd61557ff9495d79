using Dispatch.Domain.Geography;
using Dispatch.Planning.Checks;
using Dispatch.Planning.GateCycles;

namespace Dispatch.Planning.Tests.GateCycles;

/// <summary>Tiny gates of unsplittable consignments solved by trying every batching: CP-SAT must find the same optimum.</summary>
public sealed class DisinfectionBruteForceTests
{
    private const int Consignments = 5;
    private const long CapacityGrams = 100;
    private const int VulnerableWeight = 10;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Cp_sat_matches_exhaustive_search_on_tiny_gates(int seed)
    {
        var random = new Random(seed);
        var zone = new DisinfectionZone(CapacityGrams, 600);
        var goods = Enumerable.Range(0, Consignments)
            .Select(i =>
            {
                var grams = random.Next(20, 80);
                var households = random.Next(1, 5);
                return new Consignment($"c{i}", random.Next(0, 3 * zone.CycleSeconds), grams, households, random.Next(0, households + 1), PieceGrams: grams);
            })
            .ToList();
        var gate = new GateArrivals("gate1", zone, new StorageZone(1_000), goods);

        var plan = Assert.Single(new DisinfectionScheduler().Schedule(new DisinfectionInput([gate], new SolveLimits(10_000), VulnerableWeight)).Gates);

        Assert.Empty(DisinfectionChecks.Violations(gate, plan));
        Assert.Equal(PlanSource.Optimal, plan.Source);
        Assert.Equal(BestByExhaustiveSearch(goods, zone), plan.WeightedReleaseSeconds);
    }

    // Every map of consignments to batch numbers whose batches are non-empty and fit; each batch starts as
    // soon as the zone is free and its goods have arrived, which is optimal for a fixed batching.
    private static long BestByExhaustiveSearch(IReadOnlyList<Consignment> goods, DisinfectionZone zone)
    {
        var best = long.MaxValue;
        var batchOf = new int[goods.Count];
        var combinations = (int)Math.Pow(goods.Count, goods.Count);
        for (var code = 0; code < combinations; code++)
        {
            var rest = code;
            for (var i = 0; i < goods.Count; i++)
            {
                batchOf[i] = rest % goods.Count;
                rest /= goods.Count;
            }

            var batches = batchOf.Max() + 1;
            if (Enumerable.Range(0, batches).Any(b => !batchOf.Contains(b)
                || goods.Where((_, i) => batchOf[i] == b).Sum(c => c.WeightGrams) > zone.CapacityGramsPerCycle))
            {
                continue;
            }

            long cost = 0;
            var free = 0;
            for (var b = 0; b < batches; b++)
            {
                var members = Enumerable.Range(0, goods.Count).Where(i => batchOf[i] == b).ToList();
                var start = Math.Max(free, members.Max(i => goods[i].ArrivalAtSeconds));
                free = start + zone.CycleSeconds;
                cost += members.Sum(i => goods[i].PriorityWeight(VulnerableWeight) * free);
            }

            best = Math.Min(best, cost);
        }

        return best;
    }
}
