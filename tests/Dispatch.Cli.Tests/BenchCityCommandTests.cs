using System.Text.Json;
using Dispatch.Cli.Tests.Infrastructure;

namespace Dispatch.Cli.Tests;

/// <summary>
/// `dispatch bench city` end to end at a tiny size: a private PostgreSQL, two silo processes, a city of three districts
/// pushed, planned, streamed to and re-planned through the silos' gRPC endpoints; the figures it writes must add up.
/// </summary>
public sealed class BenchCityCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dispatch-cli-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Tiny_city_on_two_silos_loses_no_order_gives_every_stream_its_route_and_fans_re_plans_out()
    {
        string figuresFile = Path.Combine(_folder, "city.json");

        var result = await DispatchCli.RunAsync(
            "bench", "city", "--districts", "3", "--silos", "2", "--households", "400", "--streams", "300", "--reports", "4",
            "--district-storage", "sqlite", "--quick-search", "--out", figuresFile);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("silos stopped (SIGTERM)", result.Stdout);
        Assert.Contains("exit codes 0, 0", result.Stdout);
        using var json = JsonDocument.Parse(File.ReadAllText(figuresFile));
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("setup").GetProperty("silos").GetInt32());
        Assert.Equal(3, root.GetProperty("setup").GetProperty("districts").GetInt32());
        Assert.Empty(root.GetProperty("problems").EnumerateArray());

        var ingest = root.GetProperty("ingest");
        int pushed = ingest.GetProperty("ordersPushed").GetInt32();
        Assert.True(pushed > 0, result.Stdout);
        Assert.Equal(pushed, ingest.GetProperty("ordersAcknowledged").GetInt32());
        Assert.True(ingest.GetProperty("ordersPerSecond").GetDouble() > 0);

        var planning = root.GetProperty("planning");
        Assert.Equal(pushed, planning.GetProperty("ordersPlanned").GetInt32());
        Assert.Equal(3, planning.GetProperty("districts").GetArrayLength());
        Assert.All(planning.GetProperty("districts").EnumerateArray(), d => Assert.Equal(d.GetProperty("ordersAcknowledged").GetInt32(), d.GetProperty("ordersPlanned").GetInt32()));
        Assert.True(planning.GetProperty("districtMaxSeconds").GetDouble() <= planning.GetProperty("citySeconds").GetDouble() + 0.1);

        var streams = root.GetProperty("streams");
        Assert.Equal(300, streams.GetProperty("requested").GetInt32());
        Assert.Equal(300, streams.GetProperty("gotRoute").GetInt32());
        var silos = streams.GetProperty("silos").EnumerateArray().ToList();
        Assert.Equal(2, silos.Count);
        Assert.Equal(300, silos.Sum(s => s.GetProperty("streams").GetInt32()));
        Assert.All(silos, s => Assert.True(s.GetProperty("streams").GetInt32() > 0 && s.GetProperty("rssAfterStreamsMiB").GetDouble() > 0, s.ToString()));

        var replans = root.GetProperty("replans");
        int answered = replans.GetProperty("answered").GetInt32();
        Assert.True(answered > 0, result.Stdout);
        Assert.Equal(replans.GetProperty("reports").GetInt32(), answered);
        Assert.True(replans.GetProperty("messagesExpected").GetInt32() >= answered, result.Stdout);
        Assert.Equal(replans.GetProperty("messagesExpected").GetInt32(), replans.GetProperty("messagesReceived").GetInt32());
        Assert.True(replans.GetProperty("p95Ms").GetDouble() > 0);
        Assert.True(replans.GetProperty("fanoutCompleteP99Ms").GetDouble() >= replans.GetProperty("fanoutP50Ms").GetDouble(), replans.ToString());
    }

    [Theory]
    [InlineData("--silos 4", "--silos 1..3")]
    [InlineData("--streams 0", "--streams 1..")]
    [InlineData("--city some-city --districts 2", "--districts sizes a generated city; with --city the city has its own districts")]
    public async Task Bad_options_are_refused_in_one_line_before_anything_starts(string options, string message)
    {
        var result = await DispatchCli.RunAsync(["bench", "city", .. options.Split(' ')]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
        Assert.Single(result.StderrLines);
        Assert.DoesNotContain("PostgreSQL", result.Stdout);
    }
}
