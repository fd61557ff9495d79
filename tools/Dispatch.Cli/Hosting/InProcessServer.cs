using Dispatch.Cli.Commands;
using Dispatch.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dispatch.Cli.Hosting;

/// <summary>The real server on a real loopback port inside this process, for `serve`, `demo` and the benchmarks.</summary>
public sealed class InProcessServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessServer(WebApplication app, string address, string? webAddress)
    {
        _app = app;
        Address = address;
        WebAddress = webAddress;
    }

    /// <summary>Where <c>serve</c> listens, and so where clients look, unless told otherwise.</summary>
    public const string DefaultUrl = DispatchServer.DefaultUrl;

    public string Address { get; }

    /// <summary>Where a browser opens the phone app (null when Web:Enabled is false).</summary>
    public string? WebAddress { get; }

    /// <summary>Starts the server; <paramref name="settings"/> override configuration (e.g. Auth keys for a benchmark).</summary>
    /// <param name="environmentName">The hosting environment; null takes it from DOTNET_ENVIRONMENT (Production when unset).</param>
    public static async Task<InProcessServer> StartAsync(
        string url,
        string databasePath,
        string scenarioPath,
        bool quiet,
        CancellationToken cancellationToken,
        IEnumerable<KeyValuePair<string, string?>>? settings = null,
        string? environmentName = null)
    {
        WebApplication app;
        try
        {
            app = BuildApp(url, databasePath, scenarioPath, quiet, settings, environmentName);
            await app.StartAsync(cancellationToken);
        }
        catch (ServerConfigurationException e)
        {
            throw new CommandFailedException($"the server cannot start: {e.Message}", Exit.BadInput);
        }

        var endpoints = app.Services.GetRequiredService<ServerEndpoints>();
        return new InProcessServer(app, endpoints.Grpc[0].Replace("[::]", "127.0.0.1", StringComparison.Ordinal), endpoints.Web.FirstOrDefault());
    }

    private static WebApplication BuildApp(
        string url, string databasePath, string scenarioPath, bool quiet, IEnumerable<KeyValuePair<string, string?>>? settings, string? environmentName) =>
        DispatchServer.Build(
            [$"--urls={url}", $"--Storage:DatabasePath={databasePath}", $"--Scenario:Path={scenarioPath}"],
            builder =>
            {
                if (settings is not null)
                {
                    builder.Configuration.AddInMemoryCollection(settings);
                }

                if (quiet)
                {
                    builder.Logging.SetMinimumLevel(LogLevel.Warning);
                }
            },
            environmentName);

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
