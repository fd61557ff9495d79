using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Cli.Tests.Infrastructure;

namespace Dispatch.Cli.Tests;

/// <summary>`dispatch plan` (in-process) given files a planner got wrong: each mistake is told, never a stack trace.</summary>
public sealed class PlanCommandTests : IDisposable
{
    private const string Header = "batch_id,supermarket_id,grid_id,day,order_id,household_id,meat_and_vegetable,vegetable,rice_and_flour,medicine";

    private readonly string _folder = Directory.CreateTempSubdirectory("dispatch-plan-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Bad_orders_are_reported_one_by_one_and_the_rest_is_planned_once()
    {
        string orders = WriteOrders(
            "B1,SM4,G01-1,1,O-1,H000001,0,1,0,0",
            "B1,SM4,G01-1,1,O-2,H000002,0,2,1,0",
            "B1,SM4,G01-1,1,O-neg,H000003,-3,1,0,0",
            "B1,SM4,G01-1,1,O-big,H000004,200,1,0,0",
            "B2,SM4,G01-1,1,O-1,H000005,1,0,0,0");
        string output = Path.Combine(_folder, "plan.json");

        var result = await DispatchCli.RunAsync(["plan", "--orders", orders, "--out", output, "--no-bottleneck"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("3 order(s) or batch(es)", result.Stderr);
        Assert.Contains("order 'O-neg': orders[2].lines[0].quantity: quantity must be positive, was -3", result.Stderr);
        Assert.Contains("order 'O-big': orders[3].lines[0].quantity: quantity must be at most 20, was 200", result.Stderr);
        Assert.Contains("batch 'B2', order 'O-1'", result.Stderr);
        Assert.Contains("already used in batch 'B1'", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);

        using var plan = JsonDocument.Parse(File.ReadAllText(output));
        var planned = plan.RootElement.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("orderId").GetString()).ToList();
        Assert.Equal(["SM4/O-1", "SM4/O-2"], planned.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_out_file_in_a_missing_folder_is_refused_before_planning()
    {
        string orders = WriteOrders("B1,SM4,G01-1,1,O-1,H000001,0,1,0,0");

        var result = await DispatchCli.RunAsync(["plan", "--orders", orders, "--out", Path.Combine(_folder, "missing", "plan.json")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not exist", Assert.Single(result.StderrLines));
        Assert.DoesNotContain("trucks", result.Stdout);
    }

    [Fact]
    public async Task A_day_that_no_batch_is_for_is_refused_naming_the_days_the_file_holds()
    {
        string orders = WriteOrders("B1,SM4,G01-1,1,O-1,H000001,0,1,0,0");

        var result = await DispatchCli.RunAsync(["plan", "--orders", orders, "--day", "2", "--out", Path.Combine(_folder, "plan.json")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is for day 2 (days in it: 1)", Assert.Single(result.StderrLines));
        Assert.False(File.Exists(Path.Combine(_folder, "plan.json")));
    }

    [Fact]
    public async Task A_scenario_resting_goods_under_30_minutes_is_refused_unless_the_override_is_given()
    {
        string scenario = Path.Combine(_folder, "short-rest");
        Directory.CreateDirectory(scenario);
        File.Copy(Path.Combine(DispatchCli.SeedFolder, "households.csv"), Path.Combine(scenario, "households.csv"));
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(DispatchCli.SeedFolder, "scenario.json")))!;
        json["gates"]![0]!["disinfection"]!["restSeconds"] = 600;
        File.WriteAllText(Path.Combine(scenario, "scenario.json"), json.ToJsonString());
        string orders = WriteOrders("B1,SM4,G01-1,1,O-1,H000001,0,1,0,0");
        string output = Path.Combine(_folder, "plan.json");

        var refused = await DispatchCli.RunAsync(["plan", "--scenario", scenario, "--orders", orders, "--out", output, "--no-bottleneck"]);
        var allowed = await DispatchCli.RunAsync(["plan", "--scenario", scenario, "--orders", orders, "--out", output, "--no-bottleneck", "--allow-short-rest"]);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("600 s", Assert.Single(refused.StderrLines));
        Assert.Contains("--allow-short-rest", refused.Stderr);
        Assert.True(allowed.ExitCode == 0, allowed.ToString());
        Assert.True(File.Exists(output));
    }

    private string WriteOrders(params string[] rows)
    {
        string file = Path.Combine(_folder, "orders.csv");
        File.WriteAllLines(file, [Header, .. rows]);
        return file;
    }
}
