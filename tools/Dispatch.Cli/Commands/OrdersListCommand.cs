using System.CommandLine;
using Dispatch.Cli.Hosting;
using Dispatch.Contracts.V1;
using Grpc.Core;
using Spectre.Console;

namespace Dispatch.Cli.Commands;

/// <summary><c>dispatch orders list</c>: what happened to each order, filtered, page by page.</summary>
public static class OrdersListCommand
{
    public static Command Create()
    {
        var server = new Option<string>("--server") { Description = "Server address", DefaultValueFactory = _ => Server.Hosting.DispatchServer.DefaultUrl };
        var supermarket = new Option<string?>("--supermarket") { Description = "Only this supermarket's orders" };
        var grid = new Option<string?>("--grid") { Description = "Only this grid's orders" };
        var day = new Option<int>("--day") { Description = "Only this plan day (0: any)" };
        var status = new Option<OrderStatus>("--status") { Description = "Only orders in this status (e.g. Received, Planned, Delivered)" };
        var limit = new Option<int>("--limit") { Description = "Show at most this many orders", DefaultValueFactory = _ => 50 };
        var apiKey = ApiKeyOption.Create();
        var command = new Command("list", "List stored orders and their status") { server, supermarket, grid, day, status, limit, apiKey };
        command.SetAction(async (parse, ct) =>
        {
            int max = parse.GetValue(limit);
            if (max <= 0)
            {
                return Exit.WithBadInput("--limit must be positive");
            }

            using var channel = new KeyedChannel(parse.GetValue(server)!, parse.GetValue(apiKey));
            var client = new OrderIntake.OrderIntakeClient(channel.Invoker);
            var request = new ListOrdersRequest
            {
                SupermarketId = parse.GetValue(supermarket) ?? "",
                GridId = parse.GetValue(grid) ?? "",
                Day = parse.GetValue(day),
                Status = parse.GetValue(status),
                PageSize = Math.Min(max, 1_000),
            };

            var table = new Table().AddColumns("order", "household", "grid", "supermarket", "day", "bundles", "status");
            int shown = 0;
            try
            {
                do
                {
                    var page = await client.ListOrdersAsync(request, cancellationToken: ct);
                    foreach (var order in page.Orders.Take(max - shown))
                    {
                        table.AddRow(order.OrderId, order.HouseholdId, order.GridId, order.SupermarketId, order.Day.ToString(),
                            string.Join(" ", order.Lines.Select(l => $"{l.Quantity}x{l.Kind}")), order.Status.ToString());
                        shown++;
                    }

                    request.PageToken = page.NextPageToken;
                }
                while (request.PageToken.Length > 0 && shown < max);
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.InvalidArgument or StatusCode.NotFound or StatusCode.Unauthenticated or StatusCode.PermissionDenied)
            {
                return Exit.WithBadInput(e.Status.Detail);
            }

            AnsiConsole.Write(table);
            Console.WriteLine($"{shown} orders shown{(request.PageToken.Length > 0 ? " (more exist: raise --limit)" : "")}");
            return Exit.Ok;
        });
        return command;
    }
}
