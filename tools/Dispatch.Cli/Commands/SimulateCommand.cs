using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Dispatch.Cli.Planning;
using Dispatch.Cli.Simulation;
using Dispatch.Domain.Scenarios;
using Dispatch.Simulation.Days;
using Dispatch.Simulation.WhatIf;
using Spectre.Console;

namespace Dispatch.Cli.Commands;

/// <summary>
/// <c>dispatch simulate</c>: plans a scenario day after day in-process, with what-if overrides or a sweep, and writes a
/// report folder (index.html, CSV, JSON, PNG charts).
/// </summary>
public static class SimulateCommand
{
    /// <summary>Read from the scenario folder when present: the scenario's own scheduled events (risk changes).</summary>
    public const string ScenarioWhatIfFile = "what-if.txt";

    public static Command Create()
    {
        var scenario = new Option<string>("--scenario") { Description = "Scenario folder", DefaultValueFactory = _ => "seeds/jining-high-tech" };
        var days = new Option<int>("--days") { Description = "Days to simulate", DefaultValueFactory = _ => 14 };
        var seed = new Option<int>("--seed") { Description = "Seed of demand, illness, stock swings and failures", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Report folder", DefaultValueFactory = _ => "simulation-report" };
        var set = new Option<string[]>("--set") { Description = $"What-if override key=value (repeatable); keys: {OverrideParser.KnownKeys}", AllowMultipleArgumentsPerToken = false };
        var whatIf = new Option<string[]>("--what-if") { Description = "What-if file: one key=value a line, # comments (repeatable; applied before --set)" };
        var sweep = new Option<string?>("--sweep") { Description = "Sweep one key: key=from..to:step or key=v1,v2,... (runs in parallel)" };
        var probeEvery = new Option<int>("--probe-every")
        {
            Description = "Measure the bottleneck by re-planning with each resource doubled on day 1 and every N days after (1: every day; "
                + "each probed day costs six more plans). 0 (default): every day's bottleneck is attributed from why households were not served",
            DefaultValueFactory = _ => 0,
        };
        var noScenarioWhatIf = new Option<bool>("--no-scenario-events") { Description = $"Ignore the scenario folder's {ScenarioWhatIfFile}" };
        var city = new Option<string?>("--city")
        {
            Description = "City folder (city.json): simulate every district, several at once, each with its own seed derived from --seed; "
                + "--set and --what-if apply to every district",
        };
        var moveTrucks = new Option<string[]>("--move-trucks") { Description = "With --city: FROM:TO:N moves N trucks from district FROM to district TO (repeatable); reports before and after" };
        var moveStock = new Option<string[]>("--move-stock")
        {
            Description = "With --city: FROM:TO:20% moves that share of FROM's daily stock of every kind to TO; FROM:TO:AMOUNT:KIND one kind (500 bundles, 2t, 20%) (repeatable)",
        };
        var json = JsonOutput.Create();
        var command = new Command("simulate", "Plan a scenario (or every district of a city) day after day: demand, stock, crews, risk changes, failures; per-day table, verdict, report folder")
        {
            scenario, days, seed, output, set, whatIf, sweep, probeEvery, noScenarioWhatIf, city, moveTrucks, moveStock, json,
        };
        command.SetAction((parse, ct) =>
        {
            var moves = new CityMoveTexts(parse.GetValue(moveTrucks) ?? [], parse.GetValue(moveStock) ?? []);
            if (parse.GetValue(city) is { } cityFolder)
            {
                if (parse.GetResult(scenario) is { Implicit: false })
                {
                    return Task.FromResult(Exit.WithBadInput("give --scenario (one district) or --city (every district of a city), not both"));
                }

                if (parse.GetValue(sweep) is not null)
                {
                    return Task.FromResult(Exit.WithBadInput("--sweep runs one district; with --city, compare runs with --set or --move-trucks / --move-stock"));
                }

                return Task.FromResult(CitySimulateRun.Run(
                    cityFolder, parse.GetValue(days), parse.GetValue(seed), parse.GetValue(output)!, parse.GetValue(set) ?? [], parse.GetValue(whatIf) ?? [],
                    moves, parse.GetValue(probeEvery), parse.GetValue(noScenarioWhatIf), parse.GetValue(json), ct));
            }

            if (moves.Trucks.Count + moves.Stock.Count > 0)
            {
                return Task.FromResult(Exit.WithBadInput("--move-trucks and --move-stock move resources between the districts of a city: they go with --city DIR"));
            }

            return Task.FromResult(Run(
                parse.GetValue(scenario)!, parse.GetValue(days), parse.GetValue(seed), parse.GetValue(output)!,
                parse.GetValue(set) ?? [], parse.GetValue(whatIf) ?? [], parse.GetValue(sweep), parse.GetValue(probeEvery), parse.GetValue(noScenarioWhatIf), parse.GetValue(json), ct));
        });
        return command;
    }

    /// <summary>What is wrong with <c>--days</c> or <c>--probe-every</c>, or null.</summary>
    internal static string? DaysAndProbesProblem(int days, int probeEvery) =>
        days < 1 ? $"--days must be at least 1, was {days}"
        : probeEvery < 0 ? $"--probe-every must be 0 or more, was {probeEvery}"
        : null;

    /// <summary>The simulation's options from the command line: probes only with <c>--probe-every</c>, gates planned on every core.</summary>
    internal static SimulationOptions Options(int days, int seed, int probeEvery)
    {
        var options = new SimulationOptions
        {
            Days = days,
            Seed = seed,
            Probes = probeEvery == 0 ? ProbeSchedule.Never : ProbeSchedule.WhenShort,
            ProbeEveryDays = Math.Max(1, probeEvery),
        };
        return options with { Planning = options.Planning with { ParallelGates = Environment.ProcessorCount } };
    }

    /// <summary>The scenario folder's own scheduled events, unless switched off.</summary>
    internal static IEnumerable<string> ScenarioEvents(string folder, bool noScenarioWhatIf)
    {
        string scenarioWhatIf = Path.Combine(folder, ScenarioWhatIfFile);
        return !noScenarioWhatIf && File.Exists(scenarioWhatIf) ? [scenarioWhatIf] : [];
    }

    private static int Run(
        string scenarioPath, int days, int seed, string output, string[] sets, string[] whatIfFiles, string? sweepText, int probeEvery, bool noScenarioWhatIf, bool json, CancellationToken ct)
    {
        if (DaysAndProbesProblem(days, probeEvery) is { } badOption)
        {
            return Exit.WithBadInput(badOption);
        }

        string? folder = ScenarioLocator.Find(scenarioPath);
        if (folder is null)
        {
            return Exit.WithBadInput($"scenario folder '{scenarioPath}' not found");
        }

        Scenario scenario;
        Sweep? sweep = null;
        OverrideInputs read;
        try
        {
            scenario = ScenarioFiles.Load(folder);
            read = OverrideInputs.Read(ScenarioEvents(folder, noScenarioWhatIf).Concat(whatIfFiles), sets);
            sweep = sweepText is null ? null : Sweep.Parse(sweepText);
        }
        catch (Exception e) when (e is ScenarioFormatException or OverrideFormatException or IOException)
        {
            return Exit.WithBadInput(e.Message);
        }

        var overrides = read.Overrides;
        var wheres = read.Wheres;
        var overrideTexts = read.Texts;

        for (int i = 0; i < overrides.Count; i++)
        {
            if (WhatIfScenario.Problems(scenario, [overrides[i]]) is [var problem, ..])
            {
                return Exit.WithBadInput($"{wheres[i]}: {problem}");
            }
        }

        if (sweep is not null && WhatIfScenario.Problems(scenario, [sweep.Overrides[0]]) is [var sweepProblem, ..])
        {
            return Exit.WithBadInput($"--sweep: {sweepProblem}");
        }

        var options = Options(days, seed, probeEvery);
        try
        {
            options.With(overrides).Check();
        }
        catch (ArgumentException e)
        {
            return Exit.WithBadInput(e.Message);
        }

        var inputs = new SimulationFiles.RunInputs(folder, days, seed, overrideTexts, "dispatch " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)));
        var stopwatch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        if (sweep is null)
        {
            var result = json
                ? new DistrictSimulation().Run(scenario, overrides, options, null, ct)
                : SimulationConsole.RunWithProgress(p => new DistrictSimulation().Run(scenario, overrides, options, p, ct), days);
            SimulationFiles.WriteDays(output, inputs, result);
            if (json)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(SimulationFiles.Document(inputs, result), PlanRunner.Json));
            }
            else
            {
                SimulationConsole.WriteDays(result);
            }
        }
        else
        {
            var points = json
                ? SweepRun.Run(scenario, overrides, sweep, options, Environment.ProcessorCount, null, ct)
                : SimulationConsole.RunSweepWithProgress(p => SweepRun.Run(scenario, overrides, sweep, options, Environment.ProcessorCount, p, ct), sweep.Values.Count);
            var sweepInputs = inputs with { Overrides = [.. overrideTexts, $"sweep {sweepText}"] };
            SimulationFiles.WriteSweep(output, sweepInputs, sweep.Key, points);
            if (json)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(SimulationFiles.SweepDocument(sweepInputs, sweep.Key, points), PlanRunner.Json));
            }
            else
            {
                var table = new Table().Title($"sweep of {sweep.Key}").AddColumns("setting", "served", "on time", "main bottleneck");
                foreach (var point in points)
                {
                    table.AddRow(point.Setting, $"{point.Result.Summary.ServedShare:P1}", $"{point.Result.Summary.OnTimeShare:P1}", point.Result.Summary.MainBottleneck?.ToString() ?? "none");
                }

                AnsiConsole.Write(table);
            }
        }

        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        // With --json, stdout holds the document alone.
        (json ? Console.Error : Console.Out).WriteLine($"report written to {Path.GetFullPath(output)} (index.html); {stopwatch.Elapsed.TotalSeconds:F1} s wall, {used.TotalSeconds:F1} s CPU");
        return Exit.Ok;
    }
}
