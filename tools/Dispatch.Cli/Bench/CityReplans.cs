using System.Diagnostics;
using Dispatch.Contracts.V1;
using Grpc.Core;

namespace Dispatch.Cli.Bench;

/// <summary>
/// Failed deliveries reported on a planned city, each re-planning its gate inside its district's grain. In each
/// district (all at once) the reports go one after another, on the silos in turn, each naming the first planned door
/// of the volunteer's current route as their streams last received it; volunteers are taken gate by gate in a seeded
/// order so consecutive reports hit different gates. After each answer (plan version P) the bench waits until every
/// open stream of each volunteer whose route changed in P has P: the reporter's, and any other volunteer's of which
/// some stream received P. Each such stream's arrival is timed from the answer (a stream on the district's own silo
/// can be ahead of the answer, so a time may be negative); a stream that never gets P is counted as missed.
/// </summary>
public static class CityReplans
{
    private static readonly TimeSpan s_fanoutTimeout = TimeSpan.FromSeconds(60);

    public static async Task<(CityReplanFigures Figures, IReadOnlyList<string> Problems)> MeasureAsync(
        CityStreams streams, int reportsPerDistrict, int seed, IReadOnlyList<CallInvoker> silos, CancellationToken cancellationToken)
    {
        var districts = streams.Feeds.GroupBy(f => f.DistrictId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        CityBenchProgress.Line($"re-planning: up to {reportsPerDistrict} failed deliveries per district, {districts.Count} districts at once, one report after another in each");
        int next = 0;
        var results = await Task.WhenAll(districts.Select((d, i) => Task.Run(
            () => ReportInDistrictAsync(d.ToList(), reportsPerDistrict, new Random(seed + i), () => silos[Interlocked.Increment(ref next) % silos.Count], cancellationToken),
            cancellationToken)));

        var answers = results.SelectMany(r => r.AnswerMs).Order().ToList();
        var fanout = results.SelectMany(r => r.FanoutMs).Order().ToList();
        var complete = results.SelectMany(r => r.CompleteMs).Order().ToList();
        var figures = new CityReplanFigures(
            results.Sum(r => r.Reports),
            answers.Count,
            CityBenchReport.Percentile(answers, 0.5),
            CityBenchReport.Percentile(answers, 0.95),
            CityBenchReport.Percentile(answers, 1),
            results.Sum(r => r.Affected),
            results.Sum(r => r.Expected),
            fanout.Count,
            CityBenchReport.Percentile(fanout, 0.5),
            CityBenchReport.Percentile(fanout, 0.99),
            CityBenchReport.Percentile(fanout, 1),
            CityBenchReport.Percentile(complete, 0.5),
            CityBenchReport.Percentile(complete, 0.99));
        var problems = results.SelectMany(r => r.Problems).ToList();
        if (figures.MessagesReceived < figures.MessagesExpected)
        {
            problems.Add($"fan-out: {figures.MessagesExpected - figures.MessagesReceived:N0} of {figures.MessagesExpected:N0} stream messages of re-planned routes never came");
        }

        CityBenchProgress.Line(
            $"re-planned: {figures.Answered} of {figures.Reports} reports answered, p50 {figures.P50Ms:F0} ms, p95 {figures.P95Ms:F0} ms; "
            + $"fan-out {figures.MessagesReceived:N0} of {figures.MessagesExpected:N0} messages to {figures.VolunteersAffected:N0} volunteers' streams, p50 {figures.FanoutP50Ms:F1} ms, p99 {figures.FanoutP99Ms:F1} ms; all of a report's streams p50 {figures.FanoutCompleteP50Ms:F1} ms, p99 {figures.FanoutCompleteP99Ms:F1} ms");
        return (figures, problems);
    }

    private static async Task<DistrictReplans> ReportInDistrictAsync(
        List<CityVolunteerFeed> feeds, int reports, Random random, Func<CallInvoker> nextSilo, CancellationToken cancellationToken)
    {
        var result = new DistrictReplans();
        foreach (var feed in GateByGate(feeds, random))
        {
            if (result.Reports == reports)
            {
                break;
            }

            // The route as it is now: an earlier report at this gate may have moved this volunteer's doors.
            var door = feed.Latest?.Trips.SelectMany(t => t.Stops).FirstOrDefault(s => s.State == StopState.Planned);
            if (door is null)
            {
                continue;
            }

            result.Reports++;
            var client = new Volunteers.VolunteersClient(nextSilo());
            long sent = Stopwatch.GetTimestamp();
            ReportStopResult answer;
            try
            {
                answer = await client.ReportStopAsync(
                    new ReportStopRequest { VolunteerId = feed.VolunteerId, DeliveryId = door.DeliveryId, Failed = new Failed { Reason = FailureReason.NoAnswer } },
                    cancellationToken: cancellationToken);
            }
            catch (RpcException e)
            {
                result.Problems.Add($"report of {feed.VolunteerId} {door.DeliveryId} failed: {e.StatusCode} {e.Status.Detail}");
                continue;
            }

            long answered = Stopwatch.GetTimestamp();
            result.AnswerMs.Add(Stopwatch.GetElapsedTime(sent, answered).TotalMilliseconds);
            if (answer.State != StopState.Failed)
            {
                result.Problems.Add($"report of {feed.VolunteerId} {door.DeliveryId} answered {answer.State}, not FAILED");
                continue;
            }

            await MeasureFanoutAsync(feed, feeds, answer.PlanVersion, answered, result, cancellationToken);
        }

        return result;
    }

    private static async Task MeasureFanoutAsync(
        CityVolunteerFeed reporter, List<CityVolunteerFeed> district, int version, long answered, DistrictReplans result, CancellationToken cancellationToken)
    {
        // The reporter's route changed (the door is failed now); once their streams have it, every silo has adopted the version.
        await reporter.WaitAllAtAsync(version, s_fanoutTimeout, cancellationToken);
        var affected = district.Where(f => f == reporter || f.AnyReceived(version)).ToList();
        await Task.WhenAll(affected.Select(f => f.WaitAllAtAsync(version, s_fanoutTimeout, cancellationToken)));
        result.Affected += affected.Count;
        var arrivals = affected.SelectMany(f => f.ArrivalsOf(version)).ToList();
        result.Expected += arrivals.Count;
        var times = arrivals.Where(a => a.HasValue).Select(a => (a!.Value - answered) * 1_000.0 / Stopwatch.Frequency).ToList();
        result.FanoutMs.AddRange(times);
        if (times.Count == arrivals.Count && times.Count > 0)
        {
            result.CompleteMs.Add(times.Max());
        }
    }

    /// <summary>Volunteers with a route, gates in a seeded order, one volunteer per gate in turn.</summary>
    private static IEnumerable<CityVolunteerFeed> GateByGate(List<CityVolunteerFeed> feeds, Random random)
    {
        var gates = feeds.Where(f => f.Latest is not null)
            .GroupBy(f => f.Latest!.GateId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Queue<CityVolunteerFeed>(g.OrderBy(f => f.VolunteerId, StringComparer.Ordinal)))
            .ToList();
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(gates));
        while (gates.Any(q => q.Count > 0))
        {
            foreach (var gate in gates.Where(q => q.Count > 0))
            {
                yield return gate.Dequeue();
            }
        }
    }

    private sealed class DistrictReplans
    {
        public int Reports { get; set; }

        public int Affected { get; set; }

        public int Expected { get; set; }

        public List<double> AnswerMs { get; } = [];

        public List<double> FanoutMs { get; } = [];

        /// <summary>Per report whose every stream got the version: answer -> the last of them.</summary>
        public List<double> CompleteMs { get; } = [];

        public List<string> Problems { get; } = [];
    }
}
