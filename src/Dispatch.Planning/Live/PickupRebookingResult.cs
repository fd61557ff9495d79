using Dispatch.Planning.District;
using Dispatch.Planning.PickupSlots;

namespace Dispatch.Planning.Live;

/// <summary>The gate's slots and outcomes after re-booking, and which orders got a new slot (or lost theirs).</summary>
public sealed record PickupRebookingResult(PickupSlotPlan Slots, IReadOnlyList<OrderOutcome> Outcomes, IReadOnlyList<string> RebookedOrderIds);
