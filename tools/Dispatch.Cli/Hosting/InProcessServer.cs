using Dispatch.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
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

    /// <param name="settings">More server settings as command-line arguments, e.g. <c>--Planning:QuickSearch=true</c>.</param>
    public static async Task<InProcessServer> StartAsync(string url, string databasePath, string scenarioPath, bool quiet, CancellationToken cancellationToken, IEnumerable<string>? settings = null)
    {
        var app = DispatchServer.Build(
            [$"--urls={url}", $"--Storage:DatabasePath={databasePath}", $"--Scenario:Path={scenarioPath}", .. settings ?? []],
            builder =>
            {
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
