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
    private const string NotTrucked = "not trucked today: ";

    private static PlanResource? ByGateReason(string? reason) => reason switch
    {
        null => null,
        _ when reason.StartsWith("no volunteer", StringComparison.Ordinal) => PlanResource.Volunteers,
        _ when reason.StartsWith("no pickup slot", StringComparison.Ordinal) || reason.StartsWith("no free-pickup window", StringComparison.Ordinal) => PlanResource.PickupCrowdCap,
        _ when reason.StartsWith("not released today", StringComparison.Ordinal) || reason.StartsWith("buffer zone full", StringComparison.Ordinal) => PlanResource.DisinfectionCapacity,
        _ => null,
    };

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

            // Goods left at the supermarket because their gate could not serve them are charged to the gate's reason.
            bool leftAtSupermarket = outcome.Reason?.StartsWith(NotTrucked, StringComparison.Ordinal) == true;
            string? reason = leftAtSupermarket ? outcome.Reason![NotTrucked.Length..] : outcome.Reason;
            PlanResource? resource = outcome.Fate switch
            {
                OrderFate.Unfilled => PlanResource.Stock,
                _ when leftAtSupermarket => ByGateReason(reason) ?? PlanResource.DisinfectionCapacity,
                _ when outcome.TruckId is null && outcome.SupermarketId is not null && outcome.ReadyAtSeconds is null => PlanResource.Trucks,
                _ when outcome.ReadyAtSeconds is null || outcome.ReadyAtSeconds > deadlineSeconds => PlanResource.DisinfectionCapacity,
                OrderFate.DoorDelivery => PlanResource.Volunteers,
                OrderFate.PickupSlot or OrderFate.FreePickup => PlanResource.PickupCrowdCap,
                _ => ByGateReason(reason?.Contains("then not served: ", StringComparison.Ordinal) == true ? reason[(reason.IndexOf("then not served: ", StringComparison.Ordinal) + 17)..] : reason),
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
