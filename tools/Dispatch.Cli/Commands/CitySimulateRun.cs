using System.Diagnostics;
using System.Text.Json;
using Dispatch.Cli.Planning;
using Dispatch.Cli.Simulation;
using Dispatch.Domain.Cities;
using Dispatch.Domain.Geography;
using Dispatch.Domain.Scenarios;
using Dispatch.Simulation.Cities;
using Dispatch.Simulation.WhatIf;

namespace Dispatch.Cli.Commands;

/// <summary>
/// <c>dispatch simulate --city DIR</c>: every district's simulation, several at once, with moves of trucks or stock
/// between districts reported before and after; a table per district, the city's total, and a report folder.
/// </summary>
internal static class CitySimulateRun
{
    public static int Run(
        string cityPath, int days, int seed, string output, string[] sets, string[] whatIfFiles, CityMoveTexts moveTexts, int probeEvery, bool noScenarioWhatIf, bool json, CancellationToken ct)
    {
        if (SimulateCommand.DaysAndProbesProblem(days, probeEvery) is { } badOption)
        {
            return Exit.WithBadInput(badOption);
        }

        string? folder = ScenarioLocator.Find(cityPath);
        if (folder is null)
        {
            return Exit.WithBadInput($"city folder '{cityPath}' not found");
        }

        LoadedCity city;
        var overrides = new Dictionary<DistrictId, IReadOnlyList<ScenarioOverride>>();
        var overrideTexts = new Dictionary<DistrictId, IReadOnlyList<string>>();
        var moves = new List<DistrictMove>();
        try
        {
            city = CityFiles.Load(folder);
            foreach (var district in city.Districts)
            {
                var read = OverrideInputs.Read(SimulateCommand.ScenarioEvents(district.Folder, noScenarioWhatIf).Concat(whatIfFiles), sets);
                for (int i = 0; i < read.Overrides.Count; i++)
                {
                    if (WhatIfScenario.Problems(district.Scenario, [read.Overrides[i]]) is [var problem, ..])
                    {
                        return Exit.WithBadInput($"district {district.District.Id}: {read.Wheres[i]}: {problem}");
                    }
                }

                overrides[district.District.Id] = read.Overrides;
                overrideTexts[district.District.Id] = read.Texts;
            }

            moves.AddRange(moveTexts.Trucks.Select((t, i) => DistrictMoveParser.ParseTrucks(t, $"--move-trucks #{i + 1}")));
            moves.AddRange(moveTexts.Stock.Select((t, i) => DistrictMoveParser.ParseStock(t, $"--move-stock #{i + 1}")));
        }
        catch (Exception e) when (e is ScenarioFormatException or OverrideFormatException or IOException)
        {
            return Exit.WithBadInput(e.Message);
        }

        try
        {
            // Checked before any planning, so a move a district cannot make is told at once.
            DistrictMoves.Apply(city.Districts.ToDictionary(d => d.District.Id, d => d.Scenario), moves);
        }
        catch (ArgumentException e)
        {
            return Exit.WithBadInput(e.Message);
        }

        var options = SimulateCommand.Options(days, seed, probeEvery);
        try
        {
            foreach (var list in overrides.Values)
            {
                options.With(list).Check();
            }
        }
        catch (ArgumentException e)
        {
            return Exit.WithBadInput(e.Message);
        }

        var inputs = new CityReportFiles.CityInputs(
            city.City.Id, folder, days, seed, [.. moves.Select(m => $"{m.Where}: {m.Text}")], overrideTexts.ToDictionary(o => o.Key.Value, o => o.Value),
            "dispatch " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)));
        var stopwatch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        int parallel = Environment.ProcessorCount;
        var result = json
            ? CitySimulation.Run(city, overrides, moves, options, parallel, null, ct)
            : CityConsole.RunWithProgress(p => CitySimulation.Run(city, overrides, moves, options, parallel, p, ct), city, moves);
        CityReportFiles.Write(output, inputs, city, result);
        if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(CityReportFiles.Document(inputs, result), PlanRunner.Json));
        }
        else
        {
            CityConsole.WriteDistricts(result);
        }

        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        (json ? Console.Error : Console.Out).WriteLine(
            $"report written to {Path.GetFullPath(output)} (index.html, {CityReportFiles.SummaryJson}, one folder per district); {stopwatch.Elapsed.TotalSeconds:F1} s wall, {used.TotalSeconds:F1} s CPU");
        return Exit.Ok;
    }
}
