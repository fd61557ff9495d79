using Dispatch.Domain.Scenarios;
using Dispatch.Planning.District;
using Dispatch.Planning.Live;

namespace Dispatch.Server.Live;

/// <summary>A truck's load at (or now expected at) a gate later than planned.</summary>
/// <param name="ExpectedLater">The truck's later stops, moved to when it is now expected there.</param>
internal sealed record LateGoods(string TruckId, string LoadId, int ArrivedAtSeconds, IReadOnlyList<ExpectedArrival> ExpectedLater);

/// <summary>
/// What late goods change at their gate before its doors are re-planned: the gate's cycles from when the goods are
/// on the ground, its orders' ready times, the truck's stops, and households told a slot before their goods are
/// now ready come later instead (their histories say so).
/// </summary>
internal sealed class LateGoodsChange(ScenarioIndex scenario, PlanningSettings settings)
{
    public GateReplan Apply(GateReplan replan, LateGoods late, CancellationToken cancellationToken)
    {
        if (replan.Cycles is not { } cycles)
        {
            return replan;
        }

        string gateId = replan.Gate.Id;
        int onGround = late.ArrivedAtSeconds + settings.TruckUnloadSeconds;
        var unloads = new LateUnloads().Of(new LateUnloadsInput(replan.Plan.TruckRoutes, gateId, late.TruckId, late.LoadId, settings.TruckUnloadSeconds));
        var moved = new LateArrivalReplanner().Replan(
            new LateArrivalInput(replan.Gate, cycles, unloads.Unloads, unloads.LateConsignmentIds, onGround, replan.Outcomes, settings.CycleLimits), cancellationToken);
        var changed = replan with
        {
            Cycles = moved.Cycles,
            Outcomes = moved.Outcomes,
            MovedStops = new MovedTruckStops(late.TruckId, [new ExpectedArrival(gateId, late.LoadId, 0, late.ArrivedAtSeconds), .. late.ExpectedLater]),
        };
        if (replan.Plan.PickupSlots.FirstOrDefault(p => p.GateId == gateId) is not { } gateSlots)
        {
            return changed;
        }

        var rebooking = new PickupRebooking().Rebook(new PickupRebookingInput(replan.Gate.Pickup, gateSlots, moved.Outcomes, id => scenario.FindHousehold(id)?.Building));
        return changed with
        {
            Outcomes = rebooking.Outcomes,
            Slots = rebooking.Slots,
            Announce = new OrderAnnouncement(rebooking.RebookedOrderIds, $" (goods late: {late.TruckId} late at gate {gateId}, slot moved)", HistoryOnly: true),
        };
    }
}
