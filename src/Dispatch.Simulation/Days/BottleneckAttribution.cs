using Dispatch.Planning.District;

namespace Dispatch.Simulation.Days;

/// <summary>
/// The day's bottleneck read from the plan itself, without re-planning: each household not served by the deadline
/// is charged to the resource its outcome points at (no stock: Stock; no truck reached the gate: Trucks; goods never
/// released or released after the deadline: DisinfectionCapacity; no volunteer or a late door: Volunteers; no slot or a
/// late slot: PickupCrowdCap), and the resource charged most is the bottleneck. Free, but a reading of symptoms: the
/// probes of <see cref="DistrictPlanner"/> measure which added resource would actually serve more.
/// </summary>
public static class BottleneckAttribution
{
    public static PlanResource? Of(Plan plan, int deadlineSeconds) => Of(plan.Orders, deadlineSeconds);

    /// <summary>The same reading over some of a plan's orders (one gate's, one community's).</summary>
    public static PlanResource? Of(IEnumerable<OrderOutcome> orders, int deadlineSeconds)
    {
        var charges = new int[Enum.GetValues<PlanResource>().Length];
        foreach (var outcome in orders)
        {
            if (outcome.IsServed && outcome.ServedAtSeconds <= deadlineSeconds)
            {
                continue;
            }

            PlanResource? resource = outcome.Fate switch
            {
                OrderFate.Unfilled => PlanResource.Stock,
                _ when outcome.TruckId is null && outcome.SupermarketId is not null && outcome.ReadyAtSeconds is null => PlanResource.Trucks,
                _ when outcome.ReadyAtSeconds is null || outcome.ReadyAtSeconds > deadlineSeconds => PlanResource.DisinfectionCapacity,
                OrderFate.DoorDelivery => PlanResource.Volunteers,
                OrderFate.PickupSlot => PlanResource.PickupCrowdCap,
                OrderFate.Unassigned when outcome.Reason?.StartsWith("no volunteer", StringComparison.Ordinal) == true => PlanResource.Volunteers,
                OrderFate.Unassigned when outcome.Reason?.StartsWith("no pickup slot", StringComparison.Ordinal) == true => PlanResource.PickupCrowdCap,
                _ => null,
            };
            if (resource is { } r)
            {
                charges[(int)r]++;
            }
        }

        int best = Array.IndexOf(charges, charges.Max());
        return charges[best] == 0 ? null : (PlanResource)best;
    }
}
