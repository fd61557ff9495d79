using System.Data.Common;
using System.Net;
using Dispatch.Domain.Cities;
using Dispatch.Server.Auth;
using Dispatch.Server.Errors;
using Dispatch.Server.Hosting;
using Dispatch.Storage;
using Npgsql;
using Orleans.Configuration;

namespace Dispatch.Server.Cluster;

/// <summary>
/// A silo of the city cluster: Orleans (membership in PostgreSQL) hosting a grain per district, and the gRPC
/// endpoint clients connect to, which routes each call to its district's grain wherever it is active.
/// </summary>
public static class CityServer
{
    /// <summary>True when the settings (command line or environment) ask for a silo: <c>Cluster:Enabled=true</c>.</summary>
    public static bool IsRequested(string[] args) =>
        new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build().GetValue<bool>("Cluster:Enabled");

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DispatchServer.DefaultUrl);
        }

        configure?.Invoke(builder);
        var options = builder.Configuration.GetSection(CityClusterOptions.Section).Get<CityClusterOptions>() ?? new CityClusterOptions();
        var city = LoadCity(options);
        if (string.IsNullOrWhiteSpace(options.Postgres))
        {
            throw new ServerConfigurationException("Cluster:Postgres is missing: a cluster keeps its membership in PostgreSQL (start one with tools/postgres/start.sh)");
        }

        OrleansTables.EnsureAsync(options.Postgres, CancellationToken.None).GetAwaiter().GetResult();
        DbProviderFactories.RegisterFactory("Npgsql", NpgsqlFactory.Instance);

        DispatchServer.LimitConnections(builder);
        AddEdgeServices(builder, options, city);
        AddSilo(builder, options);

        var app = builder.Build();
        DispatchServer.LogKeys(app);
        app.Services.GetRequiredService<DispatchDatabase>().Migrate();

        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseMiddleware<StreamQuotaMiddleware>();
        app.MapGrpcService<CityIntakeService>().Add(ServiceAccess.Describe);
        app.MapGrpcService<CityPlanningService>().Add(ServiceAccess.Describe);
        app.MapGrpcService<CityVolunteersService>().Add(ServiceAccess.Describe);
        app.MapGrpcService<CityTrucksService>().Add(ServiceAccess.Describe);
        app.MapGrpcHealthChecksService().Add(ServiceAccess.Describe);
        return app;
    }

    private static CityMap LoadCity(CityClusterOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.City))
        {
            throw new ServerConfigurationException("Cluster:City is missing: the city folder (city.json) every silo serves");
        }

        try
        {
            return new CityMap(CityFiles.Load(options.City));
        }
        catch (Exception e) when (e is IOException or Domain.Scenarios.ScenarioFormatException)
        {
            throw new ServerConfigurationException($"city '{options.City}' cannot be loaded: {e.Message}");
        }
    }

    private static void AddEdgeServices(WebApplicationBuilder builder, CityClusterOptions options, CityMap city)
    {
        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();

        // The silo's own database holds only what its endpoint issues (keys from sign-in links); districts keep theirs apart.
        builder.Services.AddSingleton(auth);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(city);
        builder.Services.AddSingleton(new DistrictStorage(options.DistrictsOnPostgres ? options.Postgres : null, Path.GetFullPath(options.DataFolder)));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(DispatchDatabase.For(StorageTargetSettings.Read(storage)));
        builder.Services.AddSingleton<ServerStopping>();
        builder.Services.AddSingleton<CityRouteFeed>();
        builder.Services.AddSingleton<CityMembers>();
        DispatchServer.AddAuthentication(builder, auth);
        builder.Services.AddGrpc(o =>
        {
            o.Interceptors.Add<ErrorStatusInterceptor>();
            o.Interceptors.Add<ShutdownInterceptor>();
            o.EnableDetailedErrors = false;
        });
        builder.Services.AddGrpcHealthChecks().AddCheck<SiloHealthCheck>("silo");
    }

    private static void AddSilo(WebApplicationBuilder builder, CityClusterOptions options)
    {
        builder.UseOrleans(silo =>
        {
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = options.Postgres;
            });
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = options.Postgres;
            });
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = options.ClusterId;
                o.ServiceId = options.ClusterId;
            });
            silo.ConfigureEndpoints(IPAddress.Loopback, options.SiloPort, gatewayPort: 0);
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                // A lost silo's districts come back elsewhere once it is declared dead: seconds, not Orleans' default minute.
                o.ProbeTimeout = TimeSpan.FromSeconds(options.ProbeTimeoutSeconds);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
                o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
            });

            // A district's plan of a hard day takes tens of seconds.
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(5));
        });
    }
}
