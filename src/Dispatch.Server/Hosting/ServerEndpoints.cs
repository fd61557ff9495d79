using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Dispatch.Server.Hosting;

/// <summary>
/// The addresses the server listens on, by kind, once it has started (port 0 resolved): the HTTP/2 gRPC
/// endpoints of <c>urls</c> and the browser endpoints of <c>Web:Urls</c>. Kestrel fills it while binding
/// (<see cref="WebClientHosting"/>); the server is resolved only when read, after start.
/// </summary>
public sealed class ServerEndpoints(IServiceProvider services)
{
    private readonly List<(ListenOptions Options, string Scheme, string Host)> _grpc = [];
    private readonly List<(ListenOptions Options, string Scheme, string Host)> _web = [];

    /// <summary>Where gRPC clients connect (HTTP/2).</summary>
    public IReadOnlyList<string> Grpc => _grpc.Count > 0
        ? _grpc.Select(Address).ToList()
        : services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    /// <summary>Where browsers open the app and call gRPC-Web; empty when the browser endpoint is off.</summary>
    public IReadOnlyList<string> Web => _web.Select(Address).ToList();

    internal void AddGrpc(ListenOptions options, string scheme, string host) => _grpc.Add((options, scheme, host));

    internal void AddWeb(ListenOptions options, string scheme, string host) => _web.Add((options, scheme, host));

    // Kestrel writes the bound port back into the options; a wildcard host is reached on loopback from here.
    private static string Address((ListenOptions Options, string Scheme, string Host) endpoint)
    {
        string host = endpoint.Host is "*" or "+" or "0.0.0.0" or "[::]" ? "127.0.0.1" : endpoint.Host;
        int port = endpoint.Options.EndPoint is IPEndPoint ip ? ip.Port : 0;
        return $"{endpoint.Scheme}://{host}:{port}";
    }
}
