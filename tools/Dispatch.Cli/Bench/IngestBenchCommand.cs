using System.CommandLine;
using System.Diagnostics;
using Dispatch.Cli.Hosting;
using Dispatch.Cli.Intake;
using Dispatch.Contracts.V1;
using Dispatch.Domain.Scenarios;
using Grpc.Net.Client;
using Spectre.Console;

namespace Dispatch.Cli.Bench;

/// <summary>`dispatch bench ingest`: orders through the real gRPC stream into SQLite (or a PostgreSQL schema), end to end.</summary>
public static class IngestBenchCommand
{
    public static Command Create()
    {
        var orders = new Option<int>("--orders") { Description = "Orders to push", DefaultValueFactory = _ => 1_000_000 };
        var batchSize = new Option<int>("--batch-size") { Description = "Orders per batch (one grid's orders per batch)", DefaultValueFactory = _ => 2_000 };
        var scenario = new Option<string>("--scenario") { Description = "Scenario folder whose households order", DefaultValueFactory = _ => "seeds/jining-high-tech" };
        var keep = new Option<string?>("--db") { Description = "SQLite file to write (default: a temporary file, deleted after)" };
        var postgres = new Option<string?>("--postgres")
        {
            Description = "Store on PostgreSQL instead: a connection string (e.g. the one tools/postgres/start.sh prints); the orders go to a fresh schema, dropped after",
        };
        var command = new Command("ingest", "Push orders through PushOrders into SQLite (or PostgreSQL) and print orders/s and peak memory") { orders, batchSize, scenario, keep, postgres };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(orders), parse.GetValue(batchSize), parse.GetValue(scenario)!, parse.GetValue(keep), parse.GetValue(postgres), ct));
        return command;
    }

    private static async Task<int> RunAsync(int orderCount, int batchSize, string scenarioPath, string? databasePath, string? postgres, CancellationToken cancellationToken)
    {
        if (orderCount <= 0 || batchSize <= 0 || batchSize > 10_000)
        {
            await Console.Error.WriteLineAsync("dispatch: --orders must be positive and --batch-size between 1 and 10000");
            return 2;
        }

        if (databasePath is not null && postgres is not null)
        {
            await Console.Error.WriteLineAsync("dispatch: give --db (SQLite) or --postgres, not both");
            return 2;
        }

        string folder = ScenarioLocator.Find(scenarioPath) ?? throw new ScenarioFormatException(scenarioPath, 0, "scenario folder not found");
        var scenario = ScenarioFiles.Load(folder);
        using var throwAway = databasePath is null ? new ThrowAwayDatabase("ingest") : null;
        databasePath ??= throwAway!.FilePath;
        var supermarketIds = scenario.Supermarkets.Select(s => s.Id).ToList();
        await using var schema = postgres is null ? null : new ThrowAwaySchema(postgres, "ingest");
        List<KeyValuePair<string, string?>> settings = [new("Auth:Enabled", "false"), ServerSettings.ThrowAwayConfirmationKey()];
        if (schema is not null)
        {
            settings.AddRange([new("Storage:Provider", "Postgres"), new("Storage:ConnectionString", postgres), new("Storage:Schema", schema.Name)]);
        }

        await using (var server = await InProcessServer.StartAsync("http://127.0.0.1:0", databasePath, folder, quiet: true, cancellationToken, settings))
        {
            using var channel = GrpcChannel.ForAddress(server.Address);
            var intake = new OrderIntake.OrderIntakeClient(channel);
            var pusher = new OrderPusher(intake);

            // Warm up the connection and the JIT so the timed run measures a running server's throughput: with a push of
            // 10 orders the hot path was still at its first JIT tier, and recompiling it took 14-22 % of the timed run's CPU.
            int warmUp = Math.Clamp(orderCount / 50, 10, 20_000);
            await pusher.PushAsync(IngestWorkload.Batches(scenario, warmUp, batchSize).Select(b => b with { BatchId = "warmup-" + b.BatchId, Orders = b.Orders.Select(o => o with { OrderId = "warmup-" + o.OrderId }).ToList() }), null, cancellationToken);

            int storedBefore = await StoredOrders.CountAsync(intake, supermarketIds, cancellationToken);
            long acknowledged = 0;
            var stopwatch = Stopwatch.StartNew();
            PushSummary summary = null!;
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask("pushing orders", maxValue: orderCount);
                    summary = await pusher.PushAsync(
                        IngestWorkload.Batches(scenario, orderCount, batchSize),
                        answer => task.Value = Interlocked.Add(ref acknowledged, answer.AcceptedCount + answer.Rejected.Count),
                        cancellationToken);
                });
            stopwatch.Stop();

            // Orders the server lists after the push: every acknowledged order must be there, and nothing else.
            int stored = await StoredOrders.CountAsync(intake, supermarketIds, cancellationToken) - storedBefore;
            bool allOnDisk = stored == summary.OrdersAccepted;
            var process = Process.GetCurrentProcess();
            double seconds = stopwatch.Elapsed.TotalSeconds;

            var table = new Table().AddColumns("measure", "value");
            table.AddRow("storage", schema is null ? "SQLite file" : $"PostgreSQL schema {schema.Name} (dropped after)");
            table.AddRow("orders pushed", orderCount.ToString("N0"));
            table.AddRow("batches", summary.BatchesAnswered.ToString("N0"));
            table.AddRow("orders acknowledged (accepted in answers)", summary.OrdersAccepted.ToString("N0"));
            table.AddRow("orders rejected / batches refused", $"{summary.OrdersRejected} / {summary.BatchesRefused}");
            table.AddRow("orders stored (listed by ListOrders after the push)", stored.ToString("N0"));
            table.AddRow("stored == acknowledged", allOnDisk ? "yes" : "NO");
            table.AddRow("wall time", $"{seconds:F2} s");
            table.AddRow("throughput", $"{orderCount / seconds:N0} orders/s");
            table.AddRow("peak working set (client + server, one process)", $"{process.PeakWorkingSet64 / (1024 * 1024):N0} MiB");
            table.AddRow("managed heap after", $"{GC.GetTotalMemory(false) / (1024 * 1024):N0} MiB");
            AnsiConsole.Write(table);
            Console.WriteLine(
                $"ingest: {orderCount} orders in {seconds:F2} s = {orderCount / seconds:F0} orders/s; acknowledged {summary.OrdersAccepted}, stored {stored} "
                + $"({(allOnDisk ? "stored == acknowledged" : "stored != acknowledged")}); peak {process.PeakWorkingSet64 / (1024 * 1024)} MiB; {(schema is null ? "SQLite" : "PostgreSQL")}");

            if (summary.StreamFailure is not null || !allOnDisk || summary.OrdersAccepted != orderCount)
            {
                await Console.Error.WriteLineAsync($"dispatch: ingest incomplete: stored {stored}, accepted {summary.OrdersAccepted}, stream {summary.StreamFailure}");
                return 1;
            }
        }

        return 0;
    }
}
