using Dispatch.Cli.Tests.Infrastructure;

namespace Dispatch.Cli.Tests;

/// <summary>The CLI never prints the key it took from DISPATCH_API_KEY: not in --help, not in usage errors.</summary>
public sealed class SecretOutputTests
{
    private const string Marker = "marker-secret-key-7f3a9c";

    public static TheoryData<string[]> KeyedCommands => new()
    {
        new[] { "orders", "list" },
        new[] { "push", "--file", "orders.csv" },
        new[] { "volunteer", "--id", "VOL0001" },
        new[] { "truck", "--id", "SM1-T01" },
        new[] { "plan", "--server", "127.0.0.1:1" },
        new[] { "plan", "show" },
        new[] { "demo" },
        new[] { "unlock-code", "--order", "SM1/O-1" },
    };

    [Theory]
    [MemberData(nameof(KeyedCommands))]
    public async Task Help_does_not_print_the_key_from_the_environment(string[] command)
    {
        var result = await DispatchCli.RunAsync([.. command, "--help"], apiKey: Marker);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("--api-key", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(KeyedCommands))]
    public async Task A_usage_error_does_not_print_the_key_from_the_environment(string[] command)
    {
        var result = await DispatchCli.RunAsync([.. command, "--no-such-option"], apiKey: Marker);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--no-such-option", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unlock_code_needs_exactly_one_of_order_and_volunteer()
    {
        var neither = await DispatchCli.RunAsync(["unlock-code", "--server", "127.0.0.1:1"], apiKey: Marker);
        var both = await DispatchCli.RunAsync(["unlock-code", "--server", "127.0.0.1:1", "--order", "SM1/O-1", "--volunteer", "V1"], apiKey: Marker);

        Assert.Equal((2, "dispatch: give one of --order or --volunteer"), (neither.ExitCode, neither.Stderr.Trim()));
        Assert.Equal((2, "dispatch: give one of --order or --volunteer"), (both.ExitCode, both.Stderr.Trim()));
    }
}
