using Dispatch.Planning.District;

namespace Dispatch.Cli.Bench;

/// <summary>
/// The truck stage of a plan measured as its routing objective counts it: metres driven plus the cost of unloading
/// after the deliver-by time (four times the rate for loads with vulnerable households' goods). The balance term is
/// left out: with the day cut into truck blocks it is nearly the same for every method.
/// </summary>
internal sealed record TruckObjective(double StageSeconds, long DistanceMetres, long LateSeconds, long LateCost, int Trips)
{
    public long Objective => DistanceMetres + LateCost;

    public static TruckObjective Of(PlanningInput input, Plan plan)
    {
        var settings = input.Settings;
        var vulnerableLoads = plan.Orders
            .Where(o => o.IsVulnerable && o.ConsignmentId is not null)
            .Select(o => o.ConsignmentId![..o.ConsignmentId!.LastIndexOf('/')])
            .ToHashSet(StringComparer.Ordinal);
        long distance = 0;
        long lateSeconds = 0;
        long lateCost = 0;
        int trips = 0;
        foreach (var trip in plan.TruckRoutes.SelectMany(r => r.Trips))
        {
            trips++;
            distance += trip.DistanceMetres;
            foreach (var stop in trip.Stops)
            {
                long late = Math.Max(0, stop.UnloadStartSeconds - settings.TruckDeliverBySeconds);
                lateSeconds += late;
                lateCost += late * settings.TruckLateCostPerSecond * (vulnerableLoads.Contains(stop.LoadId) ? 4 : 1);
            }
        }

        double stageSeconds = plan.Timings.Where(t => t.Stage == "trucks").Sum(t => t.Milliseconds) / 1000.0;
        return new TruckObjective(stageSeconds, distance, lateSeconds, lateCost, trips);
    }
}
