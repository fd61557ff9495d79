using System.Globalization;
using System.Text.Json;
using Dispatch.Cli.Commands;
using Spectre.Console;

namespace Dispatch.Cli.Bench;

/// <summary>The city bench's figures as a table, one closing line a script can read, and the <c>--out</c> JSON.</summary>
public static class CityBenchReport
{
    /// <summary>A nearest-rank percentile of an ascending list, rounded to 0.1; null when the list is empty.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double share) =>
        sorted.Count == 0 ? null : Math.Round(Percentiles.Of(sorted, share), 1);

    public static void Write(CityBenchFigures figures)
    {
        var setup = figures.Setup;
        var table = new Table().AddColumns("measure", "value");
        table.AddRow("city", Markup.Escape(
            $"{setup.CityId}: {setup.Districts} districts, {setup.Households:N0} households, {setup.Volunteers:N0} volunteers; {setup.Silos} silos, "
            + $"district storage {setup.DistrictStorage}{(setup.QuickSearch ? ", quick search" : "")}; {setup.Processors} cores, load {Text(setup.LoadAverageAtStart, "F1")} -> {Text(setup.LoadAverageAtEnd, "F1")}"));
        table.AddRow("silos started, districts active", $"{setup.SilosStartSeconds:F1} s, {setup.DistrictsActivatedSeconds:F1} s");
        var ingest = figures.Ingest;
        table.AddRow("ingest (acknowledged orders)", $"{ingest.OrdersAcknowledged:N0} of {ingest.OrdersPushed:N0} in {ingest.Seconds:F1} s = {ingest.OrdersPerSecond:N0} orders/s ({ingest.Streams} streams, {ingest.Batches:N0} batches)");
        var plan = figures.Planning;
        table.AddRow("plan per district", $"p50 {Text(plan.DistrictP50Seconds, "F1")} s, max {Text(plan.DistrictMaxSeconds, "F1")} s");
        table.AddRow("plan the city (all districts at once)", $"{plan.CitySeconds:F1} s, {plan.OrdersPlanned:N0} orders planned");
        var streams = figures.Streams;
        table.AddRow("streams with their first route", $"{streams.GotRoute:N0} of {streams.Requested:N0} over {streams.Volunteers:N0} volunteers in {streams.OpenSeconds:F1} s; open -> first route p50 {Text(streams.FirstRouteP50Ms, "F0")} ms, p99 {Text(streams.FirstRouteP99Ms, "F0")} ms");
        foreach (var silo in streams.Silos)
        {
            table.AddRow($"silo {silo.Silo} memory (VmRSS)", $"{silo.RssBeforeStreamsMiB:N0} MiB after planning, {silo.RssAfterStreamsMiB:N0} MiB with its {silo.Streams:N0} streams ({Text(silo.KiBPerStream, "F1")} KiB per stream)");
        }

        var replans = figures.Replans;
        table.AddRow("gate re-plan (failed delivery -> answer)", $"{replans.Answered} of {replans.Reports}: p50 {Text(replans.P50Ms, "F0")} ms, p95 {Text(replans.P95Ms, "F0")} ms, max {Text(replans.MaxMs, "F0")} ms");
        table.AddRow("fan-out (answer -> each stream of a changed route)", $"{replans.MessagesReceived:N0} of {replans.MessagesExpected:N0} messages: p50 {Text(replans.FanoutP50Ms, "F1")} ms, p99 {Text(replans.FanoutP99Ms, "F1")} ms, max {Text(replans.FanoutMaxMs, "F1")} ms");
        table.AddRow("fan-out complete (answer -> last stream of the report)", $"p50 {Text(replans.FanoutCompleteP50Ms, "F1")} ms, p99 {Text(replans.FanoutCompleteP99Ms, "F1")} ms");
        AnsiConsole.Write(table);

        foreach (string problem in figures.Problems)
        {
            Console.Error.WriteLine($"dispatch: {problem}");
        }

        Console.WriteLine(string.Join("; ", new[]
        {
            FormattableString.Invariant($"city: {setup.Districts} districts, {setup.Silos} silos"),
            FormattableString.Invariant($"ingest {ingest.OrdersPerSecond:F0} orders/s (acknowledged {ingest.OrdersAcknowledged}, planned {plan.OrdersPlanned})"),
            FormattableString.Invariant($"plan p50 {Text(plan.DistrictP50Seconds, "F1")} s max {Text(plan.DistrictMaxSeconds, "F1")} s city {plan.CitySeconds:F1} s"),
            FormattableString.Invariant($"streams {streams.GotRoute}/{streams.Requested}"),
            FormattableString.Invariant($"re-plan p95 {Text(replans.P95Ms, "F0")} ms; fan-out p99 {Text(replans.FanoutP99Ms, "F1")} ms"),
            figures.Complete ? "complete" : FormattableString.Invariant($"{figures.Problems.Count} problems"),
        }));
    }

    public static void WriteJson(CityBenchFigures figures, string file)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        Directory.CreateDirectory(folder);
        File.WriteAllText(file, JsonSerializer.Serialize(figures, JsonOutput.Options));
    }

    private static string Text(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";
}
