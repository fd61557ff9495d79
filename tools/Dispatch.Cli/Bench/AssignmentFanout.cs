using System.Collections.Concurrent;
using System.Diagnostics;
using Dispatch.Contracts.V1;
using Dispatch.Domain.Scenarios;
using Grpc.Core;
using Grpc.Net.Client;
using Spectre.Console;

namespace Dispatch.Cli.Bench;

/// <summary>
/// Many StreamAssignments calls open on a planned live day, then rounds of re-plans caused through the API: each
/// round drops one volunteer out (SetAvailability false) at each of a few gates that together hold a share of the
/// volunteers; every changed route goes to every stream of its volunteer. The server's hand-over of the routes is
/// not visible from outside, so each message is timed two ways: from the drop-out's request (gate re-plan
/// included) and from its answer (sent once the routes are handed over: a little short of the hand-over).
/// </summary>
public sealed class AssignmentFanout(Scenario scenario, GrpcChannel channel, int day)
{
    private static readonly TimeSpan s_roundTimeout = TimeSpan.FromSeconds(10);

    private readonly Volunteers.VolunteersClient _volunteers = new(channel);
    private readonly Contracts.V1.Planning.PlanningClient _planning = new(channel);
    private readonly ConcurrentQueue<(int Version, long Ticks)> _received = new();

