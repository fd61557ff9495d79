using Dispatch.Domain.Cities;
using Dispatch.Server.Hosting;
using Dispatch.Server.Live;
using Microsoft.AspNetCore.Hosting.Server;

namespace Dispatch.Server.Cluster;

/// <summary>
/// One district's dispatch stack, built by the same code as a single-district server (<see cref="DispatchServer"/>)
/// with the silo's settings, the district's scenario and the district's own storage, and started without a listener.
/// Starting it migrates the district's storage and restores its live day from it before it returns.
/// </summary>
public sealed class DistrictHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DistrictHost(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    public static async Task<DistrictHost> StartAsync(DistrictScenario district, IConfiguration silo, DistrictStorage storage, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string?>(storage.SettingsFor(district.District.Id))
        {
            ["Scenario:Path"] = district.Folder,
            ["Web:Enabled"] = "false",

            // Callers were checked by the silo's endpoint; nothing reaches this stack but the grain.
            ["Auth:Enabled"] = "false",
        };
        var app = DispatchServer.Build([], builder =>
        {
            builder.Configuration.AddConfiguration(silo);
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Services.AddSingleton<IServer, DetachedServer>();
        });
        await app.StartAsync(cancellationToken);

        // The district answers once its live day is back, so a report right after a silo loss finds the plan it belongs to.
        var restorer = app.Services.GetServices<IHostedService>().OfType<LiveDayRestorer>().Single();
        await (restorer.ExecuteTask ?? Task.CompletedTask).WaitAsync(cancellationToken);
        return new DistrictHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
