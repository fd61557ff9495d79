using System.Text.RegularExpressions;
using Dispatch.Cli.Tests.Infrastructure;

namespace Dispatch.Cli.Tests;

/// <summary>`dispatch bench ingest` end to end, small: orders over the real stream into SQLite, then the rows counted.</summary>
public sealed class BenchIngestCommandTests
{
    [Fact]
    public async Task Every_acknowledged_order_is_counted_on_disk_and_the_check_is_printed()
    {
        var result = await DispatchCli.RunAsync("bench", "ingest", "--orders", "5000", "--batch-size", "400");

        Assert.True(result.ExitCode == 0, result.ToString());
        var line = Regex.Match(result.Stdout, @"^ingest: 5000 orders in [0-9.]+ s = [0-9]+ orders/s; acknowledged (\d+), stored (\d+) \(stored == acknowledged\); peak \d+ MiB", RegexOptions.Multiline);
        Assert.True(line.Success, result.Stdout);
        Assert.Equal("5000", line.Groups[1].Value);
        Assert.Equal("5000", line.Groups[2].Value);
    }
}
