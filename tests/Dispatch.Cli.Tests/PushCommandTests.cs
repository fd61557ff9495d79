using System.Text.Json;
using Dispatch.Cli.Tests.Infrastructure;
using Dispatch.Domain.Orders;

namespace Dispatch.Cli.Tests;

/// <summary>`dispatch push` as a supermarket's operator runs it, against a real server.</summary>
public sealed class PushCommandTests(CliServer server) : IClassFixture<CliServer>
{
    private static string SeedOrders => Path.Combine(DispatchCli.SeedFolder, "orders-day1.csv");

    [Fact]
    public async Task A_file_of_every_supermarket_pushed_with_one_supermarkets_key_is_refused_naming_the_option()
    {
        var result = await DispatchCli.RunAsync(["push", "--server", server.Address, "--file", SeedOrders], apiKey: CliServer.Sm2Key);

        Assert.Equal(4, result.ExitCode);
        var line = Assert.Single(result.StderrLines);
        Assert.Contains("--supermarket", line);
        Assert.Contains("SM1, SM2, SM3, SM4, SM5", line);
        Assert.DoesNotContain("orders accepted/s", result.Stdout);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public async Task Supermarket_option_pushes_only_that_supermarkets_batches()
    {
        var sm3Orders = ReadSeed().Where(b => b.SupermarketId == "SM3").Sum(b => b.Orders.Count);

        var result = await DispatchCli.RunAsync(["push", "--server", server.HostAndPort, "--file", SeedOrders, "--supermarket", "SM3", "--json"], apiKey: "cli-test-key-sm3");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(sm3Orders, json.RootElement.GetProperty("ordersAccepted").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("unacknowledgedBatchIds").GetArrayLength());
        Assert.True(json.RootElement.GetProperty("ordersAcceptedPerSecond").GetDouble() > 0);
    }

    [Fact]
    public async Task Supermarket_option_with_another_supermarkets_key_is_refused_naming_the_key_and_the_option()
    {
        var result = await DispatchCli.RunAsync(["push", "--server", server.Address, "--file", SeedOrders, "--supermarket", "SM4"], apiKey: CliServer.Sm1Key);

        Assert.Equal(4, result.ExitCode);
        var line = Assert.Single(result.StderrLines);
        Assert.Contains("SM4", line);
        Assert.Contains("--api-key", line);
    }

    [Fact]
    public async Task Supermarket_that_the_file_does_not_hold_is_bad_input()
    {
        var result = await DispatchCli.RunAsync(["push", "--server", server.Address, "--file", SeedOrders, "--supermarket", "SM9"], apiKey: CliServer.AdminKey);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--supermarket SM9: no batch of that supermarket", Assert.Single(result.StderrLines));
    }

    [Fact]
    public async Task Quoted_fields_and_reordered_columns_are_pushed()
    {
        string file = Path.Combine(server.Folder, "quoted.csv");
        var household = ReadSeed().First(b => b.SupermarketId == "SM5");
        File.WriteAllText(file,
            "\"vegetable\",\"day\",\"order_id\",\"household_id\",\"grid_id\",\"supermarket_id\",\"batch_id\",\"medicine\"\n"
            + $"\"2\",\"3\",\"quoted-O1\",\"{household.Orders[0].HouseholdId}\",\"{household.GridId}\",\"SM5\",\"quoted-B1\",\"1\"\n");

        var result = await DispatchCli.RunAsync(["push", "--server", server.Address, "--file", file, "--json"], apiKey: CliServer.AdminKey);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(1, json.RootElement.GetProperty("ordersAccepted").GetInt32());
    }

    [Fact]
    public async Task A_malformed_file_is_one_line_naming_the_line_and_pushes_nothing()
    {
        string file = Path.Combine(server.Folder, "bad.csv");
        File.WriteAllText(file, OrderCsv.Header + "\nB1,SM1,G01-1,1,O1,H000001,1,0,0,0\nB1,SM1,G01-1,two,O2,H000002,1,0,0,0\n");

        var result = await DispatchCli.RunAsync(["push", "--server", server.Address, "--file", file], apiKey: CliServer.AdminKey);

        Assert.Equal(2, result.ExitCode);
        Assert.EndsWith("bad.csv:3: day 'two' is not a whole number", Assert.Single(result.StderrLines));
    }

    [Fact]
    public async Task A_push_where_nothing_is_accepted_prints_no_throughput()
    {
        string file = Path.Combine(server.Folder, "unknown-households.csv");
        File.WriteAllText(file, OrderCsv.Header + "\nnothing-B1,SM1,G01-1,4,nothing-O1,H-NOBODY,1,0,0,0\n");

        var result = await DispatchCli.RunAsync(["push", "--server", server.Address, "--file", file], apiKey: CliServer.Sm1Key);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("orders rejected", result.Stdout);
        Assert.DoesNotContain("/s", result.Stdout);
    }

    [Fact]
    public async Task A_missing_file_is_one_line_and_exit_code_2()
    {
        var result = await DispatchCli.RunAsync(["push", "--server", server.Address, "--file", "no-such-orders.csv"], apiKey: CliServer.AdminKey);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no-such-orders.csv' not found", Assert.Single(result.StderrLines));
    }

    private static IReadOnlyList<OrderBatch> ReadSeed()
    {
        using var reader = File.OpenText(SeedOrders);
        return OrderCsv.Read(reader, SeedOrders);
    }
}
