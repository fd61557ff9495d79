using Dispatch.Contracts.V1;
using Dispatch.Server.Tests.Infrastructure;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;

namespace Dispatch.Server.Tests;

/// <summary>Whatever length a caller sends, answers, stored rejections and log lines quote a short prefix of it only.</summary>
public sealed class UnboundedInputTests : IDisposable
{
    private const int MaxQuoted = 65;
    private static readonly string s_100KB = new('b', 100_000);
    private static readonly string s_1MB = new('o', 1_000_000);
    private readonly DispatchServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    private void AssertLogLinesShort() =>
        Assert.All(_server.Logs.Lines, l => Assert.True(l.Message.Length < 1_000, $"{l.Category} logged {l.Message.Length} characters"));

    private static int TrailerBytes(RpcException error) => error.Trailers.Sum(t => t.Key.Length + (t.IsBinary ? t.ValueBytes.Length : t.Value.Length));

    [Fact]
    public async Task A_100_KB_batch_id_is_invalid_argument_with_a_short_answer_and_short_log_lines()
    {
        var batch = Batches.Valid(s_100KB);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await _server.CreateIntakeClient(TestKeys.Sm1).SubmitBatchAsync(batch, deadline: Deadlines.Soon));

        // Before, the whole id went into the message: about 250 KB of response headers.
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.True(error.Status.Detail.Length < 300, $"detail of {error.Status.Detail.Length} characters");
        Assert.True(TrailerBytes(error) < 2_000, $"trailers of {TrailerBytes(error)} bytes");
        Assert.Equal("batch_id", Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
        AssertLogLinesShort();
    }

    [Fact]
    public async Task A_streamed_batch_with_a_100_KB_id_is_answered_without_echoing_it()
    {
        using var call = _server.CreateIntakeClient(TestKeys.Sm1).PushOrders(deadline: Deadlines.Soon);
        await call.RequestStream.WriteAsync(Batches.Valid(s_100KB));
        await call.RequestStream.CompleteAsync();

        var answer = Assert.Single(await call.ResponseStream.ReadAllAsync().ToListAsync());

        Assert.Contains(answer.BatchViolations, v => v.Field == "batch_id");
        Assert.True(answer.CalculateSize() < 1_000, $"answer of {answer.CalculateSize()} bytes");
        AssertLogLinesShort();
    }

    [Fact]
    public async Task A_rejected_1_MB_order_id_is_stored_and_replayed_cut_short()
    {
        var batch = Batches.Valid("B-1", count: 1);
        batch.Orders.Add(Batches.Order(s_1MB, "H-L1-A-2", (BundleKind.Vegetable, 1)));
        var sm1 = _server.CreateIntakeClient(TestKeys.Sm1);

        var first = await sm1.SubmitBatchAsync(batch, deadline: Deadlines.Soon);
        var replay = await sm1.SubmitBatchAsync(new OrderBatch { SupermarketId = "SM1", BatchId = "B-1" }, deadline: Deadlines.Soon);

        // Before, the whole id was stored with the answer and sent back on every replay of a 189-byte request.
        var rejection = Assert.Single(first.Rejected);
        Assert.Equal("orders[1].order_id", rejection.Field);
        Assert.True(rejection.OrderId.Length <= MaxQuoted, $"rejection echoes {rejection.OrderId.Length} characters");
        Assert.StartsWith("ooo", rejection.OrderId, StringComparison.Ordinal);
        Assert.True(replay.Replayed);
        Assert.Equal(first.Rejected, replay.Rejected);
        Assert.True(replay.CalculateSize() < 1_000, $"replay of {replay.CalculateSize()} bytes");
        AssertLogLinesShort();
    }

    [Fact]
    public async Task A_huge_supermarket_id_from_another_supermarkets_key_is_denied_without_echoing_it()
    {
        var batch = Batches.Valid("B-1");
        batch.SupermarketId = s_100KB;

        var error = await Assert.ThrowsAsync<RpcException>(async () => await _server.CreateIntakeClient(TestKeys.Sm1).SubmitBatchAsync(batch, deadline: Deadlines.Soon));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.True(error.Status.Detail.Length < 300, $"detail of {error.Status.Detail.Length} characters");
        AssertLogLinesShort();
    }

    [Theory]
    [InlineData("volunteer_id")]
    [InlineData("delivery_id")]
    [InlineData("order_id")]
    public async Task Huge_ids_on_live_calls_are_invalid_argument_with_a_short_answer(string field)
    {
        var volunteers = _server.CreateVolunteersClient(TestKeys.Admin);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            if (field == "order_id")
            {
                await volunteers.ConfirmPickupAsync(new ConfirmPickupRequest { VolunteerId = "V1", OrderId = s_100KB, ConfirmationCode = "123456" }, deadline: Deadlines.Soon);
            }
            else
            {
                await volunteers.ReportStopAsync(
                    new ReportStopRequest
                    {
                        VolunteerId = field == "volunteer_id" ? s_100KB : "V1",
                        DeliveryId = field == "delivery_id" ? s_100KB : "D-1",
                        Delivered = new Delivered { ConfirmationCode = "123456" },
                    },
                    deadline: Deadlines.Soon);
            }
        });

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field, error.Status.Detail, StringComparison.Ordinal);
        Assert.True(error.Status.Detail.Length < 300, $"detail of {error.Status.Detail.Length} characters");
        AssertLogLinesShort();
    }
}
