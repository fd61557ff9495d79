using Dispatch.Domain.Orders;
using Dispatch.Domain.Scenarios;
using Dispatch.Server.Auth;
using Dispatch.Server.Errors;
using Dispatch.Server.Events;
using Dispatch.Planning.District;
using Dispatch.Server.Intake;
using Dispatch.Server.Live;
using Dispatch.Server.Planning;
using Dispatch.Server.Services;
using Dispatch.Server.Telemetry;
using Dispatch.Storage;
using Microsoft.AspNetCore.Authentication;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dispatch.Server.Hosting;

/// <summary>Builds the gRPC host: all wiring lives here so Program.cs and the CLI's `serve` stay one line.</summary>
public static class DispatchServer
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Where the server listens when a TLS certificate is configured and no urls are given.</summary>
    public const string DefaultTlsUrl = "https://127.0.0.1:5443";

    /// <summary>Kestrel's standard setting for the certificate of https endpoints (a .pfx file).</summary>
    public const string CertificatePathSetting = "Kestrel:Certificates:Default:Path";

    /// <param name="environmentName">The hosting environment; null takes it from DOTNET_ENVIRONMENT / ASPNETCORE_ENVIRONMENT (Production when unset).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null, string? environmentName = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = environmentName,
        });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(string.IsNullOrEmpty(builder.Configuration[CertificatePathSetting]) ? DefaultUrl : DefaultTlsUrl);
        }

        configure?.Invoke(builder);
        LimitConnections(builder);
        WebClientHosting.Add(builder);
        AddDispatchServices(builder);
        builder.AddDispatchTelemetry();

        var app = builder.Build();
        LogKeys(app);
        MigrateDatabase(app);

        // Who calls is known from the headers before any of the body is read: unknown callers cost no message memory.
        app.UseRouting();
        WebClientHosting.UseAppFiles(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseMiddleware<StreamQuotaMiddleware>();
        MapDispatchEndpoints(app);
        app.MapDispatchTelemetry();
        return app;
    }

    /// <summary>One line per key naming its role and subject (never the key or its hash), so an operator sees what is live.</summary>
    internal static void LogKeys(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiKeyDirectory));
        var directory = app.Services.GetRequiredService<ApiKeyDirectory>();
        if (!app.Services.GetRequiredService<AuthOptions>().Enabled)
        {
            ApiKeyLog.AuthDisabled(logger);
            return;
        }

        int number = 0;
        foreach (var (_, caller) in directory.Keys)
        {
            ApiKeyLog.KeyConfigured(logger, ++number, directory.Source, CallerRoles.Name(caller.Role), caller.SubjectId.Length == 0 ? "(none)" : caller.SubjectId);
        }
    }

    internal static void LimitConnections(WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(ConnectionLimitsOptions.Section).Get<ConnectionLimitsOptions>() ?? new ConnectionLimitsOptions();
        var intake = builder.Configuration.GetSection(IntakeOptions.Section).Get<IntakeOptions>() ?? new IntakeOptions();
        builder.WebHost.ConfigureKestrel(k =>
        {
            // Plain-text gRPC (h2c) needs HTTP/2 only; set in code because appsettings may not be found.
            // On https endpoints Kestrel serves its default certificate (Kestrel:Certificates:Default) and HTTP/2 by ALPN.
            k.ConfigureEndpointDefaults(l => l.Protocols = HttpProtocols.Http2);
            k.Limits.MaxConcurrentConnections = limits.MaxConnections;
            k.Limits.MaxConcurrentUpgradedConnections = limits.MaxConnections;
            k.Limits.Http2.MaxStreamsPerConnection = limits.MaxStreamsPerConnection;

            // A unary call's body is one message and its 5-byte prefix (gRPC lifts the cap for streams, whose messages it bounds one by one).
            k.Limits.MaxRequestBodySize = intake.MaxReceiveMessageBytes + 5L;
        });
        builder.Services.AddRateLimiter(o =>
        {
            o.AddConcurrencyLimiter(ServiceAccess.OpenStreamsPolicy, c =>
            {
                c.PermitLimit = limits.MaxOpenStreamsWithoutKey;
                c.QueueLimit = 0;
            });
            o.AddPolicy(ServiceAccess.TokenCallsPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "?",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.TokenCallsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = (rejected, _) => new ValueTask(GrpcStatusResponse.WriteAsync(
                rejected.HttpContext,
                Grpc.Core.StatusCode.ResourceExhausted,
                rejected.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == ServiceAccess.TokenCallsPolicy
                    ? $"more than {limits.TokenCallsPerMinute} calls with a token from this address in a minute (Limits:TokenCallsPerMinute); retry later"
                    : $"{limits.MaxOpenStreamsWithoutKey} streams without a key are open (Limits:MaxOpenStreamsWithoutKey); retry later"));
        });
    }

    private static void AddDispatchServices(WebApplicationBuilder builder)
    {
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var scenarioOptions = builder.Configuration.GetSection(ScenarioOptions.Section).Get<ScenarioOptions>() ?? new ScenarioOptions();
        var intake = builder.Configuration.GetSection(IntakeOptions.Section).Get<IntakeOptions>() ?? new IntakeOptions();
        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var shutdown = builder.Configuration.GetSection(ShutdownOptions.Section).Get<ShutdownOptions>() ?? new ShutdownOptions();
        var database = DispatchDatabase.For(StorageTargetSettings.Read(storage));

        // Kestrel waits this long for in-flight calls after SIGTERM; request streams end sooner (ShutdownInterceptor).
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(shutdown.TimeoutSeconds));
        builder.Services.AddSingleton(auth);
        builder.Services.AddSingleton(storage);
        AddAuthentication(builder, auth);
        builder.Services.AddSingleton<ServerStopping>();

        // TryAdd: a host (or a test) may bring its own clock.
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton(new OrderStore(database, intake.MaxOrdersPerHouseholdPerDay));
        builder.Services.AddSingleton(_ => new ScenarioIndex(LoadScenario(scenarioOptions.Path)));
        builder.Services.AddSingleton<IReferenceData>(sp => sp.GetRequiredService<ScenarioIndex>());
        builder.Services.AddSingleton(new IntakeLimits(MaxOrdersPerBatch: intake.MaxOrdersPerBatch, MaxOrdersPerHouseholdPerDay: intake.MaxOrdersPerHouseholdPerDay));
        builder.Services.AddSingleton<OrderBatchValidator>();
        builder.Services.AddSingleton<EventFeed<OrdersStored>>();
        builder.Services.AddSingleton<BatchIntake>();
        builder.Services.AddSingleton<OrderLookup>();
        builder.Services.AddSingleton<PlanLookup>();
        builder.Services.AddSingleton<PlanStore>();
        builder.Services.AddSingleton<LiveReportStore>();
        builder.Services.AddSingleton<PlanBook>();
        var planning = builder.Configuration.GetSection(PlanningOptions.Section).Get<PlanningOptions>() ?? new PlanningOptions();
        var planningSettings = planning.QuickSearch ? PlanningSettings.Quick with { ProbeBottleneck = true } : PlanningSettings.Default;
        builder.Services.AddSingleton(planningSettings with { ParallelGates = Math.Max(1, Environment.ProcessorCount) });
        builder.Services.AddSingleton<DistrictDayPlanning>();
        AddLiveDispatch(builder);

        builder.Services.AddGrpc(o =>
        {
            // Outermost first: errors see everything auth and shutdown throw.
            o.Interceptors.Add<ErrorStatusInterceptor>();
            o.Interceptors.Add<ShutdownInterceptor>();
            o.MaxReceiveMessageSize = intake.MaxReceiveMessageBytes;
            o.EnableDetailedErrors = false;
        });
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks().AddCheck<StorageHealthCheck>("storage");
        builder.Services.UseStrictMessageParsing();
    }

    internal static void AddAuthentication(WebApplicationBuilder builder, AuthOptions auth)
    {
        var (keys, source) = ApiKeyConfiguration.Read(auth);
        var directory = new ApiKeyDirectory(auth, keys, source);
        ProductionSecrets.CheckKeys(directory, source, builder.Environment.IsDevelopment());
        builder.Services.AddSingleton(directory);
        builder.Services.AddSingleton<IApiKeyStore>(sp => sp.GetRequiredService<ApiKeyDirectory>());
        builder.Services.AddSingleton<SignInLinkStore>();
        builder.Services.AddSingleton<IApiKeyStore, IssuedKeyStore>();
        builder.Services.AddSingleton<SignInLinks>();
        builder.Services.AddSingleton<StreamQuota>();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization(o =>
        {
            o.AddPolicy(ServiceAccess.NobodyPolicy, p => p.RequireAssertion(_ => false));

            // An endpoint mapped without ServiceAccess.Describe is open to nobody, not to everybody.
            o.FallbackPolicy = o.GetPolicy(ServiceAccess.NobodyPolicy);
        });
    }

    private static void AddLiveDispatch(WebApplicationBuilder builder)
    {
        var live = builder.Configuration.GetSection(LiveOptions.Section).Get<LiveOptions>() ?? new LiveOptions();
        builder.Services.AddSingleton(typeof(IRouteHub<>), typeof(RouteHub<>));
        builder.Services.AddSingleton<OrderEventHub>();
        builder.Services.AddSingleton(live);
        builder.Services.AddSingleton<PlanClock>();
        byte[] secret = System.Text.Encoding.UTF8.GetBytes(ProductionSecrets.ConfirmationKey(live, builder.Environment.IsDevelopment()));
        builder.Services.AddSingleton(new ConfirmationCodes(secret));
        builder.Services.AddSingleton(new HouseholdTokens(secret));
        builder.Services.AddSingleton<OrderHistory>();
        builder.Services.AddSingleton<ConfirmationGuard>();
        builder.Services.AddSingleton<OrderProgress>();
        builder.Services.AddSingleton<LiveWork>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveWork>());

        // The parts of live dispatch, one of each (LiveDispatch says which does what).
        Type[] parts =
        [
            typeof(LiveDays), typeof(LiveRoster), typeof(RoutePublisher), typeof(LiveCoordinator), typeof(LateGoodsChange),
            typeof(StopReportHandler), typeof(AvailabilityHandler), typeof(ArrivalHandler), typeof(ExpectedLateHandler), typeof(TopUpHandler),
        ];
        foreach (var part in parts)
        {
            builder.Services.AddSingleton(part);
        }

        builder.Services.AddSingleton<ILiveDispatch, LiveDispatch>();
        builder.Services.AddSingleton<GateBoardFeed>();
        builder.Services.AddSingleton<HouseholdOrderFeed>();
        builder.Services.AddHostedService<LiveDayRestorer>();
        builder.Services.AddHostedService<TopUpWorker>();
        builder.Services.AddHostedService<ReleaseWatch>();
    }

    private static Scenario LoadScenario(string path)
    {
        string folder = ScenarioLocator.Find(path)
            ?? throw new ScenarioFormatException(path, 0, "scenario folder not found (set Scenario:Path or Scenario__Path)");
        return ScenarioFiles.Load(folder);
    }

    private static void MigrateDatabase(WebApplication app)
    {
        app.Services.GetRequiredService<DispatchDatabase>().Migrate();

        // Load the scenario now so a bad scenario stops the server at start, not at the first request.
        _ = app.Services.GetRequiredService<ScenarioIndex>();
    }

    private static void MapDispatchEndpoints(WebApplication app)
    {
        app.MapGrpcService<OrderIntakeService>().Add(ServiceAccess.Describe);
        app.MapGrpcService<PlanningService>().Add(ServiceAccess.Describe);
        app.MapGrpcService<VolunteersService>().Add(ServiceAccess.Describe);
        app.MapGrpcService<SupermarketsService>().Add(ServiceAccess.Describe);
        app.MapGrpcService<TrucksService>().Add(ServiceAccess.Describe);
        app.MapGrpcService<HouseholdsService>().Add(ServiceAccess.Describe);
        app.MapGrpcHealthChecksService().Add(ServiceAccess.Describe);
        app.MapGrpcReflectionService().Add(ServiceAccess.Describe);
    }
}
