using Dispatch.Contracts.V1;
using Dispatch.Server.Mapping;
using Dispatch.Server.Tests.Infrastructure;
using Dispatch.Storage;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Server.Tests;

/// <summary>Malformed and hostile input on every OrderIntake call: the right status, a message naming the field, nothing half-written, and the server still serving.</summary>
/// <remarks>One server for the whole class (starting one per case costs more than the cases): ids are unique per test and row counts are compared before and after.</remarks>
public sealed class BadInputTests : IClassFixture<DispatchServerFactory>
{
    private const string Injection = "'; DROP TABLE orders;--";
    private const string Unicode = "订单-🚚-שלום";

    // Direction overrides and NUL are not printable: refused, never stored (a NUL used to be stored as "0").
    private const string RightToLeftOverride = "订单-\u202Eevil\u202C";
    private const string Nul = "O-\0-null";
    private static readonly string s_huge = new('x', 10_000);
    private readonly DispatchServerFactory _server;
    private readonly OrderIntake.OrderIntakeClient _admin;

    public BadInputTests(DispatchServerFactory server)
    {
        _server = server;
        _admin = server.CreateIntakeClient(TestKeys.Admin);
    }

    private Task<int> StoredAsync() => _server.Services.GetRequiredService<OrderStore>().CountOrdersAsync(CancellationToken.None);

    private async Task AssertStillServingAsync()
    {
        var result = await _admin.SubmitBatchAsync(Batches.Valid($"alive-{Guid.NewGuid():N}"), deadline: Deadlines.Soon);
        Assert.Equal(3, result.AcceptedCount);
    }

