using Dispatch.Domain.Geography;
using Dispatch.Domain.People;
using Dispatch.Domain.Supply;
using Dispatch.Planning.District;
using Dispatch.Planning.GateCycles;
using Dispatch.Planning.GateDay;
using Dispatch.Planning.Tests.District;
using Dispatch.Planning.Travel;

namespace Dispatch.Planning.Tests.GateDay;

/// <summary>Small gate days whose storage and pickup-zone timelines can be worked out by hand.</summary>
public sealed class GateDayScheduleTests
{
    private const int Eight = 8 * 3_600;
    private static readonly BundleCounts HundredKilograms = new(0, 25, 0, 0);

    private static Gate Gate(long storageGrams, int crowdCap) =>
        new("G1", "C1", "gate", SmallDistrict.GateLocation, new DisinfectionZone(1_000_000, 600), new StorageZone(storageGrams), new PickupZone(crowdCap), 0, 86_400);

    private static GateConsignment Consignment(string id, RiskLevel risk, int households, int arrivalAtSeconds)
    {
        var orders = Enumerable.Range(1, households)
            .Select(i => SmallDistrict.Household($"{id}-{i:D2}", risk))
            .Select(h => new GateConsignment.CarriedOrder($"O-{h.Id}", h, "SM1", "T1", HundredKilograms.WeightGrams(BundleCatalog.Standard), id, HundredKilograms))
            .ToList();
        return new GateConsignment(new Consignment(id, arrivalAtSeconds, orders.Sum(o => o.WeightGrams), households, 0), orders);
    }

    private static GateDayResult Run(Gate gate, IReadOnlyList<GateConsignment> consignments, params DisinfectionCycle[] proposed)
    {
        var input = new GateDayInput(gate, consignments, [], HaversineTravelMatrix.Walking(), PlanningSettings.Default, BundleCatalog.Standard);
        return new GateDaySchedule(input).Run(new GateCyclePlan(gate.Id, proposed, [], PlanSource.Greedy, 0), CancellationToken.None);
    }

    private static DisinfectionCycle Cycle(int startAtSeconds, GateConsignment consignment) =>
        new(startAtSeconds, startAtSeconds + 2_400, [new CycleLoad(consignment.Consignment.Id, consignment.Consignment.WeightGrams)]);

    [Fact]
    public void Second_cycle_waits_until_the_first_ones_goods_have_been_collected()
    {
        // 1 t of storage, 2 households a slot: cycle 1 releases 1 t at 08:40; its 10 households collect 2 a slot from
        // 08:45, so 200 kg leave at each of 09:00, 09:15, 09:30, 09:45 and 10:00. Cycle 2's tonne fits only at 10:00.
        var a = Consignment("A", RiskLevel.Medium, 10, Eight);
        var b = Consignment("B", RiskLevel.Medium, 10, Eight);

        var day = Run(Gate(1_000_000, 2), [a, b], Cycle(Eight, a), Cycle(Eight + 2_400, b));

        Assert.Equal(2, day.Cycles.Cycles.Count);
        Assert.Equal(Eight + 2_400, day.Cycles.Cycles[0].EndAtSeconds);
        Assert.Equal(10 * 3_600, day.Cycles.Cycles[1].EndAtSeconds);
        Assert.Equal(2_400, day.Cycles.Cycles[1].StorageWaitSeconds);
        Assert.Equal(20, day.Slots.Assignments.Count);
        Assert.All(day.Slots.Slots, s => Assert.True(s.Households <= 2));
        Assert.All(day.Outcomes, o => Assert.Equal(OrderFate.PickupSlot, o.Fate));
    }

