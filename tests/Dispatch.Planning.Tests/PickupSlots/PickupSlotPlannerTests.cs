using Dispatch.Domain.Geography;
using Dispatch.Planning.Checks;
using Dispatch.Planning.PickupSlots;
using Xunit.Abstractions;

namespace Dispatch.Planning.Tests.PickupSlots;

public sealed class PickupSlotPlannerTests(ITestOutputHelper output)
{
    private const int SlotSeconds = 900;
    private static readonly SolveLimits Limits = new(TimeLimitMilliseconds: 5_000);

    private static PickupSlotInput Input(IReadOnlyList<PickupHousehold> households, int dayEndSeconds = 12 * 3_600, int crowdCap = 30, int buildingCap = 30) =>
        new("gate1", new PickupZone(crowdCap), households, 0, dayEndSeconds, Limits, SlotSeconds, buildingCap);

    private static List<PickupHousehold> ReadyAtStart(int count, Func<int, string>? building = null) =>
        Enumerable.Range(0, count).Select(i => new PickupHousehold($"h{i:D4}", building?.Invoke(i) ?? $"b{i}", 0)).ToList();

    private static PickupSlotPlan Plan(PickupSlotInput input, CancellationToken cancellationToken = default)
    {
        var plan = new PickupSlotPlanner().Plan(input, cancellationToken);
        Assert.Empty(PickupSlotChecks.Violations(input, plan));
        return plan;
    }

    [Fact]
    public void Thirty_one_ready_households_under_a_crowd_cap_of_thirty_use_two_slots()
    {
        var plan = Plan(Input(ReadyAtStart(31)));

        Assert.Equal(new[] { 30, 1 }, plan.Slots.Where(s => s.Households > 0).Select(s => s.Households));
        Assert.Equal(new[] { 0, 1 }, plan.Slots.Where(s => s.Households > 0).Select(s => s.Index));
        Assert.Equal(SlotSeconds, plan.WeightedWaitSeconds);
        Assert.Equal(PlanSource.Optimal, plan.Source);
    }

    [Fact]
    public void One_building_is_spread_over_slots_by_the_building_cap()
    {
        var plan = Plan(Input(ReadyAtStart(12, _ => "tower"), buildingCap: 5));

        Assert.Equal(new[] { 5, 5, 2 }, plan.Slots.Take(3).Select(s => s.Households));
        Assert.Equal((5 * SlotSeconds) + (2 * 2 * SlotSeconds), plan.WeightedWaitSeconds);
    }

    [Fact]
    public void Building_cap_is_lifted_when_keeping_it_would_leave_households_without_a_slot()
    {
        var plan = Plan(Input(ReadyAtStart(3, _ => "tower"), dayEndSeconds: 2 * SlotSeconds, buildingCap: 1));

        Assert.Empty(plan.Unassigned);
        Assert.Equal(30, plan.BuildingCapPerSlot);
        Assert.Equal(3, plan.Slots[0].Households);
    }

    [Fact]
    public void Building_cap_is_kept_when_it_costs_no_slot()
    {
        var plan = Plan(Input(ReadyAtStart(3, _ => "tower"), buildingCap: 1));

        Assert.Equal(1, plan.BuildingCapPerSlot);
        Assert.Equal(new[] { 1, 1, 1 }, plan.Slots.Take(3).Select(s => s.Households));
    }

    [Fact]
    public void No_slot_starts_before_the_goods_are_ready()
    {
        var plan = Plan(Input([new PickupHousehold("h1", "b1", 100)]));

        var assignment = Assert.Single(plan.Assignments);
        Assert.Equal((1, SlotSeconds, SlotSeconds - 100), (assignment.SlotIndex, assignment.StartAtSeconds, assignment.WaitSeconds));
    }

    [Fact]
    public void Goods_ready_after_the_last_slot_leave_the_household_unassigned()
    {
        var plan = Plan(Input([new PickupHousehold("h1", "b1", 3_000)], dayEndSeconds: 3_600));

        Assert.Empty(plan.Assignments);
        Assert.Equal(PickupUnassignedReason.ReadyAfterLastSlot, Assert.Single(plan.Unassigned).Reason);
    }

    [Fact]
    public void A_day_too_short_for_everyone_reports_the_rest_unassigned()
    {
        var plan = Plan(Input(ReadyAtStart(70), dayEndSeconds: 2 * SlotSeconds));

        Assert.Equal(60, plan.Assignments.Count);
        Assert.Equal(10, plan.Unassigned.Count);
        Assert.All(plan.Unassigned, u => Assert.Equal(PickupUnassignedReason.NoRoomBeforeDayEnd, u.Reason));
    }

    [Fact]
    public void Vulnerable_household_takes_the_first_slot_when_only_one_fits()
    {
        var plan = Plan(Input([new PickupHousehold("h1", "b1", 0), new PickupHousehold("v1", "b2", 0, IsVulnerable: true)], crowdCap: 1));

        Assert.Equal(0, plan.Assignments.Single(a => a.HouseholdId == "v1").SlotIndex);
        Assert.Equal(1, plan.Assignments.Single(a => a.HouseholdId == "h1").SlotIndex);
    }

    [Fact]
    public void Cancelled_before_search_returns_the_greedy_plan()
    {
        var input = RandomGate(new Random(5), 300);

        var plan = Plan(input, new CancellationToken(canceled: true));

        Assert.Equal(PlanSource.Greedy, plan.Source);
    }

    [Theory]
    [InlineData(1, 200)]
    [InlineData(2, 600)]
    [InlineData(3, 1_500)]
    public void Random_gates_get_sound_plans_no_worse_than_greedy(int seed, int households)
    {
        var input = RandomGate(new Random(seed), households);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var plan = Plan(input);

        output.WriteLine($"{households} households: {watch.ElapsedMilliseconds} ms, {plan.Source}, {plan.Assignments.Count} seated, wait {plan.WeightedWaitSeconds}");
        var greedy = Plan(input, new CancellationToken(canceled: true));
        Assert.True(plan.Assignments.Count >= greedy.Assignments.Count);
        Assert.True(plan.Assignments.Count > greedy.Assignments.Count || plan.WeightedWaitSeconds <= greedy.WeightedWaitSeconds);
    }

    // Goods of a gate are released in a handful of disinfection cycles, so ready times cluster.
    internal static PickupSlotInput RandomGate(Random random, int households)
    {
        var releases = Enumerable.Range(0, 8).Select(_ => random.Next(0, 6 * 3_600)).ToArray();
        var list = Enumerable.Range(0, households)
            .Select(i => new PickupHousehold($"h{i:D5}", $"b{random.Next(30)}", releases[random.Next(releases.Length)], random.Next(20) == 0))
            .ToList();
        return new PickupSlotInput("gate1", new PickupZone(), list, 0, 14 * 3_600, new SolveLimits(TimeLimitMilliseconds: 3_000), SlotSeconds, MaxHouseholdsPerBuildingPerSlot: 4);
    }
}
