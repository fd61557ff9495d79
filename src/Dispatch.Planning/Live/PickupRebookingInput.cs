using Dispatch.Domain.Geography;
using Dispatch.Planning.District;
using Dispatch.Planning.PickupSlots;

namespace Dispatch.Planning.Live;

/// <summary>A gate's pickup slots and its orders' outcomes after their goods' ready times moved (a late truck).</summary>
/// <param name="Outcomes">The gate's outcomes with their new ready times; pickup-slot ones still name the slot they had.</param>
/// <param name="BuildingOf">A household's building (null if unknown), for the building cap.</param>
public sealed record PickupRebookingInput(
    PickupZone Zone,
    PickupSlotPlan Slots,
    IReadOnlyList<OrderOutcome> Outcomes,
    Func<string, string?> BuildingOf);
