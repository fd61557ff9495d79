using Dispatch.Domain.Geography;
using Dispatch.Planning.Checks;
using Dispatch.Planning.GateCycles;

namespace Dispatch.Planning.Tests.GateCycles;

public sealed class DisinfectionChecksTests
{
    private const int CycleSeconds = 600 + DisinfectionZone.DefaultRestSeconds;

    private static readonly GateArrivals Gate = new(
        "gate1",
        new DisinfectionZone(100_000, 600),
        new StorageZone(120_000),
        [new Consignment("a", 0, 80_000, 1, 0), new Consignment("b", 1_000, 60_000, 1, 0)],
        StorageDwellSeconds: 3_000);

    private static GateCyclePlan Plan(params DisinfectionCycle[] cycles)
    {
        var releases = new[] { "a", "b" }
            .Select(id => new ConsignmentRelease(id, cycles.Where(c => c.Loads.Any(l => l.ConsignmentId == id)).Select(c => c.EndAtSeconds).DefaultIfEmpty(0).Max()))
            .ToList();
        return new GateCyclePlan("gate1", cycles, releases, PlanSource.Greedy, 0);
    }

    private static DisinfectionCycle Cycle(int start, params (string Id, long Grams)[] loads) =>
        new(start, start + CycleSeconds, loads.Select(l => new CycleLoad(l.Id, l.Grams)).ToList());

    [Fact]
    public void Sound_plan_has_no_violations()
    {
        Assert.Empty(DisinfectionChecks.Violations(Gate, Plan(Cycle(0, ("a", 80_000)), Cycle(2 * CycleSeconds, ("b", 60_000)))));
    }

    [Fact]
    public void Overloaded_cycle_is_reported()
    {
        var violations = DisinfectionChecks.Violations(Gate, Plan(Cycle(1_000, ("a", 80_000), ("b", 60_000))));

        Assert.Contains(violations, v => v.Contains("over capacity", StringComparison.Ordinal));
    }

    [Fact]
    public void Overlapping_cycles_and_goods_taken_before_arrival_are_reported()
    {
        var violations = DisinfectionChecks.Violations(Gate, Plan(Cycle(0, ("a", 80_000)), Cycle(100, ("b", 60_000))));

        Assert.Contains(violations, v => v.Contains("overlaps", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("before arriving", StringComparison.Ordinal));
    }

    [Fact]
    public void Goods_not_fully_disinfected_and_full_storage_are_reported()
    {
        var violations = DisinfectionChecks.Violations(Gate, Plan(Cycle(0, ("a", 80_000)), Cycle(CycleSeconds, ("b", 60_000)), Cycle(2 * CycleSeconds, ("b", 10_000))));

        Assert.Contains(violations, v => v.Contains("70000 g disinfected of 60000 g", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("storage holds", StringComparison.Ordinal));
    }
}