    [Fact]
    public void Cycle_that_could_never_fit_is_not_run_and_its_orders_say_why()
    {
        // Released at 19:40 with one place left in the pickup zone (the 19:45 slot, crowd cap 1): 900 kg stay all day in
        // 1.5 t of storage, so cycle 2's tonne never fits.
        var a = Consignment("A", RiskLevel.Medium, 10, 19 * 3_600);
        var b = Consignment("B", RiskLevel.Medium, 10, 19 * 3_600);

        var day = Run(Gate(1_500_000, 1), [a, b], Cycle(19 * 3_600, a), Cycle((19 * 3_600) + 2_400, b));

        Assert.Single(day.Cycles.Cycles);
        Assert.All(day.Outcomes.Where(o => o.ConsignmentId == "B"), o =>
        {
            Assert.Equal(OrderFate.Unassigned, o.Fate);
            Assert.Null(o.ReadyAtSeconds);
            Assert.Contains("storage zone full", o.Reason, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Low_risk_households_get_windows_that_keep_the_crowd_cap()
    {
        // 30 households ready at 08:40, crowd cap 10, 30-minute windows (two 15-minute steps): 10 from 08:45, 10 from
        // 09:15, 10 from 09:45; never more than 10 on site.
        var a = Consignment("A", RiskLevel.Low, 30, Eight);

        var day = Run(Gate(5_000_000, 10), [a], Cycle(Eight, a));

        var windows = day.Slots.FreeWindows!;
        Assert.Equal(30, windows.Count);
        Assert.Equal([31_500, 33_300, 35_100], windows.Select(w => w.StartAtSeconds).Distinct().Order().ToArray());
        Assert.All(windows, w => Assert.Equal(1_800, w.EndAtSeconds - w.StartAtSeconds));
        for (int t = Eight; t < 20 * 3_600; t += 60)
        {
            Assert.True(windows.Count(w => w.StartAtSeconds <= t && t < w.EndAtSeconds) <= 10, $"crowd at {t} s");
        }

        Assert.All(day.Outcomes, o =>
        {
            Assert.Equal(OrderFate.FreePickup, o.Fate);
            var window = windows.Single(w => w.HouseholdId == o.HouseholdId);
            Assert.Equal(window.StartAtSeconds, o.ServedAtSeconds);
            Assert.Equal(window.EndAtSeconds, o.PickupUntilSeconds);
        });
    }

    [Fact]
    public void Truck_that_finds_the_buffer_full_is_turned_away_and_the_plan_shows_who_waited()
    {
        // Buffer 1.5 t. A (1 t) unloads at 08:00 and waits for its cycle at 08:00; B (1 t) comes at 08:10 while the
        // zone is busy: 0 t wait (A is in the cycle), so B unloads and waits until 08:40. C (1 t) at 08:20 finds B's
        // tonne waiting: 2 t would not fit, so C's truck is turned away.
        var a = Consignment("A", RiskLevel.Low, 10, Eight);
        var b = Consignment("B", RiskLevel.Low, 10, Eight + 600);
        var c = Consignment("C", RiskLevel.Low, 10, Eight + 1_200);
        var gate = Gate(10_000_000, 30) with { Buffer = new BufferZone(1_500_000) };

        var day = Run(gate, [a, b, c], Cycle(Eight, a), Cycle(Eight + 2_400, b), Cycle(Eight + 4_800, c));

        Assert.Equal(["A", "B"], day.Cycles.Cycles.SelectMany(x => x.Loads).Select(l => l.ConsignmentId).ToArray());
        var waits = day.Cycles.BufferWaits!;
        Assert.Equal(new BufferWait("B", 1_000_000, Eight + 600, Eight + 2_400), waits.Single(w => w.ConsignmentId == "B"));
        Assert.DoesNotContain(waits, w => w.ConsignmentId == "C");
        Assert.All(day.Outcomes.Where(o => o.ConsignmentId == "C"), o =>
        {
            Assert.Equal(OrderFate.Unassigned, o.Fate);
            Assert.StartsWith("buffer zone full at 08:20", o.Reason, StringComparison.Ordinal);
        });
        Assert.All(day.Outcomes.Where(o => o.ConsignmentId != "C"), o => Assert.Equal(OrderFate.FreePickup, o.Fate));
    }

    [Fact]
    public void Truck_at_its_last_stop_waits_for_room_and_its_goods_go_in_the_next_cycle()
    {
        // Buffer 1.2 t. A (1 t) is in the 08:00 cycle; B (0.5 t, 08:10) and D (0.5 t, 08:15) wait in the buffer. C
        // (0.5 t) comes at 08:20: 1.5 t would not fit, so its truck waits. The 08:40 cycle was proposed with B and C, but
        // C is still on the truck when it starts: the cycle takes B, which makes room, C unloads at 08:40 (a 20-minute
        // wait) and goes with D in the 09:20 cycle.
        var a = Consignment("A", RiskLevel.Low, 10, Eight);
        var b = Consignment("B", RiskLevel.Low, 5, Eight + 600);
        var d = Consignment("D", RiskLevel.Low, 5, Eight + 900);
        var c = Consignment("C", RiskLevel.Low, 5, Eight + 1_200) with { TruckWaitLimitSeconds = 3_600 };
        var gate = Gate(10_000_000, 30) with { Buffer = new BufferZone(1_200_000) };

        var day = Run(
            gate,
            [a, b, c, d],
            Cycle(Eight, a),
            new DisinfectionCycle(Eight + 2_400, Eight + 4_800, [new CycleLoad("B", 500_000), new CycleLoad("C", 500_000)]),
            Cycle(Eight + 4_800, d));

        Assert.Equal([["A"], ["B"], ["C", "D"]], day.Cycles.Cycles.Select(x => x.Loads.Select(l => l.ConsignmentId).ToArray()).ToArray());
        Assert.Equal(new BufferWait("C", 500_000, Eight + 2_400, Eight + 4_800, 1_200), day.Cycles.BufferWaits!.Single(w => w.ConsignmentId == "C"));
        Assert.All(day.Outcomes, o => Assert.Equal(OrderFate.FreePickup, o.Fate));
    }

    [Fact]
    public void Truck_that_cannot_wait_until_a_cycle_makes_room_leaves_with_its_goods()
    {
        // As above, but C's truck is due elsewhere 10 minutes after it arrives, and room only comes at 08:40.
        var a = Consignment("A", RiskLevel.Low, 10, Eight);
        var b = Consignment("B", RiskLevel.Low, 5, Eight + 600);
        var d = Consignment("D", RiskLevel.Low, 5, Eight + 900);
        var c = Consignment("C", RiskLevel.Low, 5, Eight + 1_200) with { TruckWaitLimitSeconds = 600 };
        var gate = Gate(10_000_000, 30) with { Buffer = new BufferZone(1_200_000) };

        var day = Run(gate, [a, b, c, d], Cycle(Eight, a), Cycle(Eight + 2_400, b), Cycle(Eight + 4_800, d));

        Assert.Equal(["A", "B", "D"], day.Cycles.Cycles.SelectMany(x => x.Loads).Select(l => l.ConsignmentId).ToArray());
        Assert.DoesNotContain(day.Cycles.BufferWaits!, w => w.ConsignmentId == "C");
        Assert.All(day.Outcomes.Where(o => o.ConsignmentId == "C"), o =>
        {
            Assert.Equal(OrderFate.Unassigned, o.Fate);
            Assert.Equal("buffer zone full from 08:20 until after 08:30, when the truck had to leave", o.Reason);
        });
    }
}
