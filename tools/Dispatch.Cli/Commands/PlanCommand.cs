using System.CommandLine;
using System.Text.Json;
using Dispatch.Cli.Planning;
using Dispatch.Domain.Orders;
using Dispatch.Domain.Scenarios;
using Dispatch.Planning.District;

namespace Dispatch.Cli.Commands;

/// <summary><c>dispatch plan</c>: plans one district day in-process (no server) and writes the Plan as JSON.</summary>
public static class PlanCommand
{
    public static Command Create()
    {
        var scenario = new Option<string>("--scenario") { Description = "Scenario folder", DefaultValueFactory = _ => "seeds/jining-high-tech" };
        var day = new Option<int>("--day") { Description = "Plan day, 1-based", DefaultValueFactory = _ => 1 };
        var orders = new Option<string?>("--orders") { Description = "Orders CSV (default: the day's orders generated from the scenario with --seed)" };
        var seed = new Option<int>("--seed") { Description = "Seed of generated orders", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Plan JSON to write", DefaultValueFactory = _ => "plan-day{day}.json" };
        var noProbe = new Option<bool>("--no-bottleneck") { Description = "Skip the bottleneck probes (faster)" };
        var command = new Command("plan", "Plan a district day in-process: trucks, gate cycles, door routes, pickup slots, KPIs, bottleneck") { scenario, day, orders, seed, output, noProbe };
        command.SetAction((parse, ct) =>
        {
            int planDay = parse.GetValue(day);
            if (planDay < 1 || planDay > IntakeLimits.Default.MaxDay)
            {
                return Task.FromResult(Exit.WithBadInput($"--day must be between 1 and {IntakeLimits.Default.MaxDay}, was {planDay}"));
            }

            string? folder = ScenarioLocator.Find(parse.GetValue(scenario)!);
            if (folder is null)
            {
                return Task.FromResult(Exit.WithBadInput($"scenario folder '{parse.GetValue(scenario)}' not found"));
            }

            Scenario loaded;
            IReadOnlyList<Order> dayOrders;
            try
            {
                loaded = ScenarioFiles.Load(folder);
                dayOrders = PlanRunner.LoadOrders(loaded, planDay, parse.GetValue(orders), parse.GetValue(seed));
            }
            catch (Exception e) when (e is ScenarioFormatException or OrderFileFormatException or FileNotFoundException)
            {
                return Task.FromResult(Exit.WithBadInput(e.Message));
            }

            var settings = PlanningSettings.Default with { ProbeBottleneck = !parse.GetValue(noProbe), ParallelGates = Environment.ProcessorCount };
            var plan = PlanRunner.RunWithProgress(new DistrictPlanner(), new PlanningInput(loaded, planDay, dayOrders, settings), ct);
            PlanRunner.WriteSummary(plan);

            string file = parse.GetValue(output)!.Replace("{day}", planDay.ToString(), StringComparison.Ordinal);
            using (var stream = File.Create(file))
            {
                JsonSerializer.Serialize(stream, plan, PlanRunner.Json);
            }

            Console.WriteLine($"plan written to {Path.GetFullPath(file)}");
            return Task.FromResult(Exit.Ok);
        });
        return command;
    }
}
