using Dispatch.Domain.Geography;
using Dispatch.Planning.Checks;
using Dispatch.Planning.GateCycles;

namespace Dispatch.Planning.Tests.GateCycles;

public sealed class DisinfectionSchedulerTests
{
    private const int Kilograms = 1_000;
    private const int DisinfectionSeconds = 600;
    private const int CycleSeconds = DisinfectionSeconds + DisinfectionZone.DefaultRestSeconds;
    private static readonly SolveLimits Limits = new(TimeLimitMilliseconds: 5_000);

    private static GateArrivals Gate(long capacityKilograms, IReadOnlyList<Consignment> consignments, long storageKilograms = 10_000, int dwellSeconds = 0) =>
        new("gate1", new DisinfectionZone(capacityKilograms * Kilograms, DisinfectionSeconds), new StorageZone(storageKilograms * Kilograms), consignments, dwellSeconds);

    private static Consignment Goods(string id, long kilograms, int arrivalSeconds = 0, int vulnerable = 0) =>
        new(id, arrivalSeconds, kilograms * Kilograms, Households: 1, VulnerableHouseholds: vulnerable);

    private static GateCyclePlan Solve(GateArrivals gate, CancellationToken cancellationToken = default)
    {
        var plan = Assert.Single(new DisinfectionScheduler().Schedule(new DisinfectionInput([gate], Limits), cancellationToken).Gates);
        Assert.Empty(DisinfectionChecks.Violations(gate, plan));
        return plan;
    }

    private static int ReleaseOf(GateCyclePlan plan, string id) => plan.Releases.Single(r => r.ConsignmentId == id).ReleaseAtSeconds;

    [Fact]
    public void Two_consignments_that_fit_one_cycle_share_it()
    {
        var plan = Solve(Gate(200, [Goods("a", 80), Goods("b", 120)]));

        var cycle = Assert.Single(plan.Cycles);
        Assert.Equal((0, CycleSeconds), (cycle.StartAtSeconds, cycle.EndAtSeconds));
        Assert.Equal(PlanSource.Optimal, plan.Source);
        Assert.All(plan.Releases, r => Assert.Equal(CycleSeconds, r.ReleaseAtSeconds));
    }

    [Fact]
    public void Vulnerable_consignment_goes_in_the_first_cycle_when_only_two_of_three_fit()
    {
        var plan = Solve(Gate(200, [Goods("a", 100), Goods("b", 100), Goods("v", 100, vulnerable: 1)]));

        Assert.Equal(2, plan.Cycles.Count);
        Assert.Equal(CycleSeconds, ReleaseOf(plan, "v"));
        Assert.Equal(new[] { CycleSeconds, 2 * CycleSeconds }, plan.Releases.Where(r => r.ConsignmentId != "v").Select(r => r.ReleaseAtSeconds).Order());
        Assert.Equal(PlanSource.Optimal, plan.Source);
    }

    [Fact]
    public void Consignment_larger_than_a_cycle_is_split_over_consecutive_cycles()
    {
        var plan = Solve(Gate(100, [Goods("big", 250)]));

        Assert.Equal(3, plan.Cycles.Count);
        Assert.Equal(3 * CycleSeconds, ReleaseOf(plan, "big"));
    }

    [Fact]
    public void Split_moves_whole_pieces_only()
    {
        var crates = new Consignment("crates", 0, 240 * Kilograms, Households: 8, VulnerableHouseholds: 0, PieceGrams: 30 * Kilograms);

        var plan = Solve(Gate(100, [crates]));

        Assert.Equal(new long[] { 90, 90, 60 }, plan.Cycles.Select(c => c.LoadGrams / Kilograms).OrderDescending());
        Assert.Equal(3 * CycleSeconds, ReleaseOf(plan, "crates"));
    }

    [Fact]
    public void Waiting_briefly_for_the_next_truck_beats_starting_at_once()
    {
        // Starting at 0 releases at 2400 and 4800 (sum 7200); waiting until 100 releases both at 2500 (sum 5000).
        var gate = Gate(200, [Goods("a", 50, arrivalSeconds: 0), Goods("b", 50, arrivalSeconds: 100)]);

        var plan = Solve(gate);

        var cycle = Assert.Single(plan.Cycles);
        Assert.Equal(100, cycle.StartAtSeconds);
        Assert.Equal(5_000, plan.WeightedReleaseSeconds);
    }

    [Fact]
    public void Nothing_enters_a_cycle_before_it_arrives()
    {
        var plan = Solve(Gate(200, [Goods("late", 50, arrivalSeconds: 5_000)]));

        Assert.Equal(5_000, Assert.Single(plan.Cycles).StartAtSeconds);
        Assert.Equal(5_000 + CycleSeconds, ReleaseOf(plan, "late"));
    }

    [Fact]
    public void Full_storage_holds_the_next_release_until_goods_leave_it()
    {
        var gate = Gate(100, [Goods("a", 100), Goods("b", 100)], storageKilograms: 100, dwellSeconds: 3_600);

        var plan = Solve(gate);

        Assert.Equal(new[] { CycleSeconds, CycleSeconds + 3_600 }, plan.Releases.Select(r => r.ReleaseAtSeconds).Order());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_gates_get_sound_plans_no_worse_than_greedy(int seed)
    {
        var random = new Random(seed);
        var gates = Enumerable.Range(0, 2).Select(g => RandomGate(random, "gate" + g, 15)).ToList();
        var input = new DisinfectionInput(gates, new SolveLimits(TimeLimitMilliseconds: 1_000));

        var solved = new DisinfectionScheduler().Schedule(input);
        var greedy = new DisinfectionScheduler().Schedule(input, new CancellationToken(canceled: true));

        for (var g = 0; g < gates.Count; g++)
        {
            Assert.Empty(DisinfectionChecks.Violations(gates[g], solved.Gates[g]));
            Assert.Empty(DisinfectionChecks.Violations(gates[g], greedy.Gates[g]));
            Assert.Equal(PlanSource.Greedy, greedy.Gates[g].Source);
            Assert.True(solved.Gates[g].WeightedReleaseSeconds <= greedy.Gates[g].WeightedReleaseSeconds);
        }
    }

    [Fact]
    public void Cancellation_returns_promptly_with_a_sound_plan()
    {
        var gate = RandomGate(new Random(7), "gate-big", 60);
        var input = new DisinfectionInput([gate], new SolveLimits(TimeLimitMilliseconds: 60_000));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var plan = Assert.Single(new DisinfectionScheduler().Schedule(input, cancellation.Token).Gates);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        Assert.NotEqual(PlanSource.Optimal, plan.Source);
        Assert.Empty(DisinfectionChecks.Violations(gate, plan));
    }

    internal static GateArrivals RandomGate(Random random, string id, int consignments)
    {
        var goods = Enumerable.Range(0, consignments)
            .Select(i =>
            {
                var households = random.Next(1, 40);
                return new Consignment($"{id}-c{i}", random.Next(0, 6 * 3_600), random.Next(50, 900) * (long)Kilograms, households, random.Next(0, Math.Min(households, 4) + 1));
            })
            .ToList();
        var dwell = random.Next(2) == 0 ? 0 : 3_600;
        return new GateArrivals(id, new DisinfectionZone(1_000 * Kilograms, 900), new StorageZone(2_500 * Kilograms), goods, dwell);
    }
}
