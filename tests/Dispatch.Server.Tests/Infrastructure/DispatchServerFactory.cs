using System.Globalization;
using Dispatch.Contracts.V1;
using Dispatch.Domain.Scenarios;
using Dispatch.Server.Events;
using Dispatch.Server.Live;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Server.Tests.Infrastructure;

/// <summary>
/// The real server in-process on a fresh SQLite file and the tiny district, with the <see cref="TestKeys"/>;
/// clients go through a real GrpcChannel and send an API key (admin unless told otherwise).
/// </summary>
public sealed class DispatchServerFactory : WebApplicationFactory<Program>
{
    private readonly string _folder;

    /// <summary>A fresh temporary folder; xunit class fixtures need this single parameterless constructor.</summary>
    public DispatchServerFactory()
        : this(null)
    {
    }

    /// <summary>A server on the scenario and database of <paramref name="folder"/>: reuse one to restart a server on the same data.</summary>
    public static DispatchServerFactory OnFolder(string folder) => new(folder);

    /// <param name="folder">Where the scenario and database live; a fresh temporary folder by default. Reuse one to restart a server on the same data.</param>
    private DispatchServerFactory(string? folder)
    {
        _folder = folder ?? NewFolder();
    }

    /// <summary>The district the server plans (the tiny district unless a test brings its own); written on first start.</summary>
    public Scenario? District { get; init; }

    public static string NewFolder() => Path.Combine(Path.GetTempPath(), "dispatch-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Leave the folder on dispose, for a second server on the same data.</summary>
    public bool KeepFolder { get; set; }

    public string DatabasePath => Path.Combine(_folder, "dispatch.db");

    public int MaxOrdersPerBatch { get; init; } = 50;

    /// <summary>
    /// The server's clock, still until a test moves it: 2026-11-23 00:00 UTC, 08:00 in the district (UTC+8).
    /// Plan-clock behaviour (releases, new orders' trucks) is tested by moving it; the tiny district's goods are
    /// ready by 08:00, so a test that needs them still resting starts the clock earlier (it cannot go back).
    /// </summary>
    public FakeTimeProvider Clock { get; init; } = new(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));

    public int MaxReceiveMessageBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>
    /// Intake:MaxOrdersPerHouseholdPerDay; off (0) unless a test is about it: the tiny district has 5 households a grid,
    /// and most tests push many batches over them.
    /// </summary>
    public int MaxOrdersPerHouseholdPerDay { get; init; }

    public int MaxConcurrentStreamsPerKey { get; init; } = 8;

    /// <summary>Every log line the server writes.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>More settings, applied last (e.g. Telemetry:Prometheus:Enabled).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Storage:KeepLiveVersions; null leaves the server's default.</summary>
    public int? KeepLiveVersions { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        string scenarioFolder = Path.Combine(_folder, "scenario");
        if (!Directory.Exists(scenarioFolder))
        {
            ScenarioFiles.Save(District ?? TinyDistrict.Create(), scenarioFolder);
        }

        builder.UseSetting("Storage:DatabasePath", DatabasePath);
        builder.UseSetting("Scenario:Path", Path.Combine(_folder, "scenario"));
        builder.UseSetting("Planning:QuickSearch", "true");
        builder.UseSetting("Intake:MaxOrdersPerBatch", MaxOrdersPerBatch.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Intake:MaxReceiveMessageBytes", MaxReceiveMessageBytes.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Intake:MaxOrdersPerHouseholdPerDay", MaxOrdersPerHouseholdPerDay.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Auth:Enabled", "true");
        if (KeepLiveVersions is int keep)
        {
            builder.UseSetting("Storage:KeepLiveVersions", keep.ToString(CultureInfo.InvariantCulture));
        }


        // Releases follow the fake clock: check often so a test sees one soon after moving it.
        builder.UseSetting("Live:ReleaseCheckMilliseconds", "50");
        builder.UseSetting("Auth:MaxConcurrentStreamsPerKey", MaxConcurrentStreamsPerKey.ToString(CultureInfo.InvariantCulture));
        foreach (var (name, value) in TestKeys.Settings())
        {
            builder.UseSetting(name, value);
        }

        foreach (var (name, value) in Settings)
        {
            builder.UseSetting(name, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Follows the server's background live work (top-ups, background re-plans, release checks) from now on.</summary>
    public EventSubscription<LiveWorkDone> WatchLiveWork() => Services.GetRequiredService<LiveWork>().Done.Subscribe();

    /// <summary>Follows the orders intake stores from now on.</summary>
    public EventSubscription<OrdersStored> WatchStoredOrders() => Services.GetRequiredService<EventFeed<OrdersStored>>().Subscribe();

    public GrpcChannel CreateChannel() => GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions
    {
        HttpHandler = Server.CreateHandler(),
        MaxSendMessageSize = null,
    });

    /// <summary>Calls that carry <paramref name="apiKey"/> in x-api-key; null sends no key.</summary>
    public CallInvoker CreateInvoker(string? apiKey = TestKeys.Admin) =>
        CreateChannel().Intercept(headers =>
        {
            if (apiKey is not null)
            {
                headers.Add("x-api-key", apiKey);
            }

            return headers;
        });

    public OrderIntake.OrderIntakeClient CreateIntakeClient(string? apiKey = TestKeys.Admin) => new(CreateInvoker(apiKey));

    public Contracts.V1.Planning.PlanningClient CreatePlanningClient(string? apiKey = TestKeys.Admin) => new(CreateInvoker(apiKey));

    public Volunteers.VolunteersClient CreateVolunteersClient(string? apiKey = TestKeys.Admin) => new(CreateInvoker(apiKey));

    public Supermarkets.SupermarketsClient CreateSupermarketsClient(string? apiKey = TestKeys.Admin) => new(CreateInvoker(apiKey));

    public Trucks.TrucksClient CreateTrucksClient(string? apiKey = TestKeys.Admin) => new(CreateInvoker(apiKey));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (KeepFolder)
        {
            return;
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
