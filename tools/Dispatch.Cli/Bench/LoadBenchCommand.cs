using System.CommandLine;
using System.Diagnostics;
using Dispatch.Cli.Hosting;
using Dispatch.Domain.Scenarios;
using Dispatch.Server.Auth;
using Dispatch.Storage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Dispatch.Cli.Bench;

/// <summary>
/// <c>dispatch bench load</c>: N supermarkets push batches at once, each on its own stream with its own key, into one
/// in-process server on a loopback port, for a bounded time; prints throughput, errors and ack latency percentiles.
/// </summary>
public static class LoadBenchCommand
{
    private const int MaxClients = 256;

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
        var command = new Command("load", "Concurrent supermarkets pushing into one server: orders/s, batches/s, errors, p50/p95/p99 ack latency")
        {
            supermarkets, duration, batchSize, maxBatches, scenario,
        };
        command.SetAction((parse, ct) => RunAsync(
            parse.GetValue(supermarkets), parse.GetValue(duration), parse.GetValue(batchSize), parse.GetValue(maxBatches), parse.GetValue(scenario)!, ct));
        return command;
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

    private static async Task<int> RunAsync(int clientCount, TimeSpan duration, int batchSize, int maxBatches, string scenarioPath, CancellationToken cancellationToken)
    {
        if (clientCount < 1 || clientCount > MaxClients || batchSize < 1 || maxBatches < 1 || duration <= TimeSpan.Zero || duration > TimeSpan.FromMinutes(30))
        {
            await Console.Error.WriteLineAsync($"dispatch: --supermarkets 1..{MaxClients}, --batch-size and --max-batches positive, --duration up to 30m");
            return 2;
        }

        string folder = ScenarioLocator.Find(scenarioPath) ?? throw new ScenarioFormatException(scenarioPath, 0, "scenario folder not found");
        var scenario = ScenarioFiles.Load(folder);
        string databasePath = Path.Combine(Path.GetTempPath(), $"dispatch-load-{Guid.NewGuid():N}.db");

        // Each client gets its own supermarket key, so auth and the per-key stream quota are on the measured path.
        var keys = Enumerable.Range(0, clientCount).Select(i => $"load-{i}-{Guid.NewGuid():N}").ToList();
        var settings = new List<KeyValuePair<string, string?>> { new("Auth:Enabled", "true") };
        var clients = new List<ILoadClient>();
        for (int i = 0; i < clientCount; i++)
        {
            string supermarket = scenario.Supermarkets[i % scenario.Supermarkets.Count].Id;
            settings.Add(new($"Auth:Keys:{i}:KeyHash", ApiKeyDirectory.Hash(keys[i])));
            settings.Add(new($"Auth:Keys:{i}:Role", "supermarket"));
            settings.Add(new($"Auth:Keys:{i}:SubjectId", supermarket));
            clients.Add(new SupermarketPushClient(i, supermarket, scenario, batchSize, maxBatches));
        }

        var tallies = clients.Select(c => c.Kind).Distinct().ToDictionary(k => k, k => new LoadTally(k));
        int stored;
        double seconds;
        await using (var server = await InProcessServer.StartAsync("http://127.0.0.1:0", databasePath, folder, quiet: true, cancellationToken, settings))
        {
            var channels = keys.Select(k => new KeyedChannel(server.Address, k)).ToList();
            try
            {
                // Past the duration clients stop sending and drain; a hard stop guards against a stuck server.
                using var hardStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                hardStop.CancelAfter(duration + TimeSpan.FromSeconds(60));
                var until = DateTime.UtcNow + duration;
                var stopwatch = Stopwatch.StartNew();
                await Task.WhenAll(clients.Select((c, i) => Task.Run(() => c.RunAsync(channels[i].Invoker, tallies[c.Kind], until, hardStop.Token), hardStop.Token)));
                seconds = stopwatch.Elapsed.TotalSeconds;
                stored = await server.Services.GetRequiredService<OrderStore>().CountOrdersAsync(cancellationToken);
            }
            finally
            {
                channels.ForEach(c => c.Dispose());
            }
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }

        var table = new Table().AddColumns("clients", "operations", "items", "per second", "errors", "p50 ms", "p95 ms", "p99 ms");
        foreach (var tally in tallies.Values)
        {
            table.AddRow(
                $"{clientCount} x {tally.Kind}", $"{tally.Operations:N0} batches", $"{tally.Items:N0} orders",
                $"{tally.Items / seconds:N0} orders/s, {tally.Operations / seconds:N0} batches/s", tally.Errors.ToString("N0"),
                $"{tally.Percentile(50):F1}", $"{tally.Percentile(95):F1}", $"{tally.Percentile(99):F1}");
        }

        AnsiConsole.Write(table);
        var push = tallies.Values.First();
        Console.WriteLine(
            $"load: {clientCount} supermarkets, {seconds:F1} s, {push.Items / seconds:F0} orders/s, {push.Operations / seconds:F0} batches/s, " +
            $"errors {push.Errors}, ack p50 {push.Percentile(50):F1} ms p95 {push.Percentile(95):F1} ms p99 {push.Percentile(99):F1} ms, stored {stored}");
        foreach (var error in tallies.Values.SelectMany(t => t.FirstErrors))
        {
            await Console.Error.WriteLineAsync($"dispatch: {error}");
        }

        bool allStored = stored == tallies.Values.Sum(t => t.Items);
        return tallies.Values.All(t => t.Errors == 0) && allStored ? 0 : 1;
    }
}
