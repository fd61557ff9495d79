using System.Text.Json;
using Dispatch.Cli.Tests.Infrastructure;
using Dispatch.Domain.Orders;

namespace Dispatch.Cli.Tests;

/// <summary>`dispatch orders list` piped, as a script reads it.</summary>
public sealed class OrdersListCommandTests(CliServer server) : IClassFixture<CliServer>
{
    [Fact]
    public async Task Piped_tables_are_not_folded_at_80_columns_and_an_address_without_scheme_works()
    {
        await PushAsync("wide", ["wide-order-with-a-rather-long-identifier-1", "wide-order-with-a-rather-long-identifier-2"]);

        var result = await DispatchCli.RunAsync(["orders", "list", "--server", server.HostAndPort, "--grid", "G01-1", "--day", "5"], apiKey: CliServer.AdminKey);

        Assert.True(result.ExitCode == 0, result.ToString());
        var row = Assert.Single(result.Stdout.Split('\n'), l => l.Contains("wide-order-with-a-rather-long-identifier-1"));
        Assert.True(row.Length > 80, row);
        Assert.Contains("Received", row);
        Assert.Contains("2 orders shown", result.Stdout);
    }

    [Fact]
    public async Task Json_lists_the_orders_in_the_apis_shape()
    {
        await PushAsync("json", ["json-O1", "json-O2", "json-O3"]);

        var result = await DispatchCli.RunAsync(["orders", "list", "--server", server.Address, "--grid", "G01-1", "--day", "6", "--limit", "2", "--json"], apiKey: CliServer.AdminKey);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var orders = json.RootElement.GetProperty("orders");
        Assert.Equal(["json-O1", "json-O2"], orders.EnumerateArray().Select(o => o.GetProperty("orderId").GetString()));
        Assert.Equal("ORDER_STATUS_RECEIVED", orders[0].GetProperty("status").GetString());
        Assert.NotEqual("", json.RootElement.GetProperty("nextPageToken").GetString());
    }

    private async Task PushAsync(string name, string[] orderIds)
    {
        int day = name == "wide" ? 5 : 6;
        string seed = Path.Combine(DispatchCli.SeedFolder, "orders-day1.csv");
        OrderBatch grid;
        using (var reader = File.OpenText(seed))
        {
            grid = OrderCsv.Read(reader, seed).First(b => b.GridId == "G01-1");
        }

        var batch = grid with
        {
            BatchId = $"{name}-batch",
            Day = day,
            Orders = orderIds.Select((id, i) => grid.Orders[i] with { OrderId = id }).ToList(),
        };
        string file = Path.Combine(server.Folder, $"{name}.csv");
        using (var writer = File.CreateText(file))
        {
            OrderCsv.Write(writer, [batch]);
        }

        var pushed = await DispatchCli.RunAsync(["push", "--server", server.Address, "--file", file], apiKey: CliServer.AdminKey);
        Assert.True(pushed.ExitCode == 0, pushed.ToString());
    }
}
