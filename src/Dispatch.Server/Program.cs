using Dispatch.Server.Cluster;
using Dispatch.Server.Hosting;

// Cluster:Enabled=true runs a silo of a city cluster; otherwise the single-district server.
(CityServer.IsRequested(args) ? CityServer.Build(args) : DispatchServer.Build(args)).Run();

/// <summary>Entry point; public so in-process tests can host it with WebApplicationFactory.</summary>
public partial class Program;
