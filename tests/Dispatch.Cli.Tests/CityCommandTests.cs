using System.Text.Json;
using Dispatch.Cli.Tests.Infrastructure;

namespace Dispatch.Cli.Tests;

/// <summary>
/// A city from the command line: generated (reproducibly), its day of orders written per district, simulated with a
/// move of trucks between districts; and the bad inputs a planner may type, each refused in one line.
/// </summary>
public sealed class CityCommandTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dispatch-cli-tests", Guid.NewGuid().ToString("N"));

    private string City => Path.Combine(_folder, "tiny");

    private static readonly string[] s_tinyDistrict =
    [
        "--households", "400", "--communities", "3", "--gates", "4", "--trucks", "4", "--high-risk-communities", "1", "--low-risk-communities", "1",
    ];

    private static Task<CliResult> Generate(string folder, string seed) =>
        DispatchCli.RunAsync(["scenario", "generate", "--city", "2", "--seed", seed, "--out", folder, .. s_tinyDistrict]);

    public async Task InitializeAsync()
    {
        var generated = await Generate(City, "4");
        Assert.True(generated.ExitCode == 0, generated.ToString());
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private static Dictionary<string, byte[]> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);

    [Fact]
    public async Task Generated_city_is_the_same_for_the_same_seed_and_names_its_districts_after_the_folder()
    {
        string again = Path.Combine(_folder, "again", "tiny");

        var result = await Generate(again, "4");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("tiny-d01: ", result.Stdout);
        Assert.Contains("city tiny, 2 districts, 800 households, seed 4", result.Stdout);
        var first = Files(City);
        var second = Files(again);
        Assert.Equal(5, first.Count);
        Assert.All(first, f => Assert.Equal(f.Value, second[f.Key]));
    }

    [Fact]
    public async Task Orders_are_written_per_district_each_with_its_own_grids()
    {
        var result = await DispatchCli.RunAsync("orders", "generate", "--city", City, "--day", "2", "--seed", "3", "--out", Path.Combine(_folder, "orders"));

        Assert.True(result.ExitCode == 0, result.ToString());
        string first = File.ReadAllText(Path.Combine(_folder, "orders", "tiny-d01", "orders-day2.csv"));
        string second = File.ReadAllText(Path.Combine(_folder, "orders", "tiny-d02", "orders-day2.csv"));
        Assert.Contains(",d01-G01-1,", first);
        Assert.DoesNotContain(",d02-G", first);
        Assert.Contains(",d02-G01-1,", second);
        Assert.Contains("d01-SM", first);
    }

    [Fact]
    public async Task City_simulation_with_trucks_moved_reports_each_district_before_and_after_and_writes_the_report_folder()
    {
        string report = Path.Combine(_folder, "report");

        var result = await DispatchCli.RunAsync("simulate", "--city", City, "--days", "1", "--out", report, "--move-trucks", "tiny-d01:tiny-d02:2", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var districts = json.RootElement.GetProperty("districts");
        Assert.Equal(2, districts.GetArrayLength());
        Assert.Equal("tiny-d01", districts[0].GetProperty("id").GetString());
        Assert.Equal(4, districts[0].GetProperty("before").GetProperty("resources").GetProperty("trucks").GetInt32());
        Assert.Equal(2, districts[0].GetProperty("after").GetProperty("resources").GetProperty("trucks").GetInt32());
        Assert.Equal(6, districts[1].GetProperty("after").GetProperty("resources").GetProperty("trucks").GetInt32());
        long ordering = districts.EnumerateArray().Sum(d => d.GetProperty("before").GetProperty("householdsOrdering").GetInt64());
        Assert.True(ordering > 0);
        Assert.Equal(ordering, json.RootElement.GetProperty("totals").GetProperty("householdsOrdering").GetInt64());
        foreach (var d in districts.EnumerateArray())
        {
            var before = d.GetProperty("before");
            Assert.Equal(before.GetProperty("householdsOrdering").GetInt64() - before.GetProperty("servedOnTime").GetInt64(), before.GetProperty("shortfall").GetInt64());
        }

        Assert.StartsWith("2 districts: ", json.RootElement.GetProperty("verdictAfterMoves").GetString());
        Assert.Equal(result.Stdout.Trim(), File.ReadAllText(Path.Combine(report, "city-summary.json")).Trim(), ignoreLineEndingDifferences: true);
        var csv = File.ReadAllLines(Path.Combine(report, "districts.csv"));
        Assert.Equal(1 + 4 + 2, csv.Length);
        Assert.StartsWith("tiny-d01,", csv[1]);
        Assert.StartsWith("city,,after moves,", csv[^1]);
        Assert.True(File.Exists(Path.Combine(report, "tiny-d01", "simulation.json")));
        Assert.True(File.Exists(Path.Combine(report, "tiny-d02", "after-moves", "index.html")));
        Assert.Contains("tiny-d02/after-moves/index.html", File.ReadAllText(Path.Combine(report, "index.html")));
    }

    [Theory]
    [InlineData("tiny-d01:tiny-d09:1", "dispatch: --move-trucks #1: 'tiny-d01:tiny-d09:1': no district 'tiny-d09' in the city")]
    [InlineData("tiny-d01:tiny-d02:4", "dispatch: --move-trucks #1: 'tiny-d01:tiny-d02:4': district tiny-d01 has 4 trucks; it can give at most 3 (one stays)")]
    [InlineData("tiny-d01:tiny-d02", "dispatch: --move-trucks #1: 'tiny-d01:tiny-d02': expected FROM:TO:N")]
    public async Task Truck_move_a_district_cannot_make_is_refused_before_planning(string move, string expected)
    {
        var result = await DispatchCli.RunAsync("simulate", "--city", City, "--days", "1", "--out", Path.Combine(_folder, "r"), "--move-trucks", move);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(expected, Assert.Single(result.StderrLines));
        Assert.False(Directory.Exists(Path.Combine(_folder, "r")));
    }

    [Fact]
    public async Task Missing_district_folder_and_missing_city_are_named()
    {
        Directory.Delete(Path.Combine(City, "tiny-d02"), recursive: true);

        var broken = await DispatchCli.RunAsync("simulate", "--city", City, "--days", "1");
        var missing = await DispatchCli.RunAsync("orders", "generate", "--city", Path.Combine(_folder, "nowhere"), "--day", "1");

        Assert.Equal(2, broken.ExitCode);
        Assert.EndsWith("city.json:0: district tiny-d02: folder 'tiny-d02' not found", Assert.Single(broken.StderrLines));
        Assert.Equal(2, missing.ExitCode);
        Assert.EndsWith("nowhere' not found", Assert.Single(missing.StderrLines));
    }

    [Fact]
    public async Task Moves_without_a_city_and_a_city_with_a_sweep_are_refused()
    {
        var moves = await DispatchCli.RunAsync("simulate", "--days", "1", "--move-stock", "a:b:10%");
        var sweep = await DispatchCli.RunAsync("simulate", "--city", City, "--days", "1", "--sweep", "trucks=1,2");

        Assert.Equal(2, moves.ExitCode);
        Assert.Contains("they go with --city DIR", moves.Stderr);
        Assert.Equal(2, sweep.ExitCode);
        Assert.StartsWith("dispatch: --sweep runs one district", sweep.Stderr);
    }
}
