using System.CommandLine;
using System.Text.Json;
using Dispatch.Cli.Planning;
using Dispatch.Domain.Geography;
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
        var allowShortRest = new Option<bool>("--allow-short-rest") { Description = "Plan a scenario whose rest after disinfection is under the 30 minutes the rules require (a what-if, not a plan to carry out)" };
        var command = new Command("plan", "Plan a district day in-process: trucks, gate cycles, door routes, pickup slots, KPIs, bottleneck") { scenario, day, orders, seed, output, noProbe, allowShortRest };
        command.SetAction((parse, ct) => Task.FromResult(Run(parse, scenario, day, orders, seed, output, noProbe, allowShortRest, ct)));
        return command;
    }

    private static int Run(
        ParseResult parse, Option<string> scenario, Option<int> day, Option<string?> orders, Option<int> seed, Option<string> output,
        Option<bool> noProbe, Option<bool> allowShortRest, CancellationToken ct)
    {
        int planDay = parse.GetValue(day);
        if (planDay < 1 || planDay > IntakeLimits.Default.MaxDay)
        {
            return Exit.WithBadInput($"--day must be between 1 and {IntakeLimits.Default.MaxDay}, was {planDay}");
        }

        string? folder = ScenarioLocator.Find(parse.GetValue(scenario)!);
        if (folder is null)
        {
            return Exit.WithBadInput($"scenario folder '{parse.GetValue(scenario)}' not found");
        }

        // Checked before planning: a big day takes a while, and its plan must not be lost to a typo in the path.
        string file = Path.GetFullPath(parse.GetValue(output)!.Replace("{day}", planDay.ToString(), StringComparison.Ordinal));
        if (Path.GetDirectoryName(file) is { } outFolder && !Directory.Exists(outFolder))
        {
            return Exit.WithBadInput($"--out: folder '{outFolder}' does not exist");
        }

        if (Directory.Exists(file))
        {
            return Exit.WithBadInput($"--out: '{file}' is a folder; give a file name");
        }

        Scenario loaded;
        DayOrderIntakeResult intake;
        string? ordersFile = parse.GetValue(orders);
        try
        {
            loaded = ScenarioFiles.Load(folder);
            intake = PlanRunner.LoadOrders(loaded, planDay, ordersFile, parse.GetValue(seed));
        }
        catch (Exception e) when (e is ScenarioFormatException or OrderFileFormatException or FileNotFoundException or DirectoryNotFoundException)
        {
            return Exit.WithBadInput(e.Message);
        }

        var shortRest = loaded.Gates.Where(g => g.Disinfection.RestSeconds < DisinfectionZone.DefaultRestSeconds).ToList();
        if (shortRest.Count > 0 && !parse.GetValue(allowShortRest))
        {
            var first = shortRest[0];
            return Exit.WithBadInput(
                $"{shortRest.Count} gate(s) rest goods under {DisinfectionZone.DefaultRestSeconds / 60} minutes after disinfection (gate {first.Id}: "
                + $"{first.Disinfection.RestSeconds} s); the rules require 30 minutes. Fix the scenario, or pass --allow-short-rest for a what-if");
        }

        if (intake.BatchesForDay == 0)
        {
            string days = intake.DaysInFile.Count == 0 ? "none" : string.Join(", ", intake.DaysInFile);
            return Exit.WithBadInput($"no batch in {ordersFile ?? "the generated orders"} is for day {planDay} (days in it: {days}); choose the day with --day");
        }

        ReportProblems(intake, ordersFile);
        if (intake.Orders.Count == 0)
        {
            return Exit.WithBadInput($"no order of day {planDay} passed the intake rules; nothing to plan");
        }

        FileStream stream;
        try
        {
            stream = new FileStream(file, FileMode.Create, FileAccess.Write);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Exit.WithBadInput($"--out: cannot write '{file}': {e.Message}");
        }

        using (stream)
        {
            var settings = PlanningSettings.Default with { ProbeBottleneck = !parse.GetValue(noProbe), ParallelGates = Environment.ProcessorCount };
            Plan plan;
            try
            {
                plan = PlanRunner.RunWithProgress(new DistrictPlanner(), new PlanningInput(loaded, planDay, intake.Orders, settings), ct);
            }
            catch (OperationCanceledException)
            {
                stream.Dispose();
                File.Delete(file);
                throw;
            }

            PlanRunner.WriteSummary(plan);
            JsonSerializer.Serialize(stream, plan, PlanRunner.Json);
        }

        Console.WriteLine($"plan written to {file}");
        return Exit.Ok;
    }

    // Bad orders are told one by one (the first few, then a count), like intake's rejections; the rest is planned.
    private static void ReportProblems(DayOrderIntakeResult intake, string? ordersFile)
    {
        const int Shown = 20;
        if (intake.Problems.Count == 0)
        {
            return;
        }

        Console.Error.WriteLine($"dispatch: warning: {intake.Problems.Count} order(s) or batch(es) of {ordersFile ?? "the generated orders"} break the intake rules and are not planned:");
        foreach (var problem in intake.Problems.Take(Shown))
        {
            Console.Error.WriteLine($"  {problem}");
        }

        if (intake.Problems.Count > Shown)
        {
            Console.Error.WriteLine($"  ... and {intake.Problems.Count - Shown} more");
        }
    }
}
