using Dispatch.Domain.Geography;
using Dispatch.Domain.Supply;
using Dispatch.Planning.Checks;
using Dispatch.Planning.District;
using Dispatch.Planning.Live;
using static Dispatch.Planning.Tests.District.SmallDistrict;

namespace Dispatch.Planning.Tests.Live;

public sealed class PickupRebookingTests
{
    private static readonly BundleCounts TwoVegetables = new(0, 2, 0, 0);

    [Fact]
    public void Households_whose_goods_now_come_after_their_slot_get_a_later_one_and_the_plan_holds_every_rule()
    {
        var households = Enumerable.Range(1, 4).Select(i => Household($"m{i}", RiskLevel.Medium, metresNorth: 100 + (i * 20))).ToList();
        var input = Input(Create(households), households.Select(h => Order(h.Id, TwoVegetables)).ToList());
        var plan = new DistrictPlanner().Plan(input);
        var gate = input.Scenario.Gates.Single();
        var (_, _, moved, trucks) = LateTruck.Arrives(input, plan, 7_200);
        var lateOnly = plan with { GateCycles = [moved.Cycles], TruckRoutes = trucks, Orders = moved.Outcomes };

        var result = new PickupRebooking().Rebook(new PickupRebookingInput(gate.Pickup, plan.PickupSlots.Single(), moved.Outcomes, id => households.FirstOrDefault(h => h.Id == id)?.Building));

        // Without re-booking, slots would start before the goods are ready; the checker says so.
        Assert.NotEmpty(PlanChecks.Violations(input, lateOnly));
        Assert.Equal(4, result.RebookedOrderIds.Count);
        Assert.All(result.Outcomes, o =>
        {
            Assert.Equal(OrderFate.PickupSlot, o.Fate);
            Assert.True(o.ServedAtSeconds >= o.ReadyAtSeconds);
        });
        Assert.Empty(PlanChecks.Violations(input, lateOnly with { Orders = result.Outcomes, PickupSlots = [result.Slots] }));
    }

    [Fact]
    public void A_household_whose_slot_still_starts_after_its_goods_keeps_it()
    {
        var households = new[] { Household("m1", RiskLevel.Medium) };
        var input = Input(Create(households), [Order("m1", TwoVegetables)]);
        var plan = new DistrictPlanner().Plan(input);
        var slot = plan.PickupSlots.Single().Assignments.Single();
        var outcomes = plan.Orders.Select(o => o with { ReadyAtSeconds = slot.StartAtSeconds }).ToList();

        var result = new PickupRebooking().Rebook(new PickupRebookingInput(input.Scenario.Gates.Single().Pickup, plan.PickupSlots.Single(), outcomes, _ => "B"));

        Assert.Empty(result.RebookedOrderIds);
        Assert.Same(plan.PickupSlots.Single(), result.Slots);
    }
}
