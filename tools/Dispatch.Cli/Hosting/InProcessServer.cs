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

    public string Address { get; }

    /// <summary>Where a browser opens the phone app (null when Web:Enabled is false).</summary>
    public string? WebAddress { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the server; <paramref name="settings"/> override configuration (e.g. Auth keys for a benchmark).</summary>
    public static async Task<InProcessServer> StartAsync(
        string url, string databasePath, string scenarioPath, bool quiet, CancellationToken cancellationToken, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var app = DispatchServer.Build(
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
            });
        await app.StartAsync(cancellationToken);
        var endpoints = app.Services.GetRequiredService<ServerEndpoints>();
        return new InProcessServer(app, endpoints.Grpc[0].Replace("[::]", "127.0.0.1", StringComparison.Ordinal), endpoints.Web.FirstOrDefault());
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
