using System.CommandLine;
using System.Diagnostics;
using Dispatch.Cli.Hosting;
using Dispatch.Cli.Intake;
using Dispatch.Contracts.V1;
using Dispatch.Domain.Orders;
using OrderBatch = Dispatch.Domain.Orders.OrderBatch;
using Dispatch.Domain.Scenarios;
using Spectre.Console;

namespace Dispatch.Cli.Commands;

/// <summary><c>dispatch push</c>: a supermarket pushing a day's batches from an orders CSV.</summary>
public static class PushCommand
{
    public static Command Create()
    {
        var server = new Option<string>("--server") { Description = "Server address", DefaultValueFactory = _ => Server.Hosting.DispatchServer.DefaultUrl };
        var file = new Option<FileInfo>("--file") { Description = "Orders CSV (seeds/README.md describes the columns)", Required = true };
        var apiKey = ApiKeyOption.Create();
        var command = new Command("push", "Push an orders CSV to the server, one batch per grid, with progress and a summary") { server, file, apiKey };
        command.SetAction(async (parse, ct) =>
        {
            var csv = parse.GetValue(file)!;
            if (!csv.Exists)
            {
                return Exit.WithBadInput($"orders file '{csv.FullName}' not found");
            }

            IReadOnlyList<OrderBatch> batches;
            try
            {
                using var reader = csv.OpenText();
                batches = OrderCsv.Read(reader, csv.FullName);
            }
            catch (OrderFileFormatException e)
            {
                return Exit.WithBadInput(e.Message);
            }

            using var channel = new KeyedChannel(parse.GetValue(server)!, parse.GetValue(apiKey));
            var summary = await PushWithProgressAsync(new OrderIntake.OrderIntakeClient(channel.Invoker), batches, ct);
            return summary.StreamFailure is null ? Exit.Ok : 1;
        });
        return command;
    }

    public static async Task<PushSummary> PushWithProgressAsync(OrderIntake.OrderIntakeClient client, IReadOnlyList<OrderBatch> batches, CancellationToken cancellationToken)
    {
        int orderCount = batches.Sum(b => b.Orders.Count);
        var stopwatch = Stopwatch.StartNew();
        PushSummary summary = null!;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"pushing {batches.Count:N0} batches", maxValue: orderCount);
                summary = await new OrderPusher(client).PushAsync(batches, answer => task.Increment(answer.AcceptedCount + answer.Rejected.Count), cancellationToken);
                task.Value = task.MaxValue;
            });
        PushReport.Write(summary, orderCount, stopwatch.Elapsed);
        return summary;
    }
}
