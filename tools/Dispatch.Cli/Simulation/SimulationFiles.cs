using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Dispatch.Cli.Planning;
using Dispatch.Simulation.Days;

namespace Dispatch.Cli.Simulation;

/// <summary>
/// The report folder a planner opens: <c>index.html</c> (verdict, charts, tables), <c>days.csv</c> and
/// <c>simulation.json</c> (every day), the PNG charts; for a sweep <c>sweep.csv</c>, <c>sweep.json</c>, <c>sweep.png</c>.
/// </summary>
internal static class SimulationFiles
{
    public const string DaysCsv = "days.csv";
    public const string GatesCsv = "gates.csv";
    public const string CommunitiesCsv = "communities.csv";

    // No byte-order mark: CSV readers in scripts take it for part of the first column name.
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);
    public const string DaysJson = "simulation.json";
    public const string SweepCsv = "sweep.csv";
    public const string SweepJson = "sweep.json";

    /// <summary>What the run was asked: shown in the report and stored in the JSON, so a run can be repeated.</summary>
    public sealed record RunInputs(string Scenario, int Days, int Seed, IReadOnlyList<string> Overrides, string Command);

    /// <summary>The document of <c>simulation.json</c> (and of <c>simulate --json</c>).</summary>
    public static object Document(RunInputs inputs, SimulationResult result) => new
    {
        inputs,
        verdict = result.Summary.Verdict(),
        explanation = SimulationReport.Explanation(result),
        summary = result.Summary,
        gates = SimulationReport.GateTotals(result.Days),
        communities = SimulationReport.CommunityTotals(result.Days),
        days = result.Days,
    };

    public static void WriteDays(string folder, RunInputs inputs, SimulationResult result)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, DaysCsv), Csv(s_csvHeader, result.Days.Select(CsvRow)), s_utf8);
        File.WriteAllText(Path.Combine(folder, GatesCsv), Csv(s_gateCsvHeader, result.Days.SelectMany(d => d.Gates.Select(g => GateCsvRow(d, g)))), s_utf8);
        File.WriteAllText(Path.Combine(folder, CommunitiesCsv), Csv(s_communityCsvHeader, result.Days.SelectMany(d => d.Communities.Select(c => CommunityCsvRow(d, c)))), s_utf8);
        using (var stream = File.Create(Path.Combine(folder, DaysJson)))
        {
            JsonSerializer.Serialize(stream, Document(inputs, result), PlanRunner.Json);
        }

        SimulationCharts.WriteDays(result.Days, folder);
        var html = new StringBuilder();
        Head(html, "Simulation", inputs, result.Summary.Verdict());
        Chart(html, SimulationCharts.ServedFile,
            "Households ordering each day (new orders and those waiting from earlier days), served, and served on time (by the deadline of the day they ordered). "
            + "Right axis: households left waiting for the next day.");
        Chart(html, SimulationCharts.LatenessFile,
            "A household is late when it is served after the deadline of the day it first ordered, or not served: then by the time from that deadline to the day's end, "
            + "and a carried-over household by the days it has waited.");
        html.Append("<h2>Utilisation and the bottleneck</h2>\n")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"why\">{WebUtility.HtmlEncode(SimulationReport.Explanation(result))}</p>\n");
        Chart(html, SimulationCharts.UtilisationFile,
            "Solid lines: the district's averages. Dashed and dotted: volunteers' use (doors served over the households they can look after) and the disinfection zone's use "
            + "at the gate where most households wait that day.");
        Chart(html, SimulationCharts.CommunitiesFile, "Where the late households are: per community, the ones with the most.");

        html.Append("<h2>Communities</h2>\n<p>Over the whole run; counts are household-days, uses are means of the daily figures.</p>\n");
        HtmlTable(html, PlaceHeader("community", "risk level"), SimulationReport.CommunityTotals(result.Days).Select(PlaceRow));
        html.Append("<h2>Gates</h2>\n");
        HtmlTable(html, PlaceHeader("gate", "community"), SimulationReport.GateTotals(result.Days).Select(PlaceRow));
        html.Append("<h2>Days</h2>\n");
        HtmlTable(html, SimulationTable.Header, result.Days.Select(SimulationTable.Row));
        html.Append(CultureInfo.InvariantCulture,
            $"<p>Every day: <a href=\"{DaysCsv}\">{DaysCsv}</a>, per gate <a href=\"{GatesCsv}\">{GatesCsv}</a>, per community <a href=\"{CommunitiesCsv}\">{CommunitiesCsv}</a>, all of it <a href=\"{DaysJson}\">{DaysJson}</a></p>\n</body></html>\n");
        File.WriteAllText(Path.Combine(folder, "index.html"), html.ToString(), s_utf8);
    }

    private static string[] PlaceHeader(string place, string context) =>
    [
        place, context, "household-days ordering", "served", "on time", "late", "waiting", "mean late h (of the late)",
        "volunteer use mean", "volunteer use peak", "zone use mean", "first day waiting", "bottleneck most days",
    ];

    private static IReadOnlyList<string> PlaceRow(PlaceTotals t) =>
    [
        t.Id, t.Context, N(t.HouseholdDaysOrdering), N(t.Served), N(t.ServedOnTime), N(t.Late), N(t.Waiting), SimulationTable.Hours(t.MeanLatenessSeconds),
        SimulationTable.Share(t.MeanVolunteerUse), SimulationTable.Share(t.PeakVolunteerUse), SimulationTable.Share(t.MeanZoneUse),
        t.FirstDayWaiting?.ToString(CultureInfo.InvariantCulture) ?? "", t.MostDaysBottleneck?.ToString() ?? "none",
    ];

    private static readonly string[] s_gateCsvHeader =
    [
        "day", "gate", "community", "households_ordering", "served", "served_on_time", "late", "waiting", "mean_lateness_seconds",
        "door_households", "volunteers_on_duty", "volunteer_use", "zone_use", "bottleneck",
    ];

    private static IReadOnlyList<string> GateCsvRow(SimulatedDay d, GateDay g) =>
    [
        N(d.Day), g.GateId, g.CommunityId, N(g.HouseholdsOrdering), N(g.Served), N(g.ServedOnTime), N(g.Late), N(g.Waiting), N(g.MeanLatenessSeconds),
        N(g.DoorHouseholds), N(g.VolunteersOnDuty), N(g.VolunteerUse), N(g.ZoneUse), g.Bottleneck?.ToString() ?? "",
    ];

    private static readonly string[] s_communityCsvHeader =
    [
        "day", "community", "risk_level", "households_ordering", "served", "served_on_time", "late", "waiting", "mean_lateness_seconds",
        "door_households", "volunteers_on_duty", "volunteer_use", "zone_use", "bottleneck",
    ];

    private static IReadOnlyList<string> CommunityCsvRow(SimulatedDay d, CommunityDay c) =>
    [
        N(d.Day), c.CommunityId, c.RiskLevel.ToString(), N(c.HouseholdsOrdering), N(c.Served), N(c.ServedOnTime), N(c.Late), N(c.Waiting), N(c.MeanLatenessSeconds),
        N(c.DoorHouseholds), N(c.VolunteersOnDuty), N(c.VolunteerUse), N(c.ZoneUse), c.Bottleneck?.ToString() ?? "",
    ];

    private static string N(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static void Chart(StringBuilder html, string file, string caption) =>
        html.Append(CultureInfo.InvariantCulture, $"<figure><img src=\"{file}\" alt=\"{file}\"><figcaption>{WebUtility.HtmlEncode(caption)}</figcaption></figure>\n");

    /// <summary>The document of <c>sweep.json</c> (and of <c>simulate --sweep ... --json</c>).</summary>
    public static object SweepDocument(RunInputs inputs, string key, IReadOnlyList<SweepPoint> points) =>
        new { inputs, key, points = points.Select(p => new { p.Value, p.Setting, p.Result.Summary, verdict = p.Result.Summary.Verdict(), p.Result.Days }) };

    public static void WriteSweep(string folder, RunInputs inputs, string key, IReadOnlyList<SweepPoint> points)
    {
        Directory.CreateDirectory(folder);
        string[] header = ["value", "setting", "household-days ordering", "served", "served share", "on time share", "main bottleneck", "verdict"];
        var rows = points.Select(p => (IReadOnlyList<string>)
        [
            p.Value.ToString("0.######", CultureInfo.InvariantCulture),
            p.Setting,
            p.Result.Summary.HouseholdsOrdering.ToString(CultureInfo.InvariantCulture),
            p.Result.Summary.Served.ToString(CultureInfo.InvariantCulture),
            (p.Result.Summary.ServedShare * 100).ToString("F1", CultureInfo.InvariantCulture) + "%",
            (p.Result.Summary.OnTimeShare * 100).ToString("F1", CultureInfo.InvariantCulture) + "%",
            p.Result.Summary.MainBottleneck?.ToString() ?? "none",
            p.Result.Summary.Verdict(),
        ]).ToList();
        File.WriteAllText(Path.Combine(folder, SweepCsv), Csv(header, rows), s_utf8);
        using (var stream = File.Create(Path.Combine(folder, SweepJson)))
        {
            JsonSerializer.Serialize(stream, SweepDocument(inputs, key, points), PlanRunner.Json);
        }

        SimulationCharts.WriteSweep(key, points, folder);
        var html = new StringBuilder();
        Head(html, $"Sweep of {key}", inputs, $"{points.Count} runs of {inputs.Days} days each");
        html.Append(CultureInfo.InvariantCulture, $"<img src=\"{SimulationCharts.SweepFile}\" alt=\"sweep\">\n<h2>Runs</h2>\n");
        HtmlTable(html, header, rows);
        html.Append(CultureInfo.InvariantCulture, $"<p>Every run and day: <a href=\"{SweepCsv}\">{SweepCsv}</a>, <a href=\"{SweepJson}\">{SweepJson}</a></p>\n</body></html>\n");
        File.WriteAllText(Path.Combine(folder, "index.html"), html.ToString(), s_utf8);
    }

    private static readonly string[] s_csvHeader =
    [
        "day", "households_ordering", "new_orders", "waiting_orders", "served", "served_on_time", "served_share", "on_time_share",
        "delivery_failures", "carried_to_next_day", "late_households", "mean_lateness_seconds", "p95_lateness_seconds", "max_lateness_seconds",
        "unfilled_meat_and_vegetable", "unfilled_vegetable", "unfilled_rice_and_flour", "unfilled_medicine",
        "stock_meat_and_vegetable", "stock_vegetable", "stock_rice_and_flour", "stock_medicine",
        "util_stock", "util_trucks", "util_disinfection_zones", "util_volunteers", "util_pickup_zones",
        "trucks_on_duty", "volunteers_on_duty", "door_households", "oldest_wait_days", "bottleneck", "probed", "events",
    ];

    private static IReadOnlyList<string> CsvRow(SimulatedDay d)
    {
        return
        [
            N(d.Day), N(d.HouseholdsOrdering), N(d.NewOrders), N(d.WaitingOrders), N(d.Served), N(d.ServedOnTime), N(d.ServedShare), N(d.OnTimeShare),
            N(d.DeliveryFailures), N(d.CarriedToNextDay), N(d.LateHouseholds), N(d.MeanLatenessSeconds), N(d.LatenessP95Seconds), N(d.MaxLatenessSeconds),
            N(d.Unfilled.MeatAndVegetable), N(d.Unfilled.Vegetable), N(d.Unfilled.RiceAndFlour), N(d.Unfilled.Medicine),
            N(d.Stock.MeatAndVegetable), N(d.Stock.Vegetable), N(d.Stock.RiceAndFlour), N(d.Stock.Medicine),
            N(d.Utilisation.Stock), N(d.Utilisation.Trucks), N(d.Utilisation.DisinfectionZones), N(d.Utilisation.Volunteers), N(d.Utilisation.PickupZones),
            N(d.TrucksOnDuty), N(d.VolunteersOnDuty), N(d.DoorHouseholds), N(d.OldestWaitDays),
            d.Bottleneck?.ToString() ?? "", d.Probed ? "true" : "false", string.Join("; ", d.Events),
        ];
    }

    internal static string Csv(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', header.Select(Quote)).Append('\n');
        foreach (var row in rows)
        {
            csv.AppendJoin(',', row.Select(Quote)).Append('\n');
        }

        return csv.ToString();
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    private static void Head(StringBuilder html, string title, RunInputs inputs, string verdict)
    {
        html.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(title))
            .Append("</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;font-size:0.85em}"
                + "td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}th{background:#eee}img{display:block;max-width:100%}"
                + "figure{margin:1em 0}figcaption{color:#444;max-width:1100px}.why{max-width:1100px;background:#fff8e1;padding:0.6em}</style></head><body>\n")
            .Append(CultureInfo.InvariantCulture, $"<h1>{WebUtility.HtmlEncode(title)}: {WebUtility.HtmlEncode(inputs.Scenario)}</h1>\n")
            .Append(CultureInfo.InvariantCulture, $"<p><b>{WebUtility.HtmlEncode(verdict)}</b></p>\n")
            .Append(CultureInfo.InvariantCulture, $"<p>{inputs.Days} days, seed {inputs.Seed}; overrides: {WebUtility.HtmlEncode(inputs.Overrides.Count == 0 ? "none" : string.Join(", ", inputs.Overrides))}</p>\n")
            .Append(CultureInfo.InvariantCulture, $"<p><code>{WebUtility.HtmlEncode(inputs.Command)}</code></p>\n");
    }

    internal static void HtmlTable(StringBuilder html, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        html.Append("<table><tr>");
        foreach (string h in header)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(h)).Append("</th>");
        }

        html.Append("</tr>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (string cell in row)
            {
                html.Append("<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</table>\n");
    }
}
