using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using Dispatch.Cli.Hosting;
using Dispatch.Cli.Intake;
using Dispatch.Contracts.V1;
using Dispatch.Domain.Scenarios;
using Dispatch.Server.Live;
using Dispatch.Simulation.Orders;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Dispatch.Cli.Bench;

/// <summary>
/// `dispatch bench fanout`: many volunteer streams on one loopback server; a re-plan touching a share of them;
/// time from the re-plan's commit (the routes handed to the assignment hub) to each message received, memory per
/// stream; then the latency of a gate re-plan caused by one failed delivery on the seeded district's real plan.
/// </summary>
public static class FanoutBenchCommand
{
    public static Command Create()
    {
        var streams = new Option<int>("--streams") { Description = "Concurrent StreamAssignments calls (spread over the scenario's volunteers)", DefaultValueFactory = _ => 5_000 };
        var share = new Option<double>("--replan-share") { Description = "Share of volunteers whose route each re-plan changes", DefaultValueFactory = _ => 0.1 };
        var rounds = new Option<int>("--rounds") { Description = "Re-plans to time", DefaultValueFactory = _ => 5 };
        var failures = new Option<int>("--failures") { Description = "Failed deliveries to re-plan on the seeded plan (0: skip planning)", DefaultValueFactory = _ => 20 };
        var topUps = new Option<int>("--top-ups") { Description = "Late batches (5 orders each, one gate each) to top up on the seeded plan, after the failures", DefaultValueFactory = _ => 10 };
        var scenario = new Option<string>("--scenario") { Description = "Scenario folder", DefaultValueFactory = _ => "seeds/jining-high-tech" };
        var command = new Command("fanout", "Volunteer streams: re-plan to message latency (p50/p99), memory per stream, one-failure and late-batch gate re-plan latency") { streams, share, rounds, failures, topUps, scenario };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(streams), parse.GetValue(share), parse.GetValue(rounds), parse.GetValue(failures), parse.GetValue(topUps), parse.GetValue(scenario)!, ct));
        return command;
    }

    private static async Task<int> RunAsync(int streamCount, double share, int rounds, int failures, int topUps, string scenarioPath, CancellationToken cancellationToken)
    {
        if (streamCount <= 0 || share <= 0 || share > 1 || rounds <= 0 || failures < 0 || topUps < 0 || (topUps > 0 && failures == 0))
        {
            await Console.Error.WriteLineAsync("dispatch: --streams and --rounds must be positive, --replan-share in (0, 1], --failures 0 or more, --top-ups 0 or more (and needs --failures > 0: the plan is made there)");
            return 2;
        }

        string folder = ScenarioLocator.Find(scenarioPath) ?? throw new ScenarioFormatException(scenarioPath, 0, "scenario folder not found");
        var scenario = ScenarioFiles.Load(folder);
        string databasePath = Path.Combine(Path.GetTempPath(), $"dispatch-fanout-{Guid.NewGuid():N}.db");
        var table = new Table().AddColumns("measure", "value");
        try
        {
            await using var server = await InProcessServer.StartAsync("http://127.0.0.1:0", databasePath, folder, quiet: true, cancellationToken, [new("Auth:Enabled", "false"), InProcessServer.ThrowAwayConfirmationKey(), new("Planning:QuickSearch", "true"), new("Logging:LogLevel:Default", "Warning"), new("Logging:LogLevel:Grpc", "Warning"), new("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning")]);
            var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
            using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { HttpHandler = handler });
            var hub = server.Services.GetRequiredService<IRouteHub<Assignment>>();
            int baseVersion = 0;
            if (failures > 0)
            {
                baseVersion = await MeasureFailureReplansAsync(scenario, channel, hub, failures, table, cancellationToken);
            }

            if (topUps > 0)
            {
                baseVersion = await MeasureTopUpsAsync(scenario, channel, topUps, table, cancellationToken);
            }

            await MeasureFanoutAsync(scenario, channel, hub, streamCount, share, rounds, baseVersion, table, cancellationToken);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(databasePath + suffix);
            }
        }

        AnsiConsole.Write(table);
        return 0;
    }

    private static async Task<int> MeasureFailureReplansAsync(Scenario scenario, GrpcChannel channel, IRouteHub<Assignment> hub, int failures, Table table, CancellationToken cancellationToken)
    {
        var batches = DayOrderGenerator.Generate(scenario, 1, seed: 1);
        var pushed = await new OrderPusher(new OrderIntake.OrderIntakeClient(channel)).PushAsync(batches, null, cancellationToken);
        var planning = Stopwatch.StartNew();
        PlanSummary? plan = null;
        using (var call = new Contracts.V1.Planning.PlanningClient(channel).PlanDistrictDay(new PlanDistrictDayRequest { DistrictId = scenario.District.Id, Day = 1, ProbeBottleneck = false }, cancellationToken: cancellationToken))
        {
            await foreach (var update in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                plan = update.Plan ?? plan;
            }
        }

        table.AddRow("seeded day planned", $"{pushed.OrdersAccepted:N0} orders, plan v{plan!.Version} in {planning.Elapsed.TotalSeconds:F1} s (quick search)");

        // One volunteer with a planned stop per gate, as many gates as failures asked for.
        var picks = scenario.Volunteers
            .Select(v => hub.Current(v.Id))
            .Where(a => a is not null && a.Trips.Count > 0)
            .GroupBy(a => a!.GateId)
            .Select(g => g.First()!)
            .Take(failures)
            .ToList();
        var volunteers = new Volunteers.VolunteersClient(channel);
        var times = new List<double>();
        int version = plan.Version;
        foreach (var assignment in picks)
        {
            var stop = assignment.Trips[0].Stops[0];
            var started = Stopwatch.StartNew();
            var result = await volunteers.ReportStopAsync(
                new ReportStopRequest { VolunteerId = assignment.VolunteerId, DeliveryId = stop.DeliveryId, Failed = new Failed { Reason = FailureReason.NoAnswer } },
                cancellationToken: cancellationToken);
            times.Add(started.Elapsed.TotalMilliseconds);
            version = result.PlanVersion;
        }

        times.Sort();
        table.AddRow("one failed delivery -> gate re-planned, whole plan stored, routes sent", $"{times.Count} failures at {times.Count} gates: p50 {Percentile(times, 0.5):F0} ms, p95 {Percentile(times, 0.95):F0} ms, max {times[^1]:F0} ms");
        Console.WriteLine($"replan: {times.Count} failures p50 {Percentile(times, 0.5):F0} ms p95 {Percentile(times, 0.95):F0} ms max {times[^1]:F0} ms");
        return version;
    }

    /// <summary>A late batch of five orders per gate: from the batch's answer to the gate plan that has them (truck trip, cycles, door trips or slots).</summary>
    private static async Task<int> MeasureTopUpsAsync(Scenario scenario, GrpcChannel channel, int topUps, Table table, CancellationToken cancellationToken)
    {
        var intake = new OrderIntake.OrderIntakeClient(channel);
        var planning = new Contracts.V1.Planning.PlanningClient(channel);
        var grids = scenario.Grids.Where(g => g.Level == 2 && g.GateId is not null && g.AssignedSupermarketId is not null).GroupBy(g => g.GateId).Select(g => g.First()).Take(topUps).ToList();
        var times = new List<double>();
        int version = 0;
        foreach (var grid in grids)
        {
            var batch = new OrderBatch { SupermarketId = grid.AssignedSupermarketId, BatchId = $"top-up-{grid.Id}", GridId = grid.Id, Day = 1 };
            foreach (var household in scenario.Households.Where(h => h.GridId == grid.Id).Take(5))
            {
                var order = new OrderInput { OrderId = $"TOPUP-{household.Id}", HouseholdId = household.Id };
                order.Lines.Add(new BundleLine { Kind = BundleKind.Vegetable, Quantity = 1 });
                batch.Orders.Add(order);
            }

            string lastId = batch.Orders[^1].OrderId;
            await intake.SubmitBatchAsync(batch, cancellationToken: cancellationToken);
            var started = Stopwatch.StartNew();
            while (true)
            {
                var gate = await planning.GetGatePlanAsync(new GetGatePlanRequest { DistrictId = scenario.District.Id, Day = 1, GateId = grid.GateId }, cancellationToken: cancellationToken);
                if (gate.Orders.Any(o => o.OrderId == lastId))
                {
                    times.Add(started.Elapsed.TotalMilliseconds);
                    version = gate.Version;
                    break;
                }

                if (started.Elapsed > TimeSpan.FromSeconds(30))
                {
                    throw new TimeoutException($"the late batch for gate {grid.GateId} was not in its plan after 30 s");
                }

                await Task.Delay(10, cancellationToken);
            }
        }

        times.Sort();
        table.AddRow("late batch of 5 orders -> gate topped up (truck trip, cycles, doors, slots), plan stored", $"{times.Count} batches at {times.Count} gates: p50 {Percentile(times, 0.5):F0} ms, p95 {Percentile(times, 0.95):F0} ms, max {times[^1]:F0} ms");
        Console.WriteLine($"top-up: {times.Count} batches p50 {Percentile(times, 0.5):F0} ms p95 {Percentile(times, 0.95):F0} ms max {times[^1]:F0} ms");
        return version;
    }

    private static async Task MeasureFanoutAsync(Scenario scenario, GrpcChannel channel, IRouteHub<Assignment> hub, int streamCount, double share, int rounds, int baseVersion, Table table, CancellationToken cancellationToken)
    {
        var volunteerIds = scenario.Volunteers.Select(v => v.Id).ToList();
        int version = baseVersion + 1;
        hub.Publish(volunteerIds.Select((id, i) => SyntheticRoute(id, scenario.Volunteers[i].GateId, 0)), version);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        long workingSetBefore = Process.GetCurrentProcess().WorkingSet64;
        long heapBefore = GC.GetTotalMemory(true);

        // Receive times per stream, by version: the timed versions are above `version`.
        var received = new ConcurrentQueue<(int Version, long Ticks, string VolunteerId)>();
        int connected = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var client = new Volunteers.VolunteersClient(channel);
        var opening = Stopwatch.StartNew();
        var readers = Enumerable.Range(0, streamCount).Select(i => Task.Run(async () =>
        {
            string volunteerId = volunteerIds[i % volunteerIds.Count];
            using var call = client.StreamAssignments(new StreamAssignmentsRequest { VolunteerId = volunteerId }, cancellationToken: stop.Token);
            try
            {
                await foreach (var assignment in call.ResponseStream.ReadAllAsync(stop.Token))
                {
                    long now = Stopwatch.GetTimestamp();
                    if (assignment.Version <= version)
                    {
                        Interlocked.Increment(ref connected);
                    }
                    else
                    {
                        received.Enqueue((assignment.Version, now, volunteerId));
                    }
                }
            }
            catch (Exception e) when (e is RpcException or OperationCanceledException)
            {
            }
        })).ToList();

        while (Volatile.Read(ref connected) < streamCount && opening.Elapsed < TimeSpan.FromSeconds(120))
        {
            await Task.Delay(50, cancellationToken);
        }

        double openSeconds = opening.Elapsed.TotalSeconds;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long workingSetAfter = Process.GetCurrentProcess().WorkingSet64;
        long heapAfter = GC.GetTotalMemory(true);

        var latencies = new List<double>();
        int expectedTotal = 0;
        int touchedPerRound = Math.Max(1, (int)Math.Round(volunteerIds.Count * share));
        var random = new Random(7);
        for (int round = 1; round <= rounds; round++)
        {
            var touched = volunteerIds.OrderBy(_ => random.Next()).Take(touchedPerRound).ToHashSet(StringComparer.Ordinal);
            int expected = Enumerable.Range(0, streamCount).Count(i => touched.Contains(volunteerIds[i % volunteerIds.Count]));
            expectedTotal += expected;
            int roundVersion = version + round;
            var routes = scenario.Volunteers.Where(v => touched.Contains(v.Id)).Select(v => SyntheticRoute(v.Id, v.GateId, round)).ToList();
            int before = received.Count;
            long committed = Stopwatch.GetTimestamp();
            hub.Publish(routes, roundVersion);
            var waiting = Stopwatch.StartNew();
            while (received.Count - before < expected && waiting.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(5, cancellationToken);
            }

            latencies.AddRange(received.Skip(before).Where(r => r.Version == roundVersion).Select(r => Stopwatch.GetElapsedTime(committed, r.Ticks).TotalMilliseconds));
            await Task.Delay(200, cancellationToken);
        }

        int untouchedMessages = received.Count(r => r.Version > version) - latencies.Count;
        stop.Cancel();
        await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        latencies.Sort();
        double perStreamKib = (workingSetAfter - workingSetBefore) / 1024.0 / streamCount;
        double heapPerStreamKib = (heapAfter - heapBefore) / 1024.0 / streamCount;
        table.AddRow("streams open (all got their route)", $"{Volatile.Read(ref connected):N0} of {streamCount:N0} over {volunteerIds.Count:N0} volunteers, in {openSeconds:F1} s");
        table.AddRow("re-plans", $"{rounds} x {touchedPerRound} volunteers ({share:P0}), {expectedTotal:N0} messages expected, {latencies.Count:N0} received, {untouchedMessages} stray");
        if (latencies.Count > 0)
        {
            table.AddRow("re-plan commit -> message received", $"p50 {Percentile(latencies, 0.5):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms, max {latencies[^1]:F1} ms");
        }

        table.AddRow("memory per stream (client + server, one process)", $"working set {perStreamKib:F1} KiB, managed heap {heapPerStreamKib:F1} KiB");
        Console.WriteLine($"fanout: {streamCount} streams, {latencies.Count}/{expectedTotal} messages, p50 {Percentile(latencies, 0.5):F1} ms p99 {Percentile(latencies, 0.99):F1} ms; working set {perStreamKib:F1} KiB/stream, heap {heapPerStreamKib:F1} KiB/stream");
    }

    /// <summary>A route the size of a real one (3 trips of 4 doors); <paramref name="round"/> shifts its times so it differs.</summary>
    private static Assignment SyntheticRoute(string volunteerId, string gateId, int round)
    {
        var assignment = new Assignment { VolunteerId = volunteerId, GateId = gateId, DistrictId = "bench", Day = 1, Available = true };
        for (int t = 1; t <= 3; t++)
        {
            var trip = new AssignmentTrip { Number = t, LeaveGateSeconds = (8 * 3_600) + (t * 1_800) + round, BackAtGateSeconds = (8 * 3_600) + (t * 1_800) + 1_500 + round, CarriedGrams = 16_000 };
            for (int d = 1; d <= 4; d++)
            {
                var stop = new AssignmentStop
                {
                    DeliveryId = $"O-{volunteerId}-{t}-{d}",
                    OrderId = $"O-{volunteerId}-{t}-{d}",
                    HouseholdId = $"H-{volunteerId}-{t}-{d}",
                    Address = "building 12, unit 3, floor 5",
                    ArrivalSeconds = trip.LeaveGateSeconds + (d * 240),
                    DropOffSeconds = trip.LeaveGateSeconds + (d * 240),
                    ServiceSeconds = 180,
                    WeightGrams = 4_000,
                    Instructions = "Contactless: knock, leave the goods at the door, step back two metres, ask for the household's 6-digit code.",
                    State = StopState.Planned,
                };
                stop.Bundles.Add(new BundleLine { Kind = BundleKind.Vegetable, Quantity = 1 });
                trip.Stops.Add(stop);
            }

            assignment.Trips.Add(trip);
        }

        return assignment;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
