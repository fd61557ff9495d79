using System.Net;
using System.Net.Sockets;
using Dispatch.Cli.Tests.Infrastructure;

namespace Dispatch.Cli.Tests;

/// <summary>Every client command meets an address without a scheme, a server that is down, and a refused key with one line and an exit code.</summary>
public sealed class ServerErrorTests(CliServer server) : IClassFixture<CliServer>
{
    public static TheoryData<string[]> ClientCommands => new()
    {
        new[] { "orders", "list" },
        new[] { "push", "--file", Path.Combine(DispatchCli.SeedFolder, "orders-day1.csv"), "--supermarket", "SM1" },
        new[] { "volunteer", "--id", "VOL0001", "--script", "wait-version 1; quit" },
        new[] { "truck", "--id", "SM1-T01", "--script", "wait-version 1; quit" },
        new[] { "plan", "--day", "1" },
        new[] { "plan", "show", "--day", "1" },
    };

    [Theory]
    [MemberData(nameof(ClientCommands))]
    public async Task A_server_that_is_down_is_one_line_and_exit_code_3(string[] command)
    {
        string down = $"127.0.0.1:{FreePort()}";

        var result = await DispatchCli.RunAsync(WithServer(command, down), apiKey: CliServer.AdminKey);

        Assert.True(result.ExitCode == 3, result.ToString());
        var line = Assert.Single(result.StderrLines);
        Assert.StartsWith($"dispatch: cannot reach the server at http://{down}", line);
    }

    [Theory]
    [MemberData(nameof(ClientCommands))]
    public async Task An_unknown_key_is_one_line_and_exit_code_4(string[] command)
    {
        var result = await DispatchCli.RunAsync(WithServer(command, server.HostAndPort), apiKey: "not-a-key");

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Contains("--api-key", Assert.Single(result.StderrLines));
    }

    [Theory]
    [InlineData("http://")]
    [InlineData("ftp://127.0.0.1:5080")]
    [InlineData("127.0.0.1:5080/some/path")]
    public async Task A_server_option_that_is_not_an_address_is_a_usage_error(string address)
    {
        var result = await DispatchCli.RunAsync(["orders", "list", "--server", address]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"dispatch: --server '{address}' is not a server address", result.StderrLines[0]);
        Assert.DoesNotContain("Exception", result.Stderr);
    }

    private static string[] WithServer(string[] command, string address) => [.. command, "--server", address];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
