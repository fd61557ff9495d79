using Dispatch.Planning.District;

namespace Dispatch.Planning.Live;

/// <summary>The district plan with the gate's re-plan in it (its KPIs not yet recounted).</summary>
/// <param name="TrucksChanged">True when the re-plan added or moved truck stops: drivers hear of it.</param>
public sealed record GatePlanMergeResult(Plan Plan, bool TrucksChanged);
