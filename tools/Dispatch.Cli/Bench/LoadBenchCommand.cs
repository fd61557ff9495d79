using System.CommandLine;
using System.Diagnostics;
using Dispatch.Cli.Hosting;
using Dispatch.Contracts.V1;
using Dispatch.Domain.Scenarios;
using Grpc.Core;
using Spectre.Console;

namespace Dispatch.Cli.Bench;

/// <summary>
/// <c>dispatch bench load</c>: N supermarkets push batches at once, each on its own stream with its own key, into one
/// in-process server on a loopback port, for a bounded time; prints throughput, errors and ack latency percentiles.
/// </summary>
public static class LoadBenchCommand
{
    private const int MaxClients = 256;
    private const int MaxVolunteers = 2_000;

    public static Command Create()
    {
        var supermarkets = new Option<int>("--supermarkets") { Description = "Supermarket clients pushing at once (each its own key and stream)", DefaultValueFactory = _ => 5 };
        var duration = new Option<TimeSpan>("--duration")
        {
            Description = "How long the clients push, e.g. 20s or 1m",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(20),
            CustomParser = r => ParseDuration(r.Tokens.Single().Value, r),
        };
        var batchSize = new Option<int>("--batch-size") { Description = "Orders per batch (at most the grid's households)", DefaultValueFactory = _ => 100 };
        var maxBatches = new Option<int>("--max-batches") { Description = "Batches per client at most, whatever the duration", DefaultValueFactory = _ => 100_000 };
        var scenario = new Option<string>("--scenario") { Description = "Scenario folder", DefaultValueFactory = _ => "seeds/jining-high-tech" };
        var volunteers = new Option<int>("--volunteers")
        {
            Description = "Volunteers holding their assignment stream open meanwhile (the seeded day is pushed and planned first so they have routes)",
            DefaultValueFactory = _ => 0,
        };
        var command = new Command("load", "Concurrent supermarkets pushing and volunteers streaming against one server: throughput, errors, latency percentiles")
        {
            supermarkets, duration, batchSize, maxBatches, scenario, volunteers,
        };
        command.SetAction((parse, ct) => RunAsync(
            parse.GetValue(supermarkets), parse.GetValue(volunteers), parse.GetValue(duration), parse.GetValue(batchSize), parse.GetValue(maxBatches), parse.GetValue(scenario)!, ct));
        return command;
    }

    /// <summary>Pushes the scenario's generated day-1 orders and plans the day, so volunteers have routes to stream; returns the orders pushed.</summary>
    private static async Task<int> PlanSeededDayAsync(string address, string adminKey, Scenario scenario, CancellationToken cancellationToken)
    {
        using var channel = new KeyedChannel(address, adminKey);
        var batches = Dispatch.Simulation.Orders.DayOrderGenerator.Generate(scenario, 1, 1)
            .Select(b => b with { BatchId = "setup-" + b.BatchId, Orders = b.Orders.Select(o => o with { OrderId = "setup-" + o.OrderId }).ToList() })
            .ToList();
        var pushed = await new Intake.OrderPusher(new OrderIntake.OrderIntakeClient(channel.Invoker)).PushAsync(batches, null, cancellationToken);
        using var plan = new Contracts.V1.Planning.PlanningClient(channel.Invoker).PlanDistrictDay(
            new PlanDistrictDayRequest { DistrictId = scenario.District.Id, Day = 1, ProbeBottleneck = false }, cancellationToken: cancellationToken);
        await foreach (var _ in plan.ResponseStream.ReadAllAsync(cancellationToken))
        {
        }

        return pushed.OrdersAccepted;
    }

    private static TimeSpan ParseDuration(string text, System.CommandLine.Parsing.ArgumentResult result)
    {
        if (text.Length > 1 && double.TryParse(text[..^1], System.Globalization.CultureInfo.InvariantCulture, out double n) && n > 0)
        {
            switch (text[^1])
            {
                case 's':
                    return TimeSpan.FromSeconds(n);
                case 'm':
                    return TimeSpan.FromMinutes(n);
            }
        }

        result.AddError($"--duration '{text}' is not like 20s or 2m");
        return TimeSpan.Zero;
    }