    private static async Task<RpcException> InvalidArgumentAsync(Func<Task> call, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field, error.Status.Detail);
        return error;
    }

    public static TheoryData<string, string, string, int, string> WholeBatchWrong => new()
    {
        { "SM1", "", "L1-A", 1, "batch_id" },
        { "SM1", "   ", "L1-A", 1, "batch_id" },
        { "SM1", s_huge, "L1-A", 1, "batch_id" },
        { "", "B", "L1-A", 1, "supermarket_id" },
        { Injection, "B", "L1-A", 1, "supermarket_id" },
        { Unicode, "B", "L1-A", 1, "supermarket_id" },
        { "SM1", Nul, "L1-A", 1, "batch_id" },
        { "SM1", RightToLeftOverride, "L1-A", 1, "batch_id" },
        { "SM1", " B", "L1-A", 1, "batch_id" },
        { "SM1", "B", "L1-A\n", 1, "grid_id" },
        { "SM1", "B", Injection, 1, "grid_id" },
        { "SM1", "B", s_huge, 1, "grid_id" },
        { "SM1", "B", "L1-A", -1, "day" },
        { "SM1", "B", "L1-A", 367, "day" },
        { "SM1", "B", "L1-A", int.MaxValue, "day" },
        { "SM1", "B", "L1-A", int.MinValue, "day" },
    };

    [Theory]
    [MemberData(nameof(WholeBatchWrong))]
    public async Task Hostile_batch_fields_are_invalid_argument_naming_the_field_and_store_nothing(string supermarketId, string batchId, string gridId, int day, string field)
    {
        var batch = Batches.Valid("B");
        batch.SupermarketId = supermarketId;
        batch.BatchId = batchId;
        batch.GridId = gridId;
        batch.Day = day;
        int before = await StoredAsync();

        var error = await InvalidArgumentAsync(async () => await _admin.SubmitBatchAsync(batch, deadline: Deadlines.Soon), field);

        Assert.Contains(error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations, v => v.Field == field);
        Assert.Equal(before, await StoredAsync());
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Hostile_orders_are_rejected_one_by_one_with_their_field_and_the_rest_stored()
    {
        var batch = Batches.Valid("B-hostile", count: 1);
        batch.Orders.Add(Batches.Order(s_huge, "H-L1-A-2", (BundleKind.Vegetable, 1)));
        batch.Orders.Add(Batches.Order("", "H-L1-A-2", (BundleKind.Vegetable, 1)));
        batch.Orders.Add(Batches.Order("o-inj-household", Injection, (BundleKind.Vegetable, 1)));
        batch.Orders.Add(Batches.Order("o-huge-household", s_huge, (BundleKind.Vegetable, 1)));
        batch.Orders.Add(Batches.Order("o-min", "H-L1-A-3", (BundleKind.Vegetable, int.MinValue)));
        batch.Orders.Add(Batches.Order("o-max", "H-L1-A-3", (BundleKind.Vegetable, int.MaxValue)));
        batch.Orders.Add(Batches.Order("o-kind", "H-L1-A-3", ((BundleKind)999, 1)));
        batch.Orders.Add(Batches.Order("o-neg-kind", "H-L1-A-3", ((BundleKind)(-5), 1)));
        batch.Orders.Add(Batches.Order("o-twice-kind", "H-L1-A-3", (BundleKind.Vegetable, 1), (BundleKind.Vegetable, 1)));
        batch.Orders.Add(Batches.Order(Injection, "H-L1-A-4", (BundleKind.Medicine, 1)));
        batch.Orders.Add(Batches.Order(Unicode, "H-L1-A-5", (BundleKind.RiceAndFlour, 2)));
        batch.Orders.Add(Batches.Order(Nul, "H-L1-A-5", (BundleKind.Vegetable, 1)));
        batch.Orders.Add(Batches.Order(RightToLeftOverride, "H-L1-A-5", (BundleKind.Vegetable, 1)));
        batch.Orders.Add(Batches.Order("o-nul-household", "H-L1-A-\0", (BundleKind.Vegetable, 1)));
        batch.Orders.Add(Batches.Order("O#1/2", "H-L1-A-5", (BundleKind.Vegetable, 1)));
        batch.Orders.Add(Batches.Order("O-1@retry", "H-L1-A-5", (BundleKind.Vegetable, 1)));
        int before = await StoredAsync();

        var result = await _admin.SubmitBatchAsync(batch, deadline: Deadlines.Soon);

        Assert.Equal(3, result.AcceptedCount);
        Assert.Equal(Enumerable.Range(1, 9).Concat(Enumerable.Range(12, 5)), result.Rejected.Select(r => r.Index).Order());
        Assert.All(result.Rejected, r => Assert.True(r.OrderId.Length <= 65, $"rejection {r.Index} echoes {r.OrderId.Length} characters"));
        Assert.All(result.Rejected, r => Assert.StartsWith($"orders[{r.Index}].", r.Field));
        Assert.All(result.Rejected, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
        Assert.Equal(before + 3, await StoredAsync());

        // Hostile but valid ids are data: stored and read back byte for byte, never interpreted.
        var injected = await _admin.GetOrderAsync(new GetOrderRequest { OrderId = Injection }, deadline: Deadlines.Soon);
        var unicode = await _admin.GetOrderAsync(new GetOrderRequest { OrderId = Unicode }, deadline: Deadlines.Soon);
        Assert.Equal(Injection, injected.OrderId);
        Assert.Equal(Unicode, unicode.OrderId);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Injection_and_unicode_in_a_batch_id_are_stored_literally_and_replayed()
    {
        int before = await StoredAsync();
        var first = await _admin.SubmitBatchAsync(Batches.Valid(Injection, orderPrefix: "inj"), deadline: Deadlines.Soon);
        var again = await _admin.SubmitBatchAsync(Batches.Valid(Injection, orderPrefix: "inj"), deadline: Deadlines.Soon);
        var unicode = await _admin.SubmitBatchAsync(Batches.Valid(Unicode, orderPrefix: "uni"), deadline: Deadlines.Soon);
        var unicodeAgain = await _admin.SubmitBatchAsync(Batches.Valid(Unicode, orderPrefix: "uni"), deadline: Deadlines.Soon);

        Assert.Equal(3, first.AcceptedCount);
        Assert.True(again.Replayed);
        Assert.Equal(Unicode, unicode.BatchId);
        Assert.True(unicodeAgain.Replayed);
        Assert.Equal(before + 6, await StoredAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Empty_order_id_is_invalid_argument(string orderId)
    {
        await InvalidArgumentAsync(async () => await _admin.GetOrderAsync(new GetOrderRequest { OrderId = orderId }, deadline: Deadlines.Soon), "order_id");
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Huge_order_id_is_invalid_argument_and_unknown_ones_are_not_found()
    {
        await InvalidArgumentAsync(async () => await _admin.GetOrderAsync(new GetOrderRequest { OrderId = s_huge }, deadline: Deadlines.Soon), "order_id");
        foreach (string id in new[] { Nul, RightToLeftOverride })
        {
            await InvalidArgumentAsync(async () => await _admin.GetOrderAsync(new GetOrderRequest { OrderId = id }, deadline: Deadlines.Soon), "order_id");
        }

        foreach (string id in new[] { Injection, Unicode })
        {
            var error = await Assert.ThrowsAsync<RpcException>(async () => await _admin.GetOrderAsync(new GetOrderRequest { OrderId = id }, deadline: Deadlines.Soon));
            Assert.Equal(StatusCode.NotFound, error.StatusCode);
        }

        await AssertStillServingAsync();
    }

    public static TheoryData<ListOrdersRequest, string> BadListings => new()
    {
        { new ListOrdersRequest { PageSize = -1 }, "page_size" },
        { new ListOrdersRequest { PageSize = int.MinValue }, "page_size" },
        { new ListOrdersRequest { Day = -1 }, "day" },
        { new ListOrdersRequest { Status = (OrderStatus)999 }, "status" },
        { new ListOrdersRequest { Status = (OrderStatus)(-1) }, "status" },
        { new ListOrdersRequest { SupermarketId = s_huge }, "supermarket_id" },
        { new ListOrdersRequest { GridId = s_huge }, "grid_id" },
        { new ListOrdersRequest { PageToken = "!!!" }, "page_token" },
        { new ListOrdersRequest { PageToken = Injection }, "page_token" },
        { new ListOrdersRequest { PageToken = Unicode }, "page_token" },
        { new ListOrdersRequest { PageToken = Convert.ToBase64String(new byte[300]) }, "page_token" },
        { new ListOrdersRequest { PageToken = s_huge }, "page_token" },
    };

    [Theory]
    [MemberData(nameof(BadListings))]
    public async Task Bad_listing_requests_are_invalid_argument_naming_the_field(ListOrdersRequest request, string field)
    {
        await InvalidArgumentAsync(async () => await _admin.ListOrdersAsync(request, deadline: Deadlines.Soon), field);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Forged_well_formed_page_token_is_only_a_cursor_and_cannot_widen_a_supermarket_listing()
    {
        await _admin.SubmitBatchAsync(Batches.Valid("F-1"), deadline: Deadlines.Soon);
        await _admin.SubmitBatchAsync(Batches.Valid("F-2", "SM2", "L1-B"), deadline: Deadlines.Soon);
        var sm1 = _server.CreateIntakeClient(TestKeys.Sm1);

        var page = await sm1.ListOrdersAsync(new ListOrdersRequest { PageToken = PageToken.Encode(Injection) }, deadline: Deadlines.Soon);
        var huge = await _admin.ListOrdersAsync(new ListOrdersRequest { PageSize = int.MaxValue, Day = int.MaxValue, Status = OrderStatus.Cancelled }, deadline: Deadlines.Soon);

        Assert.All(page.Orders, o => Assert.Equal("SM1", o.SupermarketId));
        Assert.Empty(huge.Orders);
    }

    [Fact]
    public async Task Stream_of_hostile_batches_answers_each_and_goes_on()
    {
        var batches = new List<OrderBatch>
        {
            Batches.Valid("S-1"),
            new() { SupermarketId = Injection, BatchId = "S-2", GridId = "L1-A", Day = 1 },
            new(),
            Batches.Valid(s_huge),
            Batches.Valid(Unicode + "-s", orderPrefix: "S-uni"),
            Batches.Valid("S-1"),
        };
        batches[3].Day = 9999;
        int before = await StoredAsync();

        using var call = _admin.PushOrders(deadline: Deadlines.Soon);
        foreach (var batch in batches)
        {
            await call.RequestStream.WriteAsync(batch);
        }

        await call.RequestStream.CompleteAsync();
        var answers = await call.ResponseStream.ReadAllAsync().ToListAsync();

        Assert.Equal(batches.Count, answers.Count);
        Assert.Empty(answers[0].BatchViolations);
        Assert.Contains(answers[1].BatchViolations, v => v.Field == "supermarket_id");
        Assert.Contains(answers[2].BatchViolations, v => v.Field == "batch_id");
        Assert.Contains(answers[3].BatchViolations, v => v.Field == "batch_id");
        Assert.Equal(3, answers[4].AcceptedCount);
        // Batches on one stream are validated in parallel, so which of two copies counts as first is not fixed; one is.
        Assert.Single(new[] { answers[0], answers[5] }, a => a.Replayed);
        Assert.Equal(3, answers[5].AcceptedCount);
        Assert.Equal(before + 6, await StoredAsync());
        await AssertStillServingAsync();
    }
}
