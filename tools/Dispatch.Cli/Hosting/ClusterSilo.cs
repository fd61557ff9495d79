using Dispatch.Cli.Commands;
using Dispatch.Server.Cluster;
using Dispatch.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Dispatch.Cli.Hosting;

/// <summary><c>dispatch serve --cluster</c>: one silo of a city cluster, until Ctrl+C or SIGTERM.</summary>
public static class ClusterSilo
{
    public static async Task<int> RunAsync(string url, string databasePath, string? city, string? postgres, int siloPort, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(city) || string.IsNullOrWhiteSpace(postgres))
        {
            return Exit.WithBadInput("--cluster needs --city DIR and --postgres CONNECTION (tools/postgres/start.sh starts a private PostgreSQL and prints it)");
        }

        string[] args =
        [
            "--urls", url, $"--Storage:DatabasePath={databasePath}", $"--Cluster:City={city}", $"--Cluster:Postgres={postgres}",
            $"--Cluster:SiloPort={siloPort}",
        ];
        WebApplication app;
        try
        {
            app = CityServer.Build(args);
        }
        catch (ServerConfigurationException e)
        {
            return Exit.WithBadInput(e.Message);
        }

        await using (app)
        {
            await app.StartAsync(cancellationToken);
            Console.WriteLine($"silo on port {siloPort} of the city cluster, serving gRPC on {url}; Ctrl+C to stop");
            await app.WaitForShutdownAsync(cancellationToken);
        }

        return Exit.Ok;
    }
}
