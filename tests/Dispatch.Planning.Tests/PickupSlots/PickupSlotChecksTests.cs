using Dispatch.Domain.Geography;
using Dispatch.Planning.Checks;
using Dispatch.Planning.PickupSlots;

namespace Dispatch.Planning.Tests.PickupSlots;

public sealed class PickupSlotChecksTests
{
    private static readonly PickupSlotInput Input = new(
        "gate1",
        new PickupZone(CrowdCap: 2),
        [new PickupHousehold("h1", "b1", 0), new PickupHousehold("h2", "b1", 0), new PickupHousehold("h3", "b2", 1_000)],
        DayStartAtSeconds: 0,
        DayEndAtSeconds: 3_600,
        SolveLimits.Default,
        SlotSeconds: 900,
        MaxHouseholdsPerBuildingPerSlot: 1);

    private static PickupSlotPlan Plan(params (string Id, int Slot)[] slots) => new(
        "gate1",
        [],
        slots.Select(s => new SlotAssignment(s.Id, s.Slot, s.Slot * 900, 0)).ToList(),
        [],
        PlanSource.Greedy,
        0,
        BuildingCapPerSlot: 1);

    [Fact]
    public void Sound_plan_has_no_violations()
    {
        Assert.Empty(PickupSlotChecks.Violations(Input, Plan(("h1", 0), ("h2", 1), ("h3", 2))));
    }

    [Fact]
    public void Crowd_cap_building_cap_and_early_slot_are_reported()
    {
        var violations = PickupSlotChecks.Violations(Input, Plan(("h1", 1), ("h2", 1), ("h3", 1)));

        Assert.Contains(violations, v => v.Contains("over the crowd cap", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("of building b1", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("before its goods are ready", StringComparison.Ordinal));
    }

    [Fact]
    public void Household_without_an_answer_or_with_two_is_reported()
    {
        var violations = PickupSlotChecks.Violations(Input, Plan(("h1", 0), ("h1", 1), ("h3", 2)));

        Assert.Contains(violations, v => v.Contains("h1 is answered 2 times", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("h2 is answered 0 times", StringComparison.Ordinal));
    }
}
