using System.CommandLine;
using System.Diagnostics;
using Dispatch.Cli.Hosting;
using Dispatch.Cli.Intake;
using Dispatch.Contracts.V1;
using Dispatch.Domain.Orders;
using OrderBatch = Dispatch.Domain.Orders.OrderBatch;
using Spectre.Console;

namespace Dispatch.Cli.Commands;

/// <summary><c>dispatch push</c>: a supermarket pushing a day's batches from an orders CSV.</summary>
public static class PushCommand
{
    public static Command Create()
    {
        var server = ServerOption.Create();
        var file = new Option<FileInfo>("--file") { Description = "Orders CSV (seeds/README.md describes the columns)", Required = true };
        var supermarket = new Option<string?>("--supermarket") { Description = "Push only this supermarket's batches of the file (a supermarket's key pushes only its own)" };
        var apiKey = ApiKeyOption.Create();
        var json = JsonOutput.Create();
        var command = new Command("push", "Push an orders CSV to the server, one batch per grid, with progress and a summary") { server, file, supermarket, apiKey, json };
        command.SetAction(async (parse, ct) =>
        {
            var csv = parse.GetValue(file)!;
            var batches = OrderFile.Read(csv);
            var fileSupermarkets = batches.Select(b => b.SupermarketId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            string? chosen = parse.GetValue(supermarket);
            if (chosen is not null)
            {
                batches = batches.Where(b => b.SupermarketId == chosen).ToList();
                if (batches.Count == 0)
                {
                    throw new CommandFailedException(
                        $"--supermarket {chosen}: no batch of that supermarket in {csv.Name}; it holds {string.Join(", ", fileSupermarkets)}", Exit.BadInput);
                }
            }

            using var channel = new KeyedChannel(parse.GetValue(server)!, ApiKeyOption.Value(parse, apiKey));
            var client = new OrderIntake.OrderIntakeClient(channel.Invoker);
            var stopwatch = Stopwatch.StartNew();
            var summary = parse.GetValue(json)
                ? await new OrderPusher(client).PushAsync(batches, null, ct)
                : await PushWithProgressAsync(client, batches, ct);
            // A stream that failed before any answer has nothing to sum up: the failure says it all.
            bool anything = summary.StreamFailure is null || summary.BatchesAnswered > 0;
            if (anything && parse.GetValue(json))
            {
                JsonOutput.Write(PushReport.ToJson(summary, stopwatch.Elapsed));
            }
            else if (anything)
            {
                PushReport.Write(summary, stopwatch.Elapsed);
            }

            PushReport.ThrowIfFailed(summary, fileSupermarkets, chosen);
            return Exit.Ok;
        });
        return command;
    }

    /// <summary>Pushes under a progress bar; the summary table is the caller's to print.</summary>
    public static async Task<PushSummary> PushWithProgressAsync(OrderIntake.OrderIntakeClient client, IReadOnlyList<OrderBatch> batches, CancellationToken cancellationToken)
    {
        int orderCount = batches.Sum(b => b.Orders.Count);
        PushSummary summary = null!;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"pushing {batches.Count:N0} batches", maxValue: orderCount);
                summary = await new OrderPusher(client).PushAsync(batches, answer => task.Increment(answer.AcceptedCount + answer.Rejected.Count), cancellationToken);
                task.Value = task.MaxValue;
            });
        return summary;
    }
}
