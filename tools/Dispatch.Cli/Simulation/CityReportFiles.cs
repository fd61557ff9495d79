using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Dispatch.Cli.Planning;
using Dispatch.Domain.Cities;
using Dispatch.Simulation.Cities;

namespace Dispatch.Cli.Simulation;

/// <summary>
/// The report folder of <c>simulate --city</c>: <c>index.html</c> (the city's verdict, a row per district, before and
/// after the moves), <c>districts.csv</c>, <c>city-summary.json</c>, and one folder per district holding that district's
/// own simulation report (<see cref="SimulationFiles"/>), with an <c>after-moves</c> folder inside for the districts a move touched.
/// </summary>
internal static class CityReportFiles
{
    public const string SummaryJson = "city-summary.json";
    public const string DistrictsCsv = "districts.csv";
    public const string AfterMovesFolder = "after-moves";

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>What the run was asked: shown in the report and stored in the JSON, so a run can be repeated.</summary>
    /// <param name="Overrides">Each district's overrides as written (its own what-if.txt, --what-if files, --set).</param>
    public sealed record CityInputs(string City, string Folder, int Days, int Seed, IReadOnlyList<string> Moves, IReadOnlyDictionary<string, IReadOnlyList<string>> Overrides, string Command);

    private static object Figures(DistrictRun run) => new
    {
        run.Resources,
        run.Result.Summary.HouseholdsOrdering,
        run.Result.Summary.Served,
        run.Result.Summary.ServedOnTime,
        run.Result.Summary.ServedShare,
        run.Result.Summary.OnTimeShare,
        run.Shortfall,
        run.Unfilled,
        run.Bottleneck,
        verdict = run.Result.Summary.Verdict(),
    };

    /// <summary>The document of <c>city-summary.json</c> (and of <c>simulate --city --json</c>).</summary>
    public static object Document(CityInputs inputs, CityResult result) => new
    {
        inputs,
        verdict = result.BeforeTotals.Verdict(),
        verdictAfterMoves = result.AfterTotals?.Verdict(),
        totals = result.BeforeTotals,
        totalsAfterMoves = result.AfterTotals,
        districts = result.Before.Select((run, i) => new
        {
            id = run.District.Value,
            run.Name,
            run.Seed,
            report = run.District.Value,
            before = Figures(run),
            after = result.After is null ? null : Figures(result.After[i]),
        }),
    };

