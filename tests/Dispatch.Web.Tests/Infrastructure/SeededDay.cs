using System.Globalization;
using Dispatch.Contracts.V1;
using Dispatch.Domain.Orders;
using Dispatch.Domain.Scenarios;
using Dispatch.Server.Auth;
using Dispatch.Server.Hosting;
using Dispatch.Server.Live;
using Dispatch.Server.Mapping;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Web.Tests.Infrastructure;

/// <summary>
/// The real server in this process on loopback ports (gRPC and the browser endpoint), on the shipped Jining
/// scenario with its day-1 orders pushed and the day planned (quick search), once for all browser tests. Every
/// volunteer has a key, <see cref="VolunteerKey"/>. The clock is fake: plan day 1 is 2026-11-23 and it starts at
/// 06:00 there; tests move it forward (never back) to when a trip's goods have rested.
/// </summary>
public sealed class SeededDay : IAsyncLifetime
{
    public const string AdminKey = "web-test-admin";
    public const string PlannerKey = "web-test-planner";
    public const int Day = 1;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dispatch-web-tests", Guid.NewGuid().ToString("N"));
    private GrpcChannel? _channel;

    public WebApplication App { get; private set; } = null!;

    public Scenario Scenario { get; private set; } = null!;

    public PlanSummary Plan { get; private set; } = null!;

    /// <summary>06:00 on plan day 1 in the district (UTC+8).</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 22, 0, 0, TimeSpan.Zero));

    /// <summary>Where a browser opens the app (the HTTP/1.1 endpoint).</summary>
    public string WebAddress { get; private set; } = "";

    public string GrpcAddress { get; private set; } = "";

    /// <summary>How long the push and the plan took, for the report of the test run.</summary>
    public TimeSpan SetUpTime { get; private set; }

    public static string VolunteerKey(string volunteerId) => $"web-test-{volunteerId}";

