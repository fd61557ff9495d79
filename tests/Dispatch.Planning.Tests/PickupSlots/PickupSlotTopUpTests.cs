using Dispatch.Domain.Geography;
using Dispatch.Planning.PickupSlots;

namespace Dispatch.Planning.Tests.PickupSlots;

public sealed class PickupSlotTopUpTests
{
    private static readonly PickupZone TwoAtOnce = new(CrowdCap: 2);

    /// <summary>Four 15-minute slots from 08:00; slot 0 already full with two households of building B1.</summary>
    private static PickupSlotPlan Planned(int buildingCap = 10) => new(
        "G1",
        [new PickupSlot(0, 28_800, 29_700, 2), new PickupSlot(1, 29_700, 30_600, 0), new PickupSlot(2, 30_600, 31_500, 0), new PickupSlot(3, 31_500, 32_400, 0)],
        [new SlotAssignment("h1", 0, 28_800, 0), new SlotAssignment("h2", 0, 28_800, 0)],
        [],
        PlanSource.Optimal,
        0,
        buildingCap);

    private static string? BuildingOf(string householdId) => householdId.StartsWith('h') ? "B1" : "B2";

    [Fact]
    public void A_new_household_takes_the_earliest_slot_with_room_and_nobody_moves()
    {
        var placed = PickupSlotTopUp.Place(Planned(), TwoAtOnce, [new PickupHousehold("n1", "B2", 28_800)], BuildingOf);

        Assert.Contains(new SlotAssignment("n1", 1, 29_700, 900), placed.Assignments);
        Assert.Contains(new SlotAssignment("h1", 0, 28_800, 0), placed.Assignments);
        Assert.Contains(new SlotAssignment("h2", 0, 28_800, 0), placed.Assignments);
        Assert.Equal([2, 1, 0, 0], placed.Slots.Select(s => s.Households));
    }

    [Fact]
    public void Free_pickup_windows_already_promised_count_against_the_crowd_cap()
    {
        // Two low-risk households are on site 08:15-08:45 (slots 1 and 2): the new household's first slot with room is 3.
        var planned = Planned() with { FreeWindows = [new FreePickupWindow("w1", 29_700, 31_500), new FreePickupWindow("w2", 29_700, 31_500)] };

        var placed = PickupSlotTopUp.Place(planned, TwoAtOnce, [new PickupHousehold("n1", "B2", 28_800)], BuildingOf);

        Assert.Equal(3, placed.Assignments.Single(a => a.HouseholdId == "n1").SlotIndex);
    }

    [Fact]
    public void No_slot_starts_before_the_goods_are_ready()
    {
        var placed = PickupSlotTopUp.Place(Planned(), TwoAtOnce, [new PickupHousehold("n1", "B2", 30_000)], BuildingOf);

        Assert.Equal(2, placed.Assignments.Single(a => a.HouseholdId == "n1").SlotIndex);
    }

    [Fact]
    public void The_building_cap_spreads_neighbours_and_the_crowd_cap_is_never_passed()
    {
        var households = new[] { new PickupHousehold("n1", "B2", 28_800), new PickupHousehold("n2", "B2", 28_800), new PickupHousehold("n3", "B2", 28_800) };

        var placed = PickupSlotTopUp.Place(Planned(buildingCap: 1), TwoAtOnce, households, BuildingOf);

        Assert.Equal([1, 2, 3], placed.Assignments.Where(a => a.HouseholdId.StartsWith('n')).Select(a => a.SlotIndex).Order());
        Assert.All(placed.Slots, s => Assert.True(s.Households <= TwoAtOnce.CrowdCap));
    }

    [Fact]
    public void A_household_ready_after_the_last_slot_starts_is_unassigned_with_the_reason()
    {
        var placed = PickupSlotTopUp.Place(Planned(), TwoAtOnce, [new PickupHousehold("late", "B2", 32_000)], BuildingOf);

        Assert.DoesNotContain(placed.Assignments, a => a.HouseholdId == "late");
        Assert.Equal(PickupUnassignedReason.ReadyAfterLastSlot, Assert.Single(placed.Unassigned).Reason);
    }

    [Fact]
    public void A_household_with_a_slot_before_its_new_goods_moves_to_a_later_one()
    {
        var placed = PickupSlotTopUp.Place(Planned(), TwoAtOnce, [new PickupHousehold("h1", "B1", 29_000)], BuildingOf);

        Assert.Equal(1, placed.Assignments.Single(a => a.HouseholdId == "h1").SlotIndex);
        Assert.Equal([1, 1, 0, 0], placed.Slots.Select(s => s.Households));
    }
}