    public static void Write(string folder, CityInputs inputs, LoadedCity city, CityResult result)
    {
        Directory.CreateDirectory(folder);
        for (int i = 0; i < result.Before.Count; i++)
        {
            var run = result.Before[i];
            string districtFolder = Path.Combine(folder, run.District.Value);
            var districtInputs = new SimulationFiles.RunInputs(
                city.Districts[i].Folder, inputs.Days, run.Seed, inputs.Overrides.GetValueOrDefault(run.District.Value) ?? [], inputs.Command);
            SimulationFiles.WriteDays(districtFolder, districtInputs, run.Result);
            if (result.After is { } after && !ReferenceEquals(after[i], run))
            {
                SimulationFiles.WriteDays(
                    Path.Combine(districtFolder, AfterMovesFolder), districtInputs with { Overrides = [.. districtInputs.Overrides, .. inputs.Moves] }, after[i].Result);
            }
        }

        var rows = Rows(result).ToList();
        File.WriteAllText(Path.Combine(folder, DistrictsCsv), SimulationFiles.Csv(s_csvHeader, rows.Select(r => r.Csv)), s_utf8);
        using (var stream = File.Create(Path.Combine(folder, SummaryJson)))
        {
            JsonSerializer.Serialize(stream, Document(inputs, result), PlanRunner.Json);
        }

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>City simulation</title><style>body{font-family:sans-serif;margin:2em}"
                + "table{border-collapse:collapse;font-size:0.85em}td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}th{background:#eee}</style></head><body>\n")
            .Append(CultureInfo.InvariantCulture, $"<h1>City simulation: {Encode(inputs.City)} ({Encode(inputs.Folder)})</h1>\n")
            .Append(CultureInfo.InvariantCulture, $"<p><b>{Encode(result.BeforeTotals.Verdict())}</b></p>\n");
        if (result.AfterTotals is { } afterTotals)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><b>After the moves ({Encode(string.Join("; ", inputs.Moves))}): {Encode(afterTotals.Verdict())}</b></p>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p>{inputs.Days} days, city seed {inputs.Seed} (each district's own seed is derived from it and its id)</p>\n")
            .Append(CultureInfo.InvariantCulture, $"<p><code>{Encode(inputs.Command)}</code></p>\n<h2>Districts</h2>\n");
        SimulationFiles.HtmlTable(html, s_htmlHeader, rows.Select(r => r.Html));
        html.Append(CultureInfo.InvariantCulture,
            $"<p>Each district's days, gates and communities: its folder (<code>DISTRICT/index.html</code>{(result.After is null ? "" : $", after the moves <code>DISTRICT/{AfterMovesFolder}/index.html</code>")}); "
            + $"every figure here: <a href=\"{DistrictsCsv}\">{DistrictsCsv}</a>, <a href=\"{SummaryJson}\">{SummaryJson}</a></p>\n</body></html>\n");
        File.WriteAllText(Path.Combine(folder, "index.html"), html.ToString(), s_utf8);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static readonly string[] s_csvHeader =
    [
        "district", "name", "run", "seed", "households", "trucks", "truck_capacity_grams", "volunteers",
        "stock_meat_and_vegetable", "stock_vegetable", "stock_rice_and_flour", "stock_medicine",
        "household_days_ordering", "served", "served_on_time", "served_share", "on_time_share", "shortfall",
        "unfilled_meat_and_vegetable", "unfilled_vegetable", "unfilled_rice_and_flour", "unfilled_medicine", "bottleneck",
    ];

    private static readonly string[] s_htmlHeader =
    [
        "district", "run", "households", "trucks", "volunteers", "daily stock M&V/veg/rice/med", "household-days ordering", "served", "on time (by the deadline)",
        "shortfall", "unfilled M&V/veg/rice/med", "bottleneck most days", "report",
    ];

    private static IEnumerable<(IReadOnlyList<string> Csv, IReadOnlyList<string> Html)> Rows(CityResult result)
    {
        for (int i = 0; i < result.Before.Count; i++)
        {
            yield return Row(result.Before[i], "before", result.Before[i].District.Value + "/index.html");
            if (result.After is { } after)
            {
                bool moved = !ReferenceEquals(after[i], result.Before[i]);
                yield return Row(after[i], moved ? "after moves" : "after moves (untouched)", moved ? $"{after[i].District.Value}/{AfterMovesFolder}/index.html" : "");
            }
        }

        yield return Total(result.BeforeTotals, "before");
        if (result.AfterTotals is { } afterTotals)
        {
            yield return Total(afterTotals, "after moves");
        }
    }

    private static (IReadOnlyList<string>, IReadOnlyList<string>) Row(DistrictRun r, string run, string report)
    {
        var s = r.Result.Summary;
        var res = r.Resources;
        IReadOnlyList<string> csv =
        [
            r.District.Value, r.Name, run, N(r.Seed), N(res.Households), N(res.Trucks), N(res.TruckCapacityGrams), N(res.Volunteers),
            N(res.DailyStock.MeatAndVegetable), N(res.DailyStock.Vegetable), N(res.DailyStock.RiceAndFlour), N(res.DailyStock.Medicine),
            N(s.HouseholdsOrdering), N(s.Served), N(s.ServedOnTime), Share(s.ServedShare), Share(s.OnTimeShare), N(r.Shortfall),
            N(r.Unfilled.MeatAndVegetable), N(r.Unfilled.Vegetable), N(r.Unfilled.RiceAndFlour), N(r.Unfilled.Medicine), r.Bottleneck?.ToString() ?? "",
        ];
        IReadOnlyList<string> html =
        [
            r.District.Value, run, N(res.Households), N(res.Trucks), N(res.Volunteers), Bundles(res.DailyStock), N(s.HouseholdsOrdering),
            $"{N(s.Served)} ({SimulationTable.Share(s.ServedShare)})", $"{N(s.ServedOnTime)} ({SimulationTable.Share(s.OnTimeShare)})",
            N(r.Shortfall), Bundles(r.Unfilled), r.Bottleneck?.ToString() ?? "none", report,
        ];
        return (csv, html);
    }

    private static (IReadOnlyList<string>, IReadOnlyList<string>) Total(CityTotals t, string run)
    {
        IReadOnlyList<string> csv =
        [
            "city", "", run, "", "", "", "", "", "", "", "", "",
            N(t.HouseholdsOrdering), N(t.Served), N(t.ServedOnTime), Share(t.ServedShare), Share(t.OnTimeShare), N(t.Shortfall),
            N(t.Unfilled.MeatAndVegetable), N(t.Unfilled.Vegetable), N(t.Unfilled.RiceAndFlour), N(t.Unfilled.Medicine), t.Bottleneck?.ToString() ?? "",
        ];
        IReadOnlyList<string> html =
        [
            "city", run, "", "", "", "", N(t.HouseholdsOrdering), $"{N(t.Served)} ({SimulationTable.Share(t.ServedShare)})",
            $"{N(t.ServedOnTime)} ({SimulationTable.Share(t.OnTimeShare)})", N(t.Shortfall), Bundles(t.Unfilled), t.Bottleneck?.ToString() ?? "none", "",
        ];
        return (csv, html);
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Share(double share) => share.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Bundles(Dispatch.Domain.Supply.BundleCounts b) => $"{b.MeatAndVegetable}/{b.Vegetable}/{b.RiceAndFlour}/{b.Medicine}";
}
