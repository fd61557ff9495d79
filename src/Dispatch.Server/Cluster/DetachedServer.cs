using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

namespace Dispatch.Server.Cluster;

/// <summary>
/// The server of a district hosted in a grain: it listens nowhere. The district's services run as in a
/// single-district server; callers reach them through the silo's gRPC endpoint and the grain.
/// </summary>
internal sealed class DetachedServer : IServer
{
    public IFeatureCollection Features { get; } = new FeatureCollection();

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
    }
}
