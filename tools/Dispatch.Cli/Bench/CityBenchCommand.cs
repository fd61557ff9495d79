using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dispatch.Cli.Commands;
using Dispatch.Simulation.Scenarios;

namespace Dispatch.Cli.Bench;

/// <summary>
/// <c>dispatch bench city</c>: a city on a cluster of silo processes on this machine, through their gRPC endpoints
/// only: ingest across silos, plan time per district and for the city, volunteer streams and memory per silo, gate
/// re-plans and their fan-out. Exit 1 when an acknowledged order is missing from its district's plan, a stream never
/// got its route, a report or a fan-out message went missing, or a silo was lost.
/// </summary>
public static class CityBenchCommand
{
    private const int MaxSilos = 3;
    private const int MaxStreams = 200_000;

    public static Command Create()
    {
        var districts = new Option<int?>("--districts") { Description = "Districts of the generated city (default 16; with --city, the city's own)" };
        var silos = new Option<int>("--silos") { Description = $"Silo processes, 1 to {MaxSilos}", DefaultValueFactory = _ => 3 };
        var households = new Option<int>("--households") { Description = "Households per generated district (6,000 plans in seconds)", DefaultValueFactory = _ => 6_000 };
        var streams = new Option<int>("--streams") { Description = "Volunteer streams in all, spread over the silos and the city's volunteers", DefaultValueFactory = _ => 50_000 };
        var reports = new Option<int>("--reports") { Description = "Failed deliveries reported per district, one after another (each re-plans a gate)", DefaultValueFactory = _ => 20 };
        var seed = new Option<int>("--seed") { Description = "Seed of the city, its orders and the order of reports", DefaultValueFactory = _ => 1 };
        var storage = new Option<string>("--district-storage") { Description = "Where districts keep orders and plans: postgres (schemas) or sqlite (files shared by the silos)", DefaultValueFactory = _ => "postgres" };
        storage.AcceptOnlyFromAmong("postgres", "sqlite");
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL connection string to run on (a fresh database is made and dropped); default: a private instance in a temporary folder" };
        var city = new Option<DirectoryInfo?>("--city") { Description = "City folder (city.json) to run instead of a generated one; its day-1 orders are generated with --seed" };
        var quick = new Option<bool>("--quick-search") { Description = "Silos plan with first solutions and short searches (Planning:QuickSearch)" };
        var output = new Option<FileInfo?>("--out") { Description = "JSON file for the figures" };
        var command = new Command("city", "A city on a cluster of silos on this machine: ingest, plan per district and city, streams and memory per silo, gate re-plans and fan-out")
        {
            districts, silos, households, streams, reports, seed, storage, postgres, city, quick, output,
        };
        command.SetAction((parse, ct) => RunAsync(
            new CityBenchOptions(
                parse.GetValue(districts), parse.GetValue(silos), parse.GetValue(households), parse.GetValue(streams), parse.GetValue(reports), parse.GetValue(seed),
                parse.GetValue(storage) == "postgres", parse.GetValue(postgres), parse.GetValue(city)?.FullName, parse.GetValue(quick), parse.GetValue(output)?.FullName),
            ct));
        return command;
    }

    private static async Task<int> RunAsync(CityBenchOptions options, CancellationToken cancellationToken)
    {
        if (options.Silos is < 1 or > MaxSilos || options.Households < 1 || options.Streams is < 1 or > MaxStreams || options.Reports < 0
            || options.Districts is < 1 or > CityGeneratorOptions.MaxDistricts)
        {
            return Exit.WithBadInput($"--silos 1..{MaxSilos}, --districts 1..{CityGeneratorOptions.MaxDistricts}, --households positive, --streams 1..{MaxStreams:N0}, --reports 0 or more");
        }

        if (options.CityFolder is not null && options.Districts is not null)
        {
            return Exit.WithBadInput("--districts sizes a generated city; with --city the city has its own districts");
        }

        double? loadAtStart = LoadAverage();
        string runFolder = Path.Combine(Path.GetTempPath(), $"dispatch-citybench-{Guid.NewGuid():N}"[..28]);
        Directory.CreateDirectory(runFolder);
        bool keepFolder = true;
        try
        {
            var figures = await RunInFolderAsync(options, runFolder, loadAtStart, cancellationToken);
            CityBenchReport.Write(figures);
            if (options.Output is { } file)
            {
                CityBenchReport.WriteJson(figures, file);
                CityBenchProgress.Line($"figures written to {file}");
            }

            keepFolder = !figures.Complete;
            return figures.Complete ? Exit.Ok : Exit.Failed;
        }
        finally
        {
            if (keepFolder)
            {
                await Console.Error.WriteLineAsync($"dispatch: the run's folder (silo logs, city) is kept: {runFolder}");
            }
            else
            {
                Directory.Delete(runFolder, recursive: true);
            }
        }
    }

