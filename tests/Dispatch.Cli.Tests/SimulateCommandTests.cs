using System.Text.Json;
using Dispatch.Cli.Tests.Infrastructure;

namespace Dispatch.Cli.Tests;

/// <summary>`dispatch simulate` on a small generated district short of volunteers: the report a planner acts on.</summary>
public sealed class SimulateCommandTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dispatch-cli-tests", Guid.NewGuid().ToString("N"));

    private string Scenario => Path.Combine(_folder, "scenario");

    private string Report => Path.Combine(_folder, "report");

    public async Task InitializeAsync()
    {
        var generated = await DispatchCli.RunAsync(
            "scenario", "generate", "--seed", "22", "--out", Scenario, "--households", "600", "--communities", "3", "--gates", "4",
            "--trucks", "6", "--volunteers", "4", "--high-risk-communities", "1", "--low-risk-communities", "1");
        Assert.True(generated.ExitCode == 0, generated.ToString());
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Report_breaks_the_days_down_by_gate_and_community_counts_waiting_households_late_and_explains_the_bottleneck()
    {
        var result = await DispatchCli.RunAsync("simulate", "--scenario", Scenario, "--days", "2", "--out", Report, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.DoesNotContain("isEmpty", result.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(result.Stdout.Trim(), File.ReadAllText(Path.Combine(Report, "simulation.json")).Trim().Replace("\r", ""), ignoreLineEndingDifferences: true);

        var days = root.GetProperty("days");
        Assert.True(days[0].GetProperty("carriedToNextDay").GetInt32() > 0, "the district is short of volunteers");
        Assert.True(days[0].GetProperty("lateHouseholds").GetInt32() >= days[0].GetProperty("carriedToNextDay").GetInt32());
        Assert.True(days[1].GetProperty("maxLatenessSeconds").GetInt32() >= 86_400);
        Assert.Equal(4, days[0].GetProperty("gates").GetArrayLength());
        Assert.Equal(3, days[0].GetProperty("communities").GetArrayLength());

        string explanation = root.GetProperty("explanation").GetString()!;
        Assert.StartsWith("Volunteers bound on", explanation);
        Assert.Contains("averages every gate", explanation);
        string worstGate = root.GetProperty("gates")[0].GetProperty("id").GetString()!;
        Assert.Contains(worstGate, explanation);

        string gatesCsv = File.ReadAllText(Path.Combine(Report, "gates.csv"));
        Assert.StartsWith("day,gate,community,households_ordering,served,served_on_time,late,waiting,", gatesCsv);
        Assert.Equal(1 + (2 * 4), gatesCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.StartsWith("day,community,risk_level,", File.ReadAllText(Path.Combine(Report, "communities.csv")));

        string html = File.ReadAllText(Path.Combine(Report, "index.html"));
        Assert.Contains("<h2>Gates</h2>", html);
        Assert.Contains("<h2>Communities</h2>", html);
        Assert.Contains(worstGate, html);
        foreach (string chart in new[] { "served.png", "lateness.png", "utilisation.png", "communities.png" })
        {
            Assert.True(new FileInfo(Path.Combine(Report, chart)).Length > 10_000, chart);
            Assert.Contains($"src=\"{chart}\"", html);
        }
    }
}