    private static async Task<int> RunAsync(int clientCount, int volunteerCount, TimeSpan duration, int batchSize, int maxBatches, string scenarioPath, CancellationToken cancellationToken)
    {
        if (clientCount < 1 || clientCount > MaxClients || volunteerCount < 0 || volunteerCount > MaxVolunteers || batchSize < 1 || maxBatches < 1
            || duration <= TimeSpan.Zero || duration > TimeSpan.FromMinutes(30))
        {
            await Console.Error.WriteLineAsync($"dispatch: --supermarkets 1..{MaxClients}, --volunteers 0..{MaxVolunteers}, --batch-size and --max-batches positive, --duration up to 30m");
            return 2;
        }

        string folder = ScenarioLocator.Find(scenarioPath) ?? throw new ScenarioFormatException(scenarioPath, 0, "scenario folder not found");
        var scenario = ScenarioFiles.Load(folder);
        using var database = new ThrowAwayDatabase("load");

        // Each client gets its own supermarket key, so auth and the per-key stream quota are on the measured path.
        var keys = Enumerable.Range(0, clientCount).Select(i => $"load-{i}-{Guid.NewGuid():N}").ToList();
        // Clients cycle over their grids' households day after day, so a long run orders for a household more than a real
        // day would: the per-household limit stays on (its check is on the measured path) but high enough for that.
        var settings = new List<KeyValuePair<string, string?>>
        {
            new("Auth:Enabled", "true"), ServerSettings.ThrowAwayConfirmationKey(), new("Planning:QuickSearch", "true"), new("Intake:MaxOrdersPerHouseholdPerDay", "1000"),
        };
        var clients = new List<ILoadClient>();
        for (int i = 0; i < clientCount; i++)
        {
            string supermarket = scenario.Supermarkets[i % scenario.Supermarkets.Count].Id;
            settings.AddRange(ServerSettings.ApiKey(i, keys[i], "supermarket", supermarket));
            clients.Add(new SupermarketPushClient(i, supermarket, scenario, batchSize, maxBatches));
        }

        string adminKey = $"load-admin-{Guid.NewGuid():N}";
        settings.AddRange(ServerSettings.ApiKey(clientCount, adminKey, "admin", ""));
        var volunteerIds = scenario.Volunteers.Select(v => v.Id).Order(StringComparer.Ordinal).ToList();
        for (int v = 0; v < Math.Min(volunteerCount, volunteerIds.Count); v++)
        {
            string key = $"load-volunteer-{v}-{Guid.NewGuid():N}";
            int index = clientCount + 1 + v;
            keys.Add(key);
            settings.AddRange(ServerSettings.ApiKey(index, key, "volunteer", volunteerIds[v]));
            clients.Add(new VolunteerStreamClient(volunteerIds[v]));
        }

        var tallies = clients.Select(c => c.Kind).Distinct().ToDictionary(k => k, k => new LoadTally(k));
        int stored;
        int setupOrders = 0;
        double seconds;
        await using (var server = await InProcessServer.StartAsync("http://127.0.0.1:0", database.FilePath, folder, quiet: true, cancellationToken, settings))
        {
            var channels = keys.Select(k => new KeyedChannel(server.Address, k)).ToList();
            try
            {
                if (volunteerCount > 0)
                {
                    setupOrders = await PlanSeededDayAsync(server.Address, adminKey, scenario, cancellationToken);
                }

                // Past the duration clients stop sending and drain; a hard stop guards against a stuck server.
                using var hardStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                hardStop.CancelAfter(duration + TimeSpan.FromSeconds(60));
                var until = DateTime.UtcNow + duration;
                var stopwatch = Stopwatch.StartNew();
                await Task.WhenAll(clients.Select((c, i) => Task.Run(() => c.RunAsync(channels[i].Invoker, tallies[c.Kind], until, hardStop.Token), hardStop.Token)));
                seconds = stopwatch.Elapsed.TotalSeconds;

                // Counted from outside, as a supermarket's back office would: every acknowledged order must be listed.
                using var admin = new KeyedChannel(server.Address, adminKey);
                stored = await StoredOrders.CountAsync(new OrderIntake.OrderIntakeClient(admin.Invoker), scenario.Supermarkets.Select(s => s.Id), cancellationToken) - setupOrders;
            }
            finally
            {
                channels.ForEach(c => c.Dispose());
            }
        }

        var table = new Table().AddColumns("clients", "operations", "items", "per second", "errors", "p50 ms", "p95 ms", "p99 ms");
        foreach (var tally in tallies.Values.Where(t => t.Kind != "volunteer stream"))
        {
            table.AddRow(
                $"{clientCount} x {tally.Kind}", $"{tally.Operations:N0} batches", $"{tally.Items:N0} orders",
                $"{tally.Items / seconds:N0} orders/s, {tally.Operations / seconds:N0} batches/s", tally.Errors.ToString("N0"),
                $"{tally.Percentile(50):F1}", $"{tally.Percentile(95):F1}", $"{tally.Percentile(99):F1}");
        }

        if (tallies.TryGetValue("volunteer stream", out var streams))
        {
            table.AddRow(
                $"{volunteerCount} x volunteer stream", $"{streams.Operations:N0} first routes", $"{streams.Items:N0} stops", "open for the whole run",
                streams.Errors.ToString("N0"), $"{streams.Percentile(50):F1}", $"{streams.Percentile(95):F1}", $"{streams.Percentile(99):F1}");
            Console.WriteLine($"load: {volunteerCount} volunteer streams, {streams.Operations} got their route, errors {streams.Errors}, open -> first route p50 {streams.Percentile(50):F1} ms p99 {streams.Percentile(99):F1} ms");
        }

        AnsiConsole.Write(table);
        var push = tallies["supermarket push"];
        Console.WriteLine(
            $"load: {clientCount} supermarkets, {seconds:F1} s, {push.Items / seconds:F0} orders/s, {push.Operations / seconds:F0} batches/s, " +
            $"errors {push.Errors}, ack p50 {push.Percentile(50):F1} ms p95 {push.Percentile(95):F1} ms p99 {push.Percentile(99):F1} ms, stored {stored}");
        foreach (var error in tallies.Values.SelectMany(t => t.FirstErrors))
        {
            await Console.Error.WriteLineAsync($"dispatch: {error}");
        }

        bool allStored = stored == push.Items;
        return tallies.Values.All(t => t.Errors == 0) && allStored ? 0 : 1;
    }
}
