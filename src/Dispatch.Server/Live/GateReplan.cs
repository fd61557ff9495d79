using Dispatch.Domain.Geography;
using Dispatch.Domain.Orders;
using Dispatch.Planning.District;
using Dispatch.Planning.Doors;
using Dispatch.Planning.GateCycles;
using Dispatch.Planning.Live;
using Dispatch.Planning.PickupSlots;
using Dispatch.Planning.Trucks;

namespace Dispatch.Server.Live;

/// <summary>
/// One gate re-plan: the plan it starts from and what its cause changed before the gate's door trips are planned
/// again. <see cref="LiveCoordinator.Begin"/> makes it as the plan has it; each cause sets what it changes.
/// </summary>
/// <param name="Cause">In words, for the log.</param>
/// <param name="TelemetryCause">One of <see cref="Telemetry.ReplanCauses"/>.</param>
/// <param name="BaseVersion">The district plan the live day acted on when the re-plan began: a newer one makes it void.</param>
/// <param name="Plan">The plan it starts from.</param>
internal sealed record GateReplan(LiveDay Day, Gate Gate, string Cause, string TelemetryCause, int BaseVersion, Plan Plan)
{
    /// <summary>The outcomes of the gate's orders before its doors are re-planned.</summary>
    public required IReadOnlyList<OrderOutcome> Outcomes { get; init; }

    /// <summary>The orders of the day by id (a top-up adds its own).</summary>
    public required IReadOnlyDictionary<string, Order> Orders { get; init; }

    /// <summary>The gate's cycles (null when it has none).</summary>
    public GateCyclePlan? Cycles { get; init; }

    /// <summary>The gate's new pickup slots; null keeps the plan's.</summary>
    public PickupSlotPlan? Slots { get; init; }

    /// <summary>Door deliveries of new orders, beside those the gate's routes already hold.</summary>
    public IReadOnlyList<DoorDelivery> AddedDeliveries { get; init; } = [];

    /// <summary>Truck trips a top-up adds.</summary>
    public IReadOnlyList<TruckRoute>? AddedTrips { get; init; }

    /// <summary>A late truck's stops, moved to when it is now expected.</summary>
    public MovedTruckStops? MovedStops { get; init; }

    /// <summary>Orders whose fate this re-plan decides anew, and how their histories say so.</summary>
    public OrderAnnouncement? Announce { get; init; }
}

/// <param name="How">Goes after the plan version in each history entry.</param>
/// <param name="HistoryOnly">The entries note a change (a moved slot) and move no current status.</param>
internal sealed record OrderAnnouncement(IReadOnlyCollection<string> OrderIds, string How, bool HistoryOnly);
