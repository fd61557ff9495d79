using Dispatch.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dispatch.Cli.Hosting;

/// <summary>The real server on a real loopback port inside this process, for `serve`, `demo` and the benchmarks.</summary>
public sealed class InProcessServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessServer(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    public string Address { get; }

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
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new InProcessServer(app, address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