    private static async Task<CityBenchFigures> RunInFolderAsync(CityBenchOptions options, string runFolder, double? loadAtStart, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string cityFolder = options.CityFolder ?? Path.Combine(runFolder, "citybench");
        var workload = options.CityFolder is null
            ? CityWorkload.Generate(cityFolder, options.Districts ?? 16, options.Households, options.Seed)
            : CityWorkload.Load(cityFolder, options.Seed);
        var volunteerIds = workload.ScopedVolunteerIds();
        int households = workload.City.Districts.Sum(d => d.Scenario.Households.Count);
        CityBenchProgress.Line(
            $"city {workload.City.City.Id}: {workload.City.Districts.Count} districts, {households:N0} households, {volunteerIds.Count:N0} volunteers, "
            + $"{workload.TotalOrders:N0} day-1 orders (seed {options.Seed}) in {clock.Elapsed.TotalSeconds:F1} s");
        if (volunteerIds.Count == 0)
        {
            throw new CommandFailedException("the city has no volunteers to stream routes to", Exit.BadInput);
        }

        var problems = new List<string>();
        await using var cluster = await CityBenchCluster.StartAsync(
            runFolder, cityFolder, options.Silos, options.Postgres, options.DistrictsOnPostgres, options.QuickSearch, workload.City.Districts.Count, cancellationToken);
        var silos = cluster.Invokers;

        var (activatedSeconds, activationProblems) = await CityPlanning.ActivateAsync(workload, silos, cancellationToken);
        problems.AddRange(activationProblems);
        var (ingest, acknowledged, ingestProblems) = await CityIngest.PushAsync(workload, silos, cancellationToken);
        problems.AddRange(ingestProblems);
        var (planning, planProblems) = await CityPlanning.PlanAsync(workload, acknowledged, silos, cancellationToken);
        problems.AddRange(planProblems);

        long[] before = cluster.Silos.Select(s => s.ResidentBytes()).ToArray();
        CityBenchProgress.Line($"opening {options.Streams:N0} volunteer streams over {silos.Count} silos");
        var opening = Stopwatch.StartNew();
        await using var streams = CityStreams.Open(volunteerIds, options.Streams, silos, cancellationToken);
        bool open = await streams.WaitOpenAsync(TimeSpan.FromSeconds(120 + (options.Streams / 100)), TimeSpan.FromSeconds(10), cancellationToken);
        double openSeconds = opening.Elapsed.TotalSeconds;
        long[] after = cluster.Silos.Select(s => s.ResidentBytes()).ToArray();
        var firstRoutes = streams.FirstRouteMs();
        var streamFigures = new CityStreamFigures(
            options.Streams,
            streams.GotRoute,
            Math.Min(options.Streams, volunteerIds.Count),
            Math.Round(openSeconds, 2),
            CityBenchReport.Percentile(firstRoutes, 0.5),
            CityBenchReport.Percentile(firstRoutes, 0.99),
            cluster.Silos.Select((s, i) => new SiloMemoryFigures(
                s.Number,
                streams.PerSilo[i],
                Math.Round(before[i] / 1_048_576.0, 1),
                Math.Round(after[i] / 1_048_576.0, 1),
                streams.PerSilo[i] > 0 ? Math.Round((after[i] - before[i]) / 1024.0 / streams.PerSilo[i], 1) : null)).ToList());
        CityBenchProgress.Line($"streams: {streams.GotRoute:N0} of {options.Streams:N0} got their route in {openSeconds:F1} s{(open ? "" : " (gave up waiting)")}");
        if (streams.GotRoute < options.Streams)
        {
            var failures = streams.Failures();
            problems.Add($"{options.Streams - streams.GotRoute:N0} of {options.Streams:N0} streams never got their route"
                + (failures.Count > 0 ? $"; {failures.Count:N0} ended early, the first: {failures[0]}" : ""));
        }

        var (replans, replanProblems) = await CityReplans.MeasureAsync(streams, options.Reports, options.Seed, silos, cancellationToken);
        problems.AddRange(replanProblems);
        if (options.Reports > 0 && replans.Answered == 0)
        {
            problems.Add("no failed delivery could be reported: no stream's route had a planned door");
        }

        var lateFailures = streams.Failures();
        if (lateFailures.Count > 0)
        {
            problems.Add($"{lateFailures.Count:N0} streams ended before the bench closed them; the first: {lateFailures[0]}");
        }

        problems.AddRange(cluster.Lost());
        var setup = new CitySetupFigures(
            workload.City.City.Id,
            workload.City.Districts.Count,
            options.Silos,
            options.CityFolder is null ? options.Households : null,
            households,
            volunteerIds.Count,
            options.Seed,
            options.DistrictsOnPostgres ? "postgres" : "sqlite",
            options.QuickSearch,
            Environment.ProcessorCount,
            loadAtStart,
            LoadAverage(),
            Math.Round(cluster.StartSeconds, 2),
            Math.Round(activatedSeconds, 2));
        return new CityBenchFigures(setup, ingest, planning, streamFigures, replans, problems);
    }

    /// <summary>Linux's 1-minute load average (/proc/loadavg), so the figures say how busy the machine was; null elsewhere.</summary>
    private static double? LoadAverage()
    {
        try
        {
            string first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private sealed record CityBenchOptions(
        int? Districts, int Silos, int Households, int Streams, int Reports, int Seed, bool DistrictsOnPostgres, string? Postgres, string? CityFolder, bool QuickSearch, string? Output);
}
