using System.Diagnostics;
using Dispatch.Planning.Trucks;

namespace Dispatch.Planning.District;

/// <summary>
/// The district plan's truck stage alone (allocation, loads, truck routes), as the plan runs it: for comparing routing
/// methods on real days without planning the gates.
/// </summary>
public static class TruckStage
{
    public static TruckStageResult Run(PlanningInput input, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var day = new DistrictPlanner().PlanTrucks(input, null, cancellationToken);
        stopwatch.Stop();
        return new TruckStageResult(day.Trucks, day.Timings.Where(t => t.Stage == "trucks").Sum(t => t.Milliseconds), stopwatch.ElapsedMilliseconds);
    }
}

/// <summary>The truck routes of a day, the truck routing's own time and the stage's time with allocation.</summary>
public sealed record TruckStageResult(TruckRoutingResult Trucks, long RoutingMilliseconds, long TotalMilliseconds);
