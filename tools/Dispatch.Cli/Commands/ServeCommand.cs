using System.CommandLine;
using Dispatch.Cli.Hosting;
using Dispatch.Domain.Scenarios;

namespace Dispatch.Cli.Commands;

/// <summary><c>dispatch serve</c>: the gRPC server on SQLite with a scenario, until Ctrl+C.</summary>
public static class ServeCommand
{
    public static Option<string> UrlOption() => new("--urls") { Description = "Address to listen on", DefaultValueFactory = _ => InProcessServer.DefaultUrl };

    public static Option<string> DatabaseOption() => new("--db") { Description = "SQLite database file", DefaultValueFactory = _ => "data/dispatch.db" };

    public static Option<string> ScenarioOption() => new("--scenario") { Description = "Scenario folder", DefaultValueFactory = _ => "seeds/jining-high-tech" };

    public static Command Create()
    {
        var urls = UrlOption();
        var db = DatabaseOption();
        var scenario = ScenarioOption();
        var cluster = new Option<bool>("--cluster") { Description = "Run as a silo of a city cluster (Orleans; membership and districts' storage in PostgreSQL)" };
        var city = new Option<string?>("--city") { Description = "With --cluster: the city folder (city.json) the cluster serves" };
        var postgres = new Option<string?>("--postgres") { Description = "With --cluster: PostgreSQL connection string (tools/postgres/start.sh prints one)" };
        var siloPort = new Option<int>("--silo-port") { Description = "With --cluster: the port silos talk on, one per silo on a machine", DefaultValueFactory = _ => 11111 };
        var command = new Command("serve", "Run the gRPC server (OrderIntake, health, reflection) until Ctrl+C") { urls, db, scenario, cluster, city, postgres, siloPort };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(cluster))
            {
                return await ClusterSilo.RunAsync(parse.GetValue(urls)!, parse.GetValue(db)!, parse.GetValue(city), parse.GetValue(postgres), parse.GetValue(siloPort), ct);
            }

            var server = await StartAsync(parse.GetValue(urls)!, parse.GetValue(db)!, parse.GetValue(scenario)!, ct);
            if (server is null)
            {
                return Exit.BadInput;
            }

            await using (server)
            {
                Console.WriteLine($"serving on {server.Address}{WebLine(server)}; Ctrl+C to stop");
                await server.WaitForShutdownAsync(ct);
            }

            return Exit.Ok;
        });
        return command;
    }

    /// <summary>Starts the server, or says in one line why it cannot (missing or bad scenario) and returns null.</summary>
    /// <param name="settings">Settings over the configuration (the demo's keys).</param>
    /// <param name="environmentName">The hosting environment; null takes DOTNET_ENVIRONMENT (Production when unset).</param>
    public static async Task<InProcessServer?> StartAsync(
        string url, string databasePath, string scenarioPath, CancellationToken cancellationToken, IEnumerable<KeyValuePair<string, string?>>? settings = null, string? environmentName = null)
    {
        string? folder = ScenarioLocator.Find(scenarioPath);
        if (folder is null)
        {
            Exit.WithBadInput($"scenario folder '{scenarioPath}' not found");
            return null;
        }

        try
        {
            return await InProcessServer.StartAsync(url, databasePath, folder, quiet: false, cancellationToken, settings, environmentName);
        }
        catch (ScenarioFormatException e)
        {
            Exit.WithBadInput(e.Message);
            return null;
        }
    }

    /// <summary>Where a browser opens the phone app, as a clause of the "serving on" line (empty when it is off).</summary>
    public static string WebLine(InProcessServer server) =>
        server.WebAddress is { } web ? $"; phones and browsers: open {web}/" : string.Empty;
}
