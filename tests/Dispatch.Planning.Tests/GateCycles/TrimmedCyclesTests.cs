using Dispatch.Planning.GateCycles;
using Xunit;

namespace Dispatch.Planning.Tests.GateCycles;

public sealed class TrimmedCyclesTests
{
    // A (900 kg) is split over the first two cycles, B (400 kg) fills the second, C (300 kg) has the third alone.
    private static readonly GateCyclePlan Proposed = new(
        "G1",
        [
            new DisinfectionCycle(0, 1_800, [new CycleLoad("A", 600_000)]),
            new DisinfectionCycle(1_800, 3_600, [new CycleLoad("A", 300_000), new CycleLoad("B", 400_000)]),
            new DisinfectionCycle(3_600, 5_400, [new CycleLoad("C", 300_000)]),
        ],
        [],
        PlanSource.Optimal,
        0);

    [Fact]
    public void A_lighter_consignment_keeps_its_earliest_loads_and_a_cycle_left_empty_drops_out()
    {
        var trimmed = TrimmedCycles.To(Proposed, [Consignment("A", 700_000), Consignment("B", 400_000)]);

        Assert.Equal(2, trimmed.Cycles.Count);
        Assert.Equal([new CycleLoad("A", 600_000)], trimmed.Cycles[0].Loads);
        Assert.Equal([new CycleLoad("A", 100_000), new CycleLoad("B", 400_000)], trimmed.Cycles[1].Loads);
        Assert.Equal([0, 1_800], trimmed.Cycles.Select(c => c.StartAtSeconds));
    }

    [Fact]
    public void Unchanged_consignments_give_the_same_cycles()
    {
        var trimmed = TrimmedCycles.To(Proposed, [Consignment("A", 900_000), Consignment("B", 400_000), Consignment("C", 300_000)]);

        Assert.Equal(Proposed.Cycles.Select(c => c.Loads.ToList()), trimmed.Cycles.Select(c => c.Loads.ToList()));
    }

    [Fact]
    public void A_consignment_heavier_than_the_proposal_carried_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => TrimmedCycles.To(Proposed, [Consignment("B", 500_000)]));

        Assert.Contains("B", error.Message, StringComparison.Ordinal);
    }

    private static Consignment Consignment(string id, long grams) => new(id, 0, grams, 1, 0, 100_000);
}
