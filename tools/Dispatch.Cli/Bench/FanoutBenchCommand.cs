using System.CommandLine;
using System.Diagnostics;
using Dispatch.Cli.Hosting;
using Dispatch.Cli.Intake;
using Dispatch.Contracts.V1;
using Dispatch.Domain.Scenarios;
using Dispatch.Simulation.Orders;
using Grpc.Core;
using Grpc.Net.Client;
using Spectre.Console;

namespace Dispatch.Cli.Bench;

/// <summary>
/// `dispatch bench fanout`: the seeded day planned on a loopback server; the latency of a gate re-plan caused by one
/// failed delivery and of a late batch's top-up; then many volunteer streams, rounds of drop-outs that re-plan gates
/// holding a share of the volunteers, the time to each new route received, and memory per stream. Everything goes
/// through the gRPC API, as a real client's would.
/// </summary>
public static class FanoutBenchCommand
{
    private const int Day = 1;

    public static Command Create()
    {
        var streams = new Option<int>("--streams") { Description = "Concurrent StreamAssignments calls (spread over the scenario's volunteers)", DefaultValueFactory = _ => 5_000 };
        var share = new Option<double>("--replan-share") { Description = "Share of volunteers at the gates each re-plan round drops one volunteer at", DefaultValueFactory = _ => 0.1 };
        var rounds = new Option<int>("--rounds") { Description = "Re-plan rounds to time", DefaultValueFactory = _ => 5 };
        var failures = new Option<int>("--failures") { Description = "Failed deliveries to re-plan on the seeded plan, one gate each (0: none)", DefaultValueFactory = _ => 20 };
        var topUps = new Option<int>("--top-ups") { Description = "Late batches (5 orders each, one gate each) to top up on the seeded plan, after the failures", DefaultValueFactory = _ => 10 };
        var scenario = new Option<string>("--scenario") { Description = "Scenario folder", DefaultValueFactory = _ => "seeds/jining-high-tech" };
        var command = new Command("fanout", "Volunteer streams: re-plan to message latency (p50/p99), memory per stream, one-failure and late-batch gate re-plan latency") { streams, share, rounds, failures, topUps, scenario };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(streams), parse.GetValue(share), parse.GetValue(rounds), parse.GetValue(failures), parse.GetValue(topUps), parse.GetValue(scenario)!, ct));
        return command;
    }

    private static async Task<int> RunAsync(int streamCount, double share, int rounds, int failures, int topUps, string scenarioPath, CancellationToken cancellationToken)
    {
        if (streamCount <= 0 || share <= 0 || share > 1 || rounds <= 0 || failures < 0 || topUps < 0)
        {
            await Console.Error.WriteLineAsync("dispatch: --streams and --rounds must be positive, --replan-share in (0, 1], --failures and --top-ups 0 or more");
            return 2;
        }

        string folder = ScenarioLocator.Find(scenarioPath) ?? throw new ScenarioFormatException(scenarioPath, 0, "scenario folder not found");
        var scenario = ScenarioFiles.Load(folder);
        var table = new Table().AddColumns("measure", "value");
        using (var database = new ThrowAwayDatabase("fanout"))
        {
            await using var server = await InProcessServer.StartAsync("http://127.0.0.1:0", database.FilePath, folder, quiet: true, cancellationToken, [new("Auth:Enabled", "false"), ServerSettings.ThrowAwayConfirmationKey(), new("Planning:QuickSearch", "true"), new("Logging:LogLevel:Default", "Warning"), new("Logging:LogLevel:Grpc", "Warning"), new("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning")]);
            var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
            using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { HttpHandler = handler });
            var generated = DayOrderGenerator.Generate(scenario, Day, seed: 1);
            await PlanSeededDayAsync(scenario, generated, channel, table, cancellationToken);
            if (failures > 0)
            {
                await MeasureFailureReplansAsync(scenario, channel, failures, table, cancellationToken);
            }

            if (topUps > 0)
            {
                var ordering = generated.SelectMany(b => b.Orders).Select(o => o.HouseholdId).ToHashSet(StringComparer.Ordinal);
                await MeasureTopUpsAsync(scenario, ordering, channel, topUps, table, cancellationToken);
            }

            await new AssignmentFanout(scenario, channel, Day).MeasureAsync(streamCount, share, rounds, table, cancellationToken);
        }

        AnsiConsole.Write(table);
        return 0;
    }

    private static async Task PlanSeededDayAsync(Scenario scenario, IReadOnlyList<Domain.Orders.OrderBatch> batches, GrpcChannel channel, Table table, CancellationToken cancellationToken)
    {
        var pushed = await new OrderPusher(new OrderIntake.OrderIntakeClient(channel)).PushAsync(batches, null, cancellationToken);
        var planning = Stopwatch.StartNew();
        PlanSummary? plan = null;
        using (var call = new Contracts.V1.Planning.PlanningClient(channel).PlanDistrictDay(new PlanDistrictDayRequest { DistrictId = scenario.District.Id, Day = Day, ProbeBottleneck = false }, cancellationToken: cancellationToken))
        {
            await foreach (var update in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                plan = update.Plan ?? plan;
            }
        }

        table.AddRow("seeded day planned", $"{pushed.OrdersAccepted:N0} orders, plan v{plan!.Version} in {planning.Elapsed.TotalSeconds:F1} s (quick search)");
    }

    private static async Task MeasureFailureReplansAsync(Scenario scenario, GrpcChannel channel, int failures, Table table, CancellationToken cancellationToken)
    {
        // One volunteer with a planned door per gate, as many gates as failures asked for, read from the gates' plans.
        var planning = new Contracts.V1.Planning.PlanningClient(channel);
        var picks = new List<(string VolunteerId, string DeliveryId)>();
        foreach (var gate in scenario.Gates)
        {
            if (picks.Count == failures)
            {
                break;
            }

            var gatePlan = await planning.GetGatePlanAsync(new GetGatePlanRequest { DistrictId = scenario.District.Id, Day = Day, GateId = gate.Id }, cancellationToken: cancellationToken);
            var door = gatePlan.DoorRoutes.OrderBy(r => r.VolunteerId, StringComparer.Ordinal)
                .SelectMany(r => r.Trips.SelectMany(t => t.Doors).Take(1).Select(d => (r.VolunteerId, d.DeliveryId)))
                .FirstOrDefault();
            if (door.VolunteerId is not null)
            {
                picks.Add(door);
            }
        }

        var volunteers = new Volunteers.VolunteersClient(channel);
        var times = new List<double>();
        foreach (var (volunteerId, deliveryId) in picks)
        {
            var started = Stopwatch.StartNew();
            await volunteers.ReportStopAsync(
                new ReportStopRequest { VolunteerId = volunteerId, DeliveryId = deliveryId, Failed = new Failed { Reason = FailureReason.NoAnswer } },
                cancellationToken: cancellationToken);
            times.Add(started.Elapsed.TotalMilliseconds);
        }

        if (times.Count == 0)
        {
            throw new InvalidOperationException("no gate of the seeded plan has a door route to fail a delivery on");
        }

        times.Sort();
        table.AddRow("one failed delivery -> gate re-planned, whole plan stored, routes sent", $"{times.Count} failures at {times.Count} gates: p50 {Percentiles.Of(times, 0.5):F0} ms, p95 {Percentiles.Of(times, 0.95):F0} ms, max {times[^1]:F0} ms");
        Console.WriteLine($"replan: {times.Count} failures p50 {Percentiles.Of(times, 0.5):F0} ms p95 {Percentiles.Of(times, 0.95):F0} ms max {times[^1]:F0} ms");
    }

    /// <summary>A late batch of five orders per gate: from the batch's answer to the gate plan that has them (truck trip, cycles, door trips or slots).</summary>
    private static async Task MeasureTopUpsAsync(Scenario scenario, IReadOnlySet<string> ordering, GrpcChannel channel, int topUps, Table table, CancellationToken cancellationToken)
    {
        var intake = new OrderIntake.OrderIntakeClient(channel);
        var planning = new Contracts.V1.Planning.PlanningClient(channel);
        var grids = scenario.Grids.Where(g => g.Level == 2 && g.GateId is not null && g.AssignedSupermarketId is not null).GroupBy(g => g.GateId).Select(g => g.First()).Take(topUps).ToList();
        var times = new List<double>();
        foreach (var grid in grids)
        {
            // Households that have not ordered yet that day: the late batch is theirs alone.
            var batch = new OrderBatch { SupermarketId = grid.AssignedSupermarketId, BatchId = $"top-up-{grid.Id}", GridId = grid.Id, Day = Day };
            foreach (var household in scenario.Households.Where(h => h.GridId == grid.Id && !ordering.Contains(h.Id)).Take(5))
            {
                var order = new OrderInput { OrderId = $"TOPUP-{household.Id}", HouseholdId = household.Id };
                order.Lines.Add(new BundleLine { Kind = BundleKind.Vegetable, Quantity = 1 });
                batch.Orders.Add(order);
            }

            var answer = await intake.SubmitBatchAsync(batch, cancellationToken: cancellationToken);
            var started = Stopwatch.StartNew();
            if (answer.AcceptedCount != batch.Orders.Count || batch.Orders.Count == 0)
            {
                throw new InvalidOperationException($"the late batch for gate {grid.GateId} was not taken whole: {answer.AcceptedCount} of {batch.Orders.Count} accepted");
            }

            // Plans name an order by its engine-wide reference, which the server gives out.
            var last = await intake.GetOrderAsync(new GetOrderRequest { OrderId = batch.Orders[^1].OrderId, SupermarketId = batch.SupermarketId }, cancellationToken: cancellationToken);
            while (true)
            {
                var gate = await planning.GetGatePlanAsync(new GetGatePlanRequest { DistrictId = scenario.District.Id, Day = Day, GateId = grid.GateId }, cancellationToken: cancellationToken);
                if (gate.Orders.Any(o => o.OrderId == last.OrderRef))
                {
                    times.Add(started.Elapsed.TotalMilliseconds);
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
        table.AddRow("late batch of 5 orders -> gate topped up (truck trip, cycles, doors, slots), plan stored", $"{times.Count} batches at {times.Count} gates: p50 {Percentiles.Of(times, 0.5):F0} ms, p95 {Percentiles.Of(times, 0.95):F0} ms, max {times[^1]:F0} ms");
        Console.WriteLine($"top-up: {times.Count} batches p50 {Percentiles.Of(times, 0.5):F0} ms p95 {Percentiles.Of(times, 0.95):F0} ms max {times[^1]:F0} ms");
    }
}
