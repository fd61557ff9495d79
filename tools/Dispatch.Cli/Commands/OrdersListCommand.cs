using System.CommandLine;
using Dispatch.Cli.Hosting;
using Dispatch.Contracts.V1;
using Spectre.Console;

namespace Dispatch.Cli.Commands;

/// <summary><c>dispatch orders list</c>: what happened to each order, filtered, page by page.</summary>
public static class OrdersListCommand
{
    public static Command Create()
    {
        var server = ServerOption.Create();
        var supermarket = new Option<string?>("--supermarket") { Description = "Only this supermarket's orders" };
        var grid = new Option<string?>("--grid") { Description = "Only this grid's orders" };
        var day = new Option<int>("--day") { Description = "Only this plan day (0: any)" };
        var status = new Option<OrderStatus>("--status") { Description = "Only orders in this status (e.g. Received, Planned, Delivered)" };
        var limit = new Option<int>("--limit") { Description = "Show at most this many orders", DefaultValueFactory = _ => 50 };
        var apiKey = ApiKeyOption.Create();
        var json = JsonOutput.Create();
        var command = new Command("list", "List stored orders and their status") { server, supermarket, grid, day, status, limit, apiKey, json };
        command.SetAction(async (parse, ct) =>
        {
            int max = parse.GetValue(limit);
            if (max <= 0)
            {
                return Exit.WithBadInput("--limit must be positive");
            }

            using var channel = new KeyedChannel(parse.GetValue(server)!, ApiKeyOption.Value(parse, apiKey));
            var client = new OrderIntake.OrderIntakeClient(channel.Invoker);
            var request = new ListOrdersRequest
            {
                SupermarketId = parse.GetValue(supermarket) ?? "",
                GridId = parse.GetValue(grid) ?? "",
                Day = parse.GetValue(day),
                Status = parse.GetValue(status),
                PageSize = Math.Min(max, 1_000),
            };

            // Pages gathered into one answer of the API's shape: the orders shown and the token for the rest.
            var shown = new ListOrdersResponse();
            do
            {
                var page = await client.ListOrdersAsync(request, cancellationToken: ct);
                shown.Orders.AddRange(page.Orders.Take(max - shown.Orders.Count));
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0 && shown.Orders.Count < max);
            shown.NextPageToken = request.PageToken;

            if (parse.GetValue(json))
            {
                JsonOutput.WriteProto(shown);
                return Exit.Ok;
            }

            var table = new Table().AddColumns("order", "household", "grid", "supermarket", "day", "bundles", "status");
            foreach (var order in shown.Orders)
            {
                table.AddRow(
                    Markup.Escape(order.OrderId), Markup.Escape(order.HouseholdId), Markup.Escape(order.GridId), Markup.Escape(order.SupermarketId), order.Day.ToString(),
                    string.Join(" ", order.Lines.Select(l => $"{l.Quantity}x{l.Kind}")), order.Status.ToString());
            }

            AnsiConsole.Write(table);
            Console.WriteLine($"{shown.Orders.Count} orders shown{(shown.NextPageToken.Length > 0 ? " (more exist: raise --limit)" : "")}");
            return Exit.Ok;
        });
        return command;
    }
}
