using Dispatch.Contracts.V1;
using Dispatch.Server.Tests.Infrastructure;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Server.Tests;

/// <summary>Host stop (what SIGTERM triggers) on a real loopback port, in-process so the test can see a call arrive.</summary>
public sealed class ShutdownTests : IAsyncLifetime
{
    private const int BigBatch = 10_000;
    private readonly CallArrival _arrival = new();
    private LoopbackServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync([$"--Intake:MaxOrdersPerBatch={BigBatch}"], builder =>
        {
            builder.Services.AddSingleton(_arrival);
            builder.Services.Configure<GrpcServiceOptions>(o => o.Interceptors.Add<CallArrival.Interceptor>());
        });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Unary_call_in_flight_when_the_host_stops_finishes_with_its_answer()
    {
        var client = new OrderIntake.OrderIntakeClient(_server.CreateInvoker(TestKeys.Sm1));

        var call = client.SubmitBatchAsync(Batches.Valid("B-big", count: BigBatch), deadline: Deadlines.Soon);
        await _arrival.Unary.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var stopping = _server.App.StopAsync();
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
