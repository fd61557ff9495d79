using System.CommandLine;
using Dispatch.Cli.Hosting;
using Dispatch.Cli.Intake;
using Dispatch.Cli.Planning;
using Dispatch.Contracts.V1;
using Dispatch.Domain.Scenarios;
using Microsoft.Extensions.Hosting;

namespace Dispatch.Cli.Commands;

/// <summary>
/// <c>dispatch demo</c>: starts the server on SQLite with the shipped scenario, pushes its day-1 orders through
/// the real gRPC stream, prints the summary, and keeps serving (or exits with --exit). The server runs in the
/// Development environment with the published demo keys and the development confirmation key, which it refuses
/// anywhere else: a demo is never a deployment.
/// </summary>
public static class DemoCommand
{
    private const string DemoAdminKey = "demo-key-admin";

    // The server project's README lists them ("Demo keys"); the server knows them by hash only, to refuse them outside Development.
    private static readonly (string Key, string Role, string Subject)[] s_demoKeys =
    [
        ("demo-key-sm1", "supermarket", "SM1"),
        ("demo-key-sm2", "supermarket", "SM2"),
        ("demo-key-sm3", "supermarket", "SM3"),
        ("demo-key-sm4", "supermarket", "SM4"),
        ("demo-key-sm5", "supermarket", "SM5"),
        ("demo-key-planner", "planner", ""),
        (DemoAdminKey, "admin", ""),
    ];

    /// <summary>The demo's settings: its keys replace any configured list, and the development confirmation key.</summary>
    public static IReadOnlyList<KeyValuePair<string, string?>> Settings() =>
    [
        ServerSettings.ApiKeysReplacingConfigured(s_demoKeys),
        new("Auth:KeysFile", null),
        ServerSettings.DevelopmentConfirmationKey(),
    ];

    public static Command Create()
    {
        var urls = ServeCommand.UrlOption();
        var db = ServeCommand.DatabaseOption();
        var scenario = ServeCommand.ScenarioOption();
        var orders = new Option<string>("--orders") { Description = "Orders CSV to push (default: the scenario's orders-day1.csv)" };
        var exit = new Option<bool>("--exit") { Description = "Stop after the push instead of serving on" };
        var apiKey = new Option<string?>("--api-key")
        {
            Description = $"Key the demo pushes with (default: ${ApiKeyOption.EnvironmentVariable}, else the demo admin key: its orders span every supermarket; never printed)",
        };
        var command = new Command("demo", "Serve the shipped scenario on SQLite, push a day of its orders into it and plan that day") { urls, db, scenario, orders, exit, apiKey };
        command.SetAction(async (parse, ct) =>
        {
            var server = await ServeCommand.StartAsync(parse.GetValue(urls)!, parse.GetValue(db)!, parse.GetValue(scenario)!, ct, Settings(), Environments.Development);
            if (server is null)
            {
                return Exit.BadInput;
            }

            await using (server)
            {
                string folder = ScenarioLocator.Find(parse.GetValue(scenario)!)!;
                string file = parse.GetValue(orders) ?? Path.Combine(folder, "orders-day1.csv");
                var batches = OrderFile.Read(new FileInfo(file));
                Console.WriteLine($"server on {server.Address}, database {Path.GetFullPath(parse.GetValue(db)!)}; pushing {file}");
                using var channel = new KeyedChannel(server.Address, ApiKeyOption.Value(parse, apiKey) ?? DemoAdminKey);
                var stopwatch = System.Diagnostics.Stopwatch.StartNew();
                var summary = await PushCommand.PushWithProgressAsync(new OrderIntake.OrderIntakeClient(channel.Invoker), batches, ct);
                PushReport.Write(summary, stopwatch.Elapsed);
                PushReport.ThrowIfFailed(summary, batches.Select(b => b.SupermarketId).Distinct(StringComparer.Ordinal).ToList(), null);

                // The main job: plan the pushed day over gRPC, as a district planner would.
                string districtId = ScenarioFiles.Load(folder).District.Id;
                foreach (int day in batches.Select(b => b.Day).Distinct().Order())
                {
                    var plan = await RemotePlanning.PlanAsync(new Contracts.V1.Planning.PlanningClient(channel.Invoker), new PlanDistrictDayRequest { DistrictId = districtId, Day = day }, ct);
                    if (plan is not null)
                    {
                        PlanTables.WriteSummary(plan);
                    }
                }

                if (parse.GetValue(exit))
                {
                    return Exit.Ok;
                }

                Console.WriteLine($"serving on {server.Address}{ServeCommand.WebLine(server)}; try `dispatch orders list --server {server.Address}`; Ctrl+C to stop");
                await server.WaitForShutdownAsync(ct);
            }

            return Exit.Ok;
        });
        return command;
    }
}
