using System.Text.Json;
using Dispatch.Cli.Tests.Infrastructure;
using Dispatch.Domain.Orders;

namespace Dispatch.Cli.Tests;

/// <summary>`dispatch plan --server` and `dispatch plan show` as a planner runs them against the live server.</summary>
public sealed class PlanOnServerTests(CliServer server) : IClassFixture<CliServer>
{
    private const int Day = 2;

    [Fact]
    public async Task Planner_plans_a_day_on_the_server_and_reads_the_plan_and_a_gate_back()
    {
        int orders = await PushDayAsync();

        var planned = await DispatchCli.RunAsync(["plan", "--server", server.HostAndPort, "--day", $"{Day}", "--no-bottleneck", "--json"], apiKey: CliServer.PlannerKey);

        Assert.True(planned.ExitCode == 0, planned.ToString());
        using var plan = JsonDocument.Parse(planned.Stdout);
        Assert.Equal(orders, plan.RootElement.GetProperty("kpis").GetProperty("orders").GetInt32());
        int version = plan.RootElement.GetProperty("version").GetInt32();
        Assert.True(version >= 1);

        var shown = await DispatchCli.RunAsync(["plan", "show", "--server", server.Address, "--day", $"{Day}"], apiKey: CliServer.PlannerKey);
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Contains($"plan v{version}", shown.Stdout);
        Assert.Contains("households served", shown.Stdout);
        string gateId = plan.RootElement.GetProperty("gates")[0].GetProperty("gateId").GetString()!;
        Assert.Contains(gateId, shown.Stdout);

        var gate = await DispatchCli.RunAsync(["plan", "show", "--server", server.Address, "--day", $"{Day}", "--gate", gateId, "--json"], apiKey: CliServer.PlannerKey);
        Assert.True(gate.ExitCode == 0, gate.ToString());
        using var gatePlan = JsonDocument.Parse(gate.Stdout);
        Assert.Equal(gateId, gatePlan.RootElement.GetProperty("gateId").GetString());
        Assert.True(gatePlan.RootElement.GetProperty("orders").GetArrayLength() > 0);

        var gateTables = await DispatchCli.RunAsync(["plan", "show", "--server", server.Address, "--day", $"{Day}", "--gate", gateId], apiKey: CliServer.PlannerKey);
        Assert.True(gateTables.ExitCode == 0, gateTables.ToString());
        Assert.Contains("disinfection cycles", gateTables.Stdout);
    }

    [Fact]
    public async Task Planning_streams_stage_progress_to_the_terminal()
    {
        await PushDayAsync();

        var planned = await DispatchCli.RunAsync(["plan", "--server", server.Address, "--day", $"{Day}", "--no-bottleneck"], apiKey: CliServer.PlannerKey);

        Assert.True(planned.ExitCode == 0, planned.ToString());
        Assert.Contains("planning: ", planned.Stdout);
        Assert.Contains("stored as version", planned.Stdout);
    }

    [Fact]
    public async Task A_day_without_a_plan_is_one_line_and_exit_code_2()
    {
        var result = await DispatchCli.RunAsync(["plan", "show", "--server", server.Address, "--day", "40"], apiKey: CliServer.PlannerKey);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not found", Assert.Single(result.StderrLines));
    }

    [Fact]
    public async Task A_supermarket_key_may_not_plan_and_is_told_so()
    {
        var result = await DispatchCli.RunAsync(["plan", "--server", server.Address, "--day", $"{Day}"], apiKey: CliServer.Sm1Key);

        Assert.Equal(4, result.ExitCode);
        Assert.StartsWith("dispatch: refused:", Assert.Single(result.StderrLines));
    }

    [Fact]
    public async Task In_process_options_with_server_are_bad_input()
    {
        var result = await DispatchCli.RunAsync(["plan", "--server", server.Address, "--day", $"{Day}", "--out", "x.json"], apiKey: CliServer.PlannerKey);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--out is for planning in-process", Assert.Single(result.StderrLines));
    }

    // A few grids' orders of the seed, moved to the test's day: a quick plan.
    private async Task<int> PushDayAsync()
    {
        string seed = Path.Combine(DispatchCli.SeedFolder, "orders-day1.csv");
        IReadOnlyList<OrderBatch> batches;
        using (var reader = File.OpenText(seed))
        {
            batches = OrderCsv.Read(reader, seed).Take(3).Select(b => b with { Day = Day, BatchId = $"plan-test-{b.BatchId}" }).ToList();
        }

        string file = Path.Combine(server.Folder, "plan-day.csv");
        using (var writer = File.CreateText(file))
        {
            OrderCsv.Write(writer, batches);
        }

        var pushed = await DispatchCli.RunAsync(["push", "--server", server.Address, "--file", file], apiKey: CliServer.AdminKey);
        Assert.True(pushed.ExitCode == 0, pushed.ToString());
        return batches.Sum(b => b.Orders.Count);
    }
}
