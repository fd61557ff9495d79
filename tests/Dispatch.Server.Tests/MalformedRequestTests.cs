using Dispatch.Contracts.V1;
using Dispatch.Server.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Dispatch.Server.Tests;

/// <summary>Bodies that are no protobuf message: INVALID_ARGUMENT and one warning line without a stack, not UNKNOWN and an error-level stack trace.</summary>
public sealed class MalformedRequestTests : IDisposable
{
    // Tag 0 is not a field: no message parses from it.
    private static readonly byte[] s_garbage = [0x00, 0x01, 0x02, 0x03];
    private static readonly Marshaller<byte[]> s_bytes = Marshallers.Create(b => b, b => b);
    private readonly DispatchServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    private static Method<byte[], byte[]> Raw(MethodType type, string name) => new(type, "dispatch.v1.OrderIntake", name, s_bytes, s_bytes);

    [Fact]
    public async Task A_unary_request_that_does_not_parse_is_invalid_argument_logged_as_a_warning_without_a_stack()
    {
        var invoker = _server.CreateInvoker(TestKeys.Sm1);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await invoker.AsyncUnaryCall(Raw(MethodType.Unary, "SubmitBatch"), null, new CallOptions(deadline: Deadlines.Soon), s_garbage));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("not a valid OrderBatch", error.Status.Detail, StringComparison.Ordinal);
        var warning = Assert.Single(_server.Logs.Lines, l => l.Message.Contains("does not parse", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Null(warning.Exception);
        Assert.DoesNotContain(_server.Logs.Lines, l => l.Level >= LogLevel.Error);
        var alive = await _server.CreateIntakeClient(TestKeys.Sm1).SubmitBatchAsync(Batches.Valid("B-1"), deadline: Deadlines.Soon);
        Assert.Equal(3, alive.AcceptedCount);
    }

    [Fact]
    public async Task A_streamed_batch_that_does_not_parse_ends_the_stream_with_invalid_argument_after_the_ones_before()
    {
        var invoker = _server.CreateInvoker(TestKeys.Sm1);
        using var call = invoker.AsyncDuplexStreamingCall(Raw(MethodType.DuplexStreaming, "PushOrders"), null, new CallOptions(deadline: Deadlines.Soon));

        await call.RequestStream.WriteAsync(Google.Protobuf.MessageExtensions.ToByteArray(Batches.Valid("B-1")));
        Assert.True(await call.ResponseStream.MoveNext());
        var first = BatchResult.Parser.ParseFrom(call.ResponseStream.Current);
        await call.RequestStream.WriteAsync(s_garbage);
        var error = await Assert.ThrowsAsync<RpcException>(async () => await call.ResponseStream.MoveNext());

        Assert.Equal(3, first.AcceptedCount);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.DoesNotContain(_server.Logs.Lines, l => l.Level >= LogLevel.Error);
    }
}