    public async Task MeasureAsync(int streamCount, double share, int rounds, Table table, CancellationToken cancellationToken)
    {
        var volunteerIds = scenario.Volunteers.Select(v => v.Id).ToList();
        var streamsOf = Enumerable.Range(0, streamCount).GroupBy(i => volunteerIds[i % volunteerIds.Count]).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        int version = (await _planning.GetPlanAsync(new GetPlanRequest { DistrictId = scenario.District.Id, Day = day }, cancellationToken: cancellationToken)).Version;

        GC.Collect();
        GC.WaitForPendingFinalizers();
        long workingSetBefore = Process.GetCurrentProcess().WorkingSet64;
        long heapBefore = GC.GetTotalMemory(true);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        int connected = 0;
        var allConnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var opening = Stopwatch.StartNew();
        var readers = Enumerable.Range(0, streamCount).Select(i => Task.Run(() => ReadAsync(volunteerIds[i % volunteerIds.Count], () =>
        {
            if (Interlocked.Increment(ref connected) == streamCount)
            {
                allConnected.TrySetResult();
            }
        }, stop.Token))).ToList();
        await allConnected.Task.WaitAsync(TimeSpan.FromSeconds(120), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        double openSeconds = opening.Elapsed.TotalSeconds;

        GC.Collect();
        GC.WaitForPendingFinalizers();
        long workingSetAfter = Process.GetCurrentProcess().WorkingSet64;
        long heapAfter = GC.GetTotalMemory(true);

        var fromRequest = new List<double>();
        var fromAnswer = new List<double>();
        var replans = new List<double>();
        int expectedTotal = 0;
        int gatesTotal = 0;
        var gates = new GateRotation(scenario, (int)Math.Max(1, Math.Round(volunteerIds.Count * share)), new Random(7));
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        for (int round = 1; round <= rounds; round++)
        {
            var roundGates = gates.Next();
            gatesTotal += roundGates.Count;
            var leaving = new List<string>();
            foreach (string gateId in roundGates)
            {
                if (await BusiestAvailableAsync(gateId, dropped, cancellationToken) is { } volunteerId)
                {
                    leaving.Add(volunteerId);
                    dropped.Add(volunteerId);
                }
            }

            long requested = Stopwatch.GetTimestamp();
            var answers = await Task.WhenAll(leaving.Select(async id =>
            {
                var result = await _volunteers.SetAvailabilityAsync(new SetAvailabilityRequest { VolunteerId = id, Available = false }, cancellationToken: cancellationToken);
                return (result.PlanVersion, Ticks: Stopwatch.GetTimestamp());
            }));
            replans.AddRange(answers.Select(a => Stopwatch.GetElapsedTime(requested, a.Ticks).TotalMilliseconds));
            var answeredAt = answers.Where(a => a.PlanVersion > version).ToDictionary(a => a.PlanVersion, a => a.Ticks);

            // Which volunteers' routes changed is the server's to say: each one's current route carries the version it last changed in.
            var atGates = scenario.Volunteers.Where(v => roundGates.Contains(v.GateId)).Select(v => v.Id);
            int[] expected = await Task.WhenAll(atGates.Select(async id => answeredAt.ContainsKey(await CurrentVersionAsync(id, cancellationToken)) ? streamsOf.GetValueOrDefault(id) : 0));
            int expectedRound = expected.Sum();
            expectedTotal += expectedRound;

            var waiting = Stopwatch.StartNew();
            while (_received.Count(r => answeredAt.ContainsKey(r.Version)) < expectedRound && waiting.Elapsed < s_roundTimeout)
            {
                await Task.Delay(5, cancellationToken);
            }

            foreach (var (messageVersion, ticks) in _received.Where(r => answeredAt.ContainsKey(r.Version)))
            {
                fromRequest.Add(Stopwatch.GetElapsedTime(requested, ticks).TotalMilliseconds);
                fromAnswer.Add((ticks - answeredAt[messageVersion]) * 1_000.0 / Stopwatch.Frequency);
            }

            version = Math.Max(version, answeredAt.Keys.DefaultIfEmpty(version).Max());
            await Task.Delay(200, cancellationToken);
        }

        int stray = _received.Count - fromRequest.Count;
        await stop.CancelAsync();
        await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        fromRequest.Sort();
        fromAnswer.Sort();
        replans.Sort();
        double perStreamKib = (workingSetAfter - workingSetBefore) / 1024.0 / streamCount;
        double heapPerStreamKib = (heapAfter - heapBefore) / 1024.0 / streamCount;
        table.AddRow("streams open (all got their route)", $"{Volatile.Read(ref connected):N0} of {streamCount:N0} over {volunteerIds.Count:N0} volunteers, in {openSeconds:F1} s");
        table.AddRow("re-plans", $"{rounds} rounds, {gatesTotal} gates (one drop-out each, at least {share:P0} of the volunteers a round), {expectedTotal:N0} messages expected, {fromRequest.Count:N0} received, {stray} stray");
        table.AddRow("drop-out -> gate re-planned, routes handed over, answered", Spread(replans));
        table.AddRow("drop-out answered -> message received", Spread(fromAnswer));
        table.AddRow("drop-out sent -> message received", Spread(fromRequest));
        table.AddRow("memory per stream (client + server, one process)", $"working set {perStreamKib:F1} KiB, managed heap {heapPerStreamKib:F1} KiB");
        Console.WriteLine(
            $"fanout: {streamCount} streams, {fromAnswer.Count}/{expectedTotal} messages; from the answer {Spread(fromAnswer)}; from the request {Spread(fromRequest)}; "
            + $"working set {perStreamKib:F1} KiB/stream, heap {heapPerStreamKib:F1} KiB/stream");
    }

    private static string Spread(List<double> sorted) =>
        $"p50 {Percentiles.Of(sorted, 0.5):F1} ms, p99 {Percentiles.Of(sorted, 0.99):F1} ms, max {Percentiles.Of(sorted, 1):F1} ms";

    /// <summary>Follows one volunteer's route: the first message says the stream is open, each later one is timed.</summary>
    private async Task ReadAsync(string volunteerId, Action opened, CancellationToken cancellationToken)
    {
        using var call = _volunteers.StreamAssignments(new StreamAssignmentsRequest { VolunteerId = volunteerId }, cancellationToken: cancellationToken);
        bool first = true;
        try
        {
            await foreach (var assignment in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                long now = Stopwatch.GetTimestamp();
                if (first)
                {
                    first = false;
                    opened();
                }
                else
                {
                    _received.Enqueue((assignment.Version, now));
                }
            }
        }
        catch (Exception e) when (e is RpcException or OperationCanceledException)
        {
        }
    }

    /// <summary>The available volunteer with the most doors in the gate's current plan (their drop-out moves the most stops).</summary>
    private async Task<string?> BusiestAvailableAsync(string gateId, IReadOnlySet<string> dropped, CancellationToken cancellationToken)
    {
        var plan = await _planning.GetGatePlanAsync(new GetGatePlanRequest { DistrictId = scenario.District.Id, Day = day, GateId = gateId }, cancellationToken: cancellationToken);
        return plan.DoorRoutes.Where(r => !dropped.Contains(r.VolunteerId))
            .OrderByDescending(r => r.Trips.Sum(t => t.Doors.Count)).ThenBy(r => r.VolunteerId, StringComparer.Ordinal)
            .Select(r => r.VolunteerId).FirstOrDefault()
            ?? scenario.Volunteers.Where(v => v.GateId == gateId && !dropped.Contains(v.Id)).Select(v => v.Id).FirstOrDefault();
    }

    private async Task<int> CurrentVersionAsync(string volunteerId, CancellationToken cancellationToken)
    {
        using var call = _volunteers.StreamAssignments(new StreamAssignmentsRequest { VolunteerId = volunteerId }, deadline: DateTime.UtcNow.Add(s_roundTimeout), cancellationToken: cancellationToken);
        return await call.ResponseStream.MoveNext(cancellationToken) ? call.ResponseStream.Current.Version : 0;
    }

    /// <summary>Gates in a seeded random order, taken in turn until they hold the wanted number of volunteers.</summary>
    private sealed class GateRotation(Scenario scenario, int volunteersPerRound, Random random)
    {
        private readonly Dictionary<string, int> _volunteersAt = scenario.Volunteers.GroupBy(v => v.GateId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        private readonly Queue<string> _order = new();

        public IReadOnlySet<string> Next()
        {
            var gates = new HashSet<string>(StringComparer.Ordinal);
            int volunteers = 0;
            while (volunteers < volunteersPerRound && gates.Count < _volunteersAt.Count)
            {
                if (_order.Count == 0)
                {
                    foreach (string gateId in _volunteersAt.Keys.OrderBy(id => id, StringComparer.Ordinal).OrderBy(_ => random.Next()))
                    {
                        _order.Enqueue(gateId);
                    }
                }

                string next = _order.Dequeue();
                if (gates.Add(next))
                {
                    volunteers += _volunteersAt[next];
                }
            }

            return gates;
        }
    }
}
