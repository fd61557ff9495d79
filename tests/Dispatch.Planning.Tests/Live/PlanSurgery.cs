using Dispatch.Planning.District;
using Dispatch.Planning.Doors;
using Dispatch.Planning.GateCycles;
using Dispatch.Planning.PickupSlots;
using Dispatch.Planning.Trucks;

namespace Dispatch.Planning.Tests.Live;

/// <summary>Hand-made pieces of a plan, small enough that a test can say exactly what plan surgery makes of them.</summary>
internal static class PlanSurgery
{
    public static TruckStop Stop(string gateId, string loadId, int piece, int arrival, int unloadStart, long grams = 1_000) =>
        new(gateId, loadId, piece, 2, grams, arrival, unloadStart);

    public static TruckTrip Trip(int number, params TruckStop[] stops) => new(number, 0, 0, 0, 0, stops);

    public static DoorVisit Door(string deliveryId, int dropOff, int service = 60) => new(deliveryId, $"H-{deliveryId}", false, dropOff, dropOff, service);

    public static DoorTrip DoorTrip(int number, params DoorVisit[] doors) => new(number, 0, 0, 0, 0, doors);

    public static OrderOutcome Outcome(string orderId, string gateId, OrderFate fate = OrderFate.DoorDelivery, int? readyAt = null) =>
        new(orderId, $"H-{orderId}", gateId, false, fate, "SM1", "T1", readyAt, null, null, null, null);

    public static GateCyclePlan Cycles(string gateId, int startAt) =>
        new(gateId, [new DisinfectionCycle(startAt, startAt + 600, [])], [], PlanSource.Greedy, 0);

    public static PickupSlotPlan Slots(string gateId, int slots) =>
        new(gateId, Enumerable.Range(0, slots).Select(i => new PickupSlot(i, i * 900, (i + 1) * 900, 10)).ToList(), [], [], PlanSource.Greedy, 0, 0);

    /// <summary>Two gates, one truck with a trip to each, two orders each; the merge reads no KPIs, timings or settings.</summary>
    public static Plan TwoGates() => new(
        "D1",
        1,
        [new TruckRoute("T1", "SM1", [Trip(1, Stop("G1", "L1", 1, 1_000, 1_000)), Trip(2, Stop("G2", "L2", 1, 3_000, 3_000))])],
        [Cycles("G1", 2_000), Cycles("G2", 4_000)],
        [new DoorRoutingResult("G1", [], []), new DoorRoutingResult("G2", [], [])],
        [Slots("G1", 1), Slots("G2", 1)],
        [Outcome("O-a", "G1"), Outcome("O-b", "G1"), Outcome("O-c", "G2"), Outcome("O-d", "G2")],
        null!,
        null,
        []);
}
