using Dispatch.Contracts.V1;
using Dispatch.Server.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Core;

namespace Dispatch.Server.Tests;

/// <summary>
/// Refusals made by ASP.NET Core's pipeline, before a call reaches its service, reach a grpc-dotnet client over real
/// Kestrel and HTTP/2 as gRPC statuses with their message (an HTTP 401/403 would read "Bad gRPC response").
/// </summary>
public sealed class PipelineStatusTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync([]);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<RpcException> RefusedAsync(string? key, Func<CallInvoker, Task> call)
    {
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(_server.Address);
        var invoker = key is null ? channel.CreateCallInvoker() : _server.CreateInvoker(key);
        return await Assert.ThrowsAsync<RpcException>(() => call(invoker));
    }

    [Fact]
    public async Task No_key_an_unknown_key_and_a_role_that_may_not_call_are_grpc_statuses_with_their_reason()
    {
        static Task Submit(CallInvoker invoker) => new OrderIntake.OrderIntakeClient(invoker).SubmitBatchAsync(Batches.Valid("B-1"), deadline: Deadlines.Soon).ResponseAsync;

        var none = await RefusedAsync(null, Submit);
        var unknown = await RefusedAsync("no-such-key", Submit);
        var volunteer = await RefusedAsync(TestKeys.Volunteer, Submit);

        Assert.Equal((StatusCode.Unauthenticated, "no API key: send it in the 'x-api-key' header or as 'authorization: Bearer KEY'"), (none.StatusCode, none.Status.Detail));
        Assert.Equal((StatusCode.Unauthenticated, "unknown API key"), (unknown.StatusCode, unknown.Status.Detail));
        Assert.Equal((StatusCode.PermissionDenied, "a volunteer key may not call /dispatch.v1.OrderIntake/SubmitBatch"), (volunteer.StatusCode, volunteer.Status.Detail));
    }

    [Fact]
    public async Task A_method_that_does_not_exist_is_unimplemented_only_to_a_known_key()
    {
        var method = new Method<OrderBatch, BatchResult>(
            MethodType.Unary, "dispatch.v1.OrderIntake", "NoSuchMethod", Marshallers.Create(m => m.ToByteArray(), OrderBatch.Parser.ParseFrom), Marshallers.Create(m => m.ToByteArray(), BatchResult.Parser.ParseFrom));
        Task Call(CallInvoker invoker) => invoker.AsyncUnaryCall(method, null, new CallOptions(deadline: Deadlines.Soon), new OrderBatch()).ResponseAsync;

        var anonymous = await RefusedAsync(null, Call);
        var known = await RefusedAsync(TestKeys.Sm1, Call);

        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        Assert.Equal(StatusCode.Unimplemented, known.StatusCode);
    }
}
