using System.Diagnostics;
using Dispatch.Contracts.V1;
using Grpc.Core;

namespace Dispatch.Cli.Bench;

/// <summary>
/// Planning a city on its cluster: every district's grain woken first (so ingest does not time their start), then
/// every district's day planned at once, district i on silo i in turn. A district's plan is made from the orders its
/// storage holds, so the plan's order count equal to the orders acknowledged for that district shows none was lost.
/// </summary>
public static class CityPlanning
{
    /// <summary>Asks each district for its day-1 plan (none yet: NOT_FOUND), which activates its grain and storage; returns the seconds it took.</summary>
    public static async Task<(double Seconds, IReadOnlyList<string> Problems)> ActivateAsync(CityWorkload workload, IReadOnlyList<CallInvoker> silos, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var districts = workload.City.Districts.Select(d => d.District.Id.ToString()).ToList();
        string?[] problems = await Task.WhenAll(districts.Select(async (id, i) =>
        {
            try
            {
                await new Contracts.V1.Planning.PlanningClient(silos[i % silos.Count]).GetPlanAsync(
                    new GetPlanRequest { DistrictId = id, Day = CityWorkload.Day }, cancellationToken: cancellationToken);
                return null;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                return null;
            }
            catch (RpcException e)
            {
                return $"district {id} did not start on silo {(i % silos.Count) + 1}: {e.StatusCode} {e.Status.Detail}";
            }
        }));
        double seconds = clock.Elapsed.TotalSeconds;
        CityBenchProgress.Line($"{districts.Count} districts active (grains started, storage migrated) in {seconds:F1} s");
        return (seconds, problems.OfType<string>().ToList());
    }

    public static async Task<(CityPlanFigures Figures, IReadOnlyList<string> Problems)> PlanAsync(
        CityWorkload workload, IReadOnlyDictionary<string, int> acknowledged, IReadOnlyList<CallInvoker> silos, CancellationToken cancellationToken)
    {
        var districts = workload.City.Districts.Select(d => d.District.Id.ToString()).ToList();
        CityBenchProgress.Line($"planning {districts.Count} districts at once over {silos.Count} silos (PlanDistrictDay, no bottleneck probes)");
        var clock = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(districts.Select((id, i) => PlanDistrictAsync(id, i % silos.Count, silos, clock, cancellationToken)));
        double citySeconds = clock.Elapsed.TotalSeconds;

        var problems = new List<string>();
        var figures = new List<DistrictPlanFigures>();
        foreach (var (id, silo, seconds, plan, failure) in outcomes)
        {
            int expected = acknowledged.GetValueOrDefault(id);
            if (plan is null)
            {
                problems.Add($"district {id} was not planned on silo {silo + 1}: {failure}");
                figures.Add(new DistrictPlanFigures(id, silo + 1, Math.Round(seconds, 3), expected, 0, 0));
                continue;
            }

            if (plan.Kpis.Orders != expected)
            {
                problems.Add($"district {id}: {expected:N0} orders acknowledged but its plan holds {plan.Kpis.Orders:N0}");
            }

            figures.Add(new DistrictPlanFigures(id, silo + 1, Math.Round(seconds, 3), expected, plan.Kpis.Orders, plan.Kpis.ServedByDeadlineShare));
        }

        var sorted = figures.Where(f => f.OrdersPlanned > 0 || f.OrdersAcknowledged == 0).Select(f => f.Seconds).Order().ToList();
        var result = new CityPlanFigures(figures.Sum(f => f.OrdersPlanned), Math.Round(citySeconds, 3), CityBenchReport.Percentile(sorted, 0.5), CityBenchReport.Percentile(sorted, 1), figures);
        CityBenchProgress.Line($"planned: {result.OrdersPlanned:N0} orders in {citySeconds:F1} s for the city, per district p50 {result.DistrictP50Seconds:F1} s, max {result.DistrictMaxSeconds:F1} s");
        return (result, problems);
    }

    private static async Task<(string Id, int Silo, double Seconds, PlanSummary? Plan, string? Failure)> PlanDistrictAsync(
        string districtId, int silo, IReadOnlyList<CallInvoker> silos, Stopwatch cityClock, CancellationToken cancellationToken)
    {
        var started = cityClock.Elapsed;
        try
        {
            PlanSummary? plan = null;
            using var call = new Contracts.V1.Planning.PlanningClient(silos[silo]).PlanDistrictDay(
                new PlanDistrictDayRequest { DistrictId = districtId, Day = CityWorkload.Day, ProbeBottleneck = false }, cancellationToken: cancellationToken);
            await foreach (var update in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                plan = update.Plan ?? plan;
            }

            double seconds = (cityClock.Elapsed - started).TotalSeconds;
            CityBenchProgress.Line($"  {districtId} planned on silo {silo + 1} in {seconds:F1} s: {plan?.Kpis.Orders ?? 0:N0} orders, {plan?.Kpis.ServedByDeadlineShare ?? 0:P1} served by the deadline");
            return (districtId, silo, seconds, plan, plan is null ? "the call ended without a plan" : null);
        }
        catch (RpcException e)
        {
            return (districtId, silo, (cityClock.Elapsed - started).TotalSeconds, null, $"{e.StatusCode} {e.Status.Detail}");
        }
    }
}
