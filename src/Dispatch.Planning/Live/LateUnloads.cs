using Dispatch.Planning.Trucks;

namespace Dispatch.Planning.Live;

/// <summary>
/// What a gate's cycles are re-scheduled from after a late truck (<see cref="LateArrivalReplanner"/>): each
/// consignment any truck unloads there, on the ground when its stop's unloading ends, and which of them the late
/// truck brought. Pure.
/// </summary>
public sealed class LateUnloads
{
    public LateUnloadsResult Of(LateUnloadsInput input)
    {
        var unloads = input.Routes
            .SelectMany(r => r.Trips.SelectMany(t => t.Stops).Where(s => s.GateId == input.GateId)
                .Select(s => new GateUnload(ConsignmentRef.Of(s).ToString(), r.TruckId, s.WeightGrams, s.UnloadStartSeconds + input.UnloadSeconds)))
            .ToList();
        var late = unloads
            .Where(u => u.TruckId == input.TruckId && ConsignmentRef.IsPieceOf(u.ConsignmentId, input.LoadId))
            .Select(u => u.ConsignmentId)
            .ToHashSet(StringComparer.Ordinal);
        return new LateUnloadsResult(unloads, late);
    }
}