    public async Task InitializeAsync()
    {
        var started = DateTime.UtcNow;
        string scenarioFolder = ScenarioLocator.Find("seeds/jining-high-tech") ?? throw new InvalidOperationException("seeds/jining-high-tech not found above " + Directory.GetCurrentDirectory());
        Scenario = ScenarioFiles.Load(scenarioFolder);
        Directory.CreateDirectory(_folder);
        var settings = new Dictionary<string, string?>
        {
            ["Web:Urls"] = "http://127.0.0.1:0",
            ["Storage:DatabasePath"] = Path.Combine(_folder, "dispatch.db"),
            ["Scenario:Path"] = scenarioFolder,
            ["Planning:QuickSearch"] = "true",

            // Not the Development environment: the server needs a confirmation key of its own.
            ["Live:ConfirmationKey"] = "web-tests-confirmation-key-0123456789abcdef",
            ["Live:DayOneDate"] = "2026-11-23",
            ["Live:ReleaseCheckMilliseconds"] = "100",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var keys = new List<(string Key, string Role, string Subject)> { (AdminKey, "admin", ""), (PlannerKey, "planner", "") };
        keys.AddRange(Scenario.Volunteers.Select(v => (VolunteerKey(v.Id), "volunteer", v.Id)));
        for (int i = 0; i < keys.Count; i++)
        {
            settings[$"Auth:Keys:{i}:KeyHash"] = ApiKeyDirectory.Hash(keys[i].Key);
            settings[$"Auth:Keys:{i}:Role"] = keys[i].Role;
            settings[$"Auth:Keys:{i}:SubjectId"] = keys[i].Subject;
        }

        App = DispatchServer.Build(["--urls=http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Services.AddSingleton<TimeProvider>(Clock);
        });
        await App.StartAsync();
        var endpoints = App.Services.GetRequiredService<ServerEndpoints>();
        GrpcAddress = endpoints.Grpc.Single();
        WebAddress = endpoints.Web.Single();
        _channel = GrpcChannel.ForAddress(GrpcAddress);

        await PushDayOneAsync(scenarioFolder);
        Plan = await PlanDayOneAsync();
        SetUpTime = DateTime.UtcNow - started;
    }

    public CallInvoker Invoker(string apiKey) => _channel!.Intercept(headers =>
    {
        headers.Add("x-api-key", apiKey);
        return headers;
    });

    public Volunteers.VolunteersClient VolunteersClient(string apiKey = AdminKey) => new(Invoker(apiKey));

    public OrderIntake.OrderIntakeClient IntakeClient(string apiKey = AdminKey) => new(Invoker(apiKey));

    public Contracts.V1.Planning.PlanningClient PlanningClient(string apiKey = PlannerKey) => new(Invoker(apiKey));

    /// <summary>The code the household of <paramref name="orderId"/> was given.</summary>
    public string CodeOf(string orderId) => App.Services.GetRequiredService<ConfirmationCodes>().CodeFor(orderId);

    /// <summary>A code that is not the household's: the right one with its last digit changed.</summary>
    public string WrongCodeOf(string orderId)
    {
        string code = CodeOf(orderId);
        char last = code[^1] == '9' ? '0' : (char)(code[^1] + 1);
        return code[..^1] + last;
    }

    /// <summary>The route the server streams to a volunteer now.</summary>
    public async Task<Assignment> RouteOfAsync(string volunteerId)
    {
        using var call = VolunteersClient().StreamAssignments(new StreamAssignmentsRequest { VolunteerId = volunteerId }, deadline: Deadlines.Soon);
        await call.ResponseStream.MoveNext(CancellationToken.None);
        return call.ResponseStream.Current;
    }

    /// <summary>Moves the fake clock to <paramref name="planSeconds"/> on plan day 1 (never back).</summary>
    public void MoveClockTo(int planSeconds)
    {
        var target = new DateTimeOffset(2026, 11, 22, 16, 0, 0, TimeSpan.Zero).AddSeconds(planSeconds);
        if (target > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(target);
        }
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task PushDayOneAsync(string scenarioFolder)
    {
        using var reader = File.OpenText(Path.Combine(scenarioFolder, "orders-day1.csv"));
        var batches = OrderCsv.Read(reader, "orders-day1.csv");
        using var call = IntakeClient().PushOrders(deadline: DateTime.UtcNow.AddMinutes(2));
        foreach (var batch in batches)
        {
            await call.RequestStream.WriteAsync(IntakeMapping.ToProto(batch));
        }

        await call.RequestStream.CompleteAsync();
        int answers = 0;
        await foreach (var answer in call.ResponseStream.ReadAllAsync())
        {
            answers++;
            if (answer.BatchViolations.Count > 0)
            {
                throw new InvalidOperationException($"batch {answer.BatchId} refused: {answer.BatchViolations[0].Description}");
            }
        }

        if (answers != batches.Count)
        {
            throw new InvalidOperationException($"{batches.Count} batches pushed, {answers} answered");
        }
    }

    private async Task<PlanSummary> PlanDayOneAsync()
    {
        PlanSummary? plan = null;
        using var call = PlanningClient().PlanDistrictDay(
            new PlanDistrictDayRequest { DistrictId = Scenario.District.Id, Day = Day, ProbeBottleneck = false },
            deadline: DateTime.UtcNow.AddMinutes(3));
        await foreach (var update in call.ResponseStream.ReadAllAsync())
        {
            plan = update.Plan ?? plan;
        }

        return plan ?? throw new InvalidOperationException("planning ended without a plan");
    }
}

/// <summary>Every call carries a deadline so a hung stream fails the test instead of hanging CI.</summary>
public static class Deadlines
{
    public static DateTime Soon => DateTime.UtcNow.AddSeconds(30);
}

[CollectionDefinition(Name)]
public sealed class SeededDayCollection : ICollectionFixture<SeededDay>
{
    public const string Name = "seeded day";
}
