using Dispatch.Contracts.V1;
using Dispatch.Domain.Scenarios;
using Dispatch.Server.Hosting;
using Dispatch.Server.Tests.Infrastructure;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Server.Tests;

/// <summary>Host stop (what SIGTERM triggers) on a real loopback port, in-process so the test can see a call arrive.</summary>
public sealed class ShutdownTests : IAsyncLifetime
{
    private const int BigBatch = 10_000;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dispatch-tests", Guid.NewGuid().ToString("N"));
    private readonly CallArrival _arrival = new();
    private WebApplication _app = null!;
    private string _address = "";

    public async Task InitializeAsync()
    {
        ScenarioFiles.Save(TinyDistrict.Create(), Path.Combine(_folder, "scenario"));
        var settings = new List<string>
        {
            "--urls=http://127.0.0.1:0", $"--Storage:DatabasePath={Path.Combine(_folder, "dispatch.db")}", $"--Scenario:Path={Path.Combine(_folder, "scenario")}",
            $"--Intake:MaxOrdersPerBatch={BigBatch}", "--Logging:LogLevel:Default=Warning",
        };
        settings.AddRange(TestKeys.Settings().Select(s => $"--{s.Key}={s.Value}"));
        _app = DispatchServer.Build([.. settings], builder =>
        {
            builder.Services.AddSingleton(_arrival);
            builder.Services.Configure<GrpcServiceOptions>(o => o.Interceptors.Add<CallArrival.Interceptor>());
        });
        await _app.StartAsync();
        _address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Unary_call_in_flight_when_the_host_stops_finishes_with_its_answer()
    {
        using var channel = GrpcChannel.ForAddress(_address);
        var client = new OrderIntake.OrderIntakeClient(channel.Intercept(h =>
        {
            h.Add("x-api-key", TestKeys.Sm1);
            return h;
        }));

        var call = client.SubmitBatchAsync(Batches.Valid("B-big", count: BigBatch), deadline: Deadlines.Soon);
        await _arrival.Unary.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var stopping = _app.StopAsync();
        var result = await call.ResponseAsync;
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(BigBatch, result.AcceptedCount);
    }

    /// <summary>Tells the test when a unary call has reached the service.</summary>
    public sealed class CallArrival
    {
        public TaskCompletionSource Unary { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public sealed class Interceptor(CallArrival arrival) : Grpc.Core.Interceptors.Interceptor
        {
            public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
                TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
            {
                arrival.Unary.TrySetResult();
                return continuation(request, context);
            }
        }
    }
}
