using System.Diagnostics;
using Dispatch.Cli.Intake;
using Dispatch.Contracts.V1;
using Grpc.Core;

namespace Dispatch.Cli.Bench;

/// <summary>
/// Every district's day of orders pushed at once, as the city's supermarkets would: one PushOrders stream per
/// district and supermarket, the streams spread over the silos' endpoints in turn (each silo routes a batch to its
/// grid's district wherever that is active). Orders per second counts acknowledged orders over the wall time.
/// </summary>
public static class CityIngest
{
    public static async Task<(CityIngestFigures Figures, IReadOnlyDictionary<string, int> AcknowledgedByDistrict, IReadOnlyList<string> Problems)> PushAsync(
        CityWorkload workload, IReadOnlyList<CallInvoker> silos, CancellationToken cancellationToken)
    {
        var streams = workload.Orders
            .SelectMany(d => d.Value.GroupBy(b => b.SupermarketId, StringComparer.Ordinal).Select(g => (District: d.Key, Supermarket: g.Key, Batches: g.ToList())))
            .OrderBy(s => s.District, StringComparer.Ordinal).ThenBy(s => s.Supermarket, StringComparer.Ordinal)
            .ToList();
        CityBenchProgress.Line($"pushing {workload.TotalOrders:N0} orders of {workload.Orders.Count} districts: {streams.Count} PushOrders streams (one per district and supermarket) over {silos.Count} silos");
        var clock = Stopwatch.StartNew();
        var summaries = await Task.WhenAll(streams.Select((s, i) =>
            Task.Run(() => new OrderPusher(new OrderIntake.OrderIntakeClient(silos[i % silos.Count])).PushAsync(s.Batches, null, cancellationToken), cancellationToken)));
        double seconds = clock.Elapsed.TotalSeconds;

        var problems = new List<string>();
        for (int i = 0; i < streams.Count; i++)
        {
            var (district, supermarket, batches) = streams[i];
            var summary = summaries[i];
            if (summary.StreamFailure is { } failure)
            {
                problems.Add($"push of {district} {supermarket} on silo {(i % silos.Count) + 1} ended early: {failure.StatusCode} {failure.Detail}");
            }

            if (summary.OrdersRejected > 0 || summary.BatchesRefused > 0)
            {
                var first = summary.AnswersWithProblems[0];
                string reason = first.BatchViolations.Select(v => $"{v.Field}: {v.Description}").Concat(first.Rejected.Select(r => $"{r.Field}: {r.Reason}")).First();
                problems.Add($"push of {district} {supermarket}: {summary.OrdersRejected} orders rejected, {summary.BatchesRefused} batches refused (first: batch {first.BatchId}: {reason})");
            }

            if (summary.UnacknowledgedBatchIds.Count > 0)
            {
                problems.Add($"push of {district} {supermarket}: {summary.UnacknowledgedBatchIds.Count} of {batches.Count} batches not acknowledged");
            }
        }

        var acknowledged = streams.Select((s, i) => (s.District, summaries[i].OrdersAccepted))
            .GroupBy(a => a.District, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(a => a.OrdersAccepted), StringComparer.Ordinal);
        int total = acknowledged.Values.Sum();
        var figures = new CityIngestFigures(
            workload.TotalOrders, total, summaries.Sum(s => s.OrdersRejected), summaries.Sum(s => s.BatchesAnswered), streams.Count, Math.Round(seconds, 3), Math.Round(total / Math.Max(seconds, 0.001)));
        CityBenchProgress.Line($"pushed: {total:N0} of {workload.TotalOrders:N0} orders acknowledged in {seconds:F1} s ({figures.OrdersPerSecond:N0} orders/s)");
        return (figures, acknowledged, problems);
    }
}
