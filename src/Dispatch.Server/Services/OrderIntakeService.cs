using Dispatch.Contracts.V1;
using Dispatch.Domain.Orders;
using Dispatch.Server.Auth;
using Dispatch.Server.Errors;
using Dispatch.Server.Intake;
using Dispatch.Server.Live;
using Dispatch.Server.Mapping;
using Dispatch.Storage;
using Grpc.Core;

namespace Dispatch.Server.Services;

/// <summary>Supermarkets push order batches and ask what happened to each order.</summary>
public sealed class OrderIntakeService(BatchIntake intake, OrderStore store, ConfirmationCodes codes, HouseholdTokens tokens) : OrderIntake.OrderIntakeBase
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1_000;

    public override async Task<BatchResult> SubmitBatch(Contracts.V1.OrderBatch request, ServerCallContext context)
    {
        context.GetCaller().EnsureSupermarket(request.SupermarketId);
        var result = await intake.SubmitAsync(IntakeMapping.ToDomain(request), context.CancellationToken);
        return IntakeMapping.ToProto(result.Receipt, result.Replayed);
    }

    // Validation of the next batches overlaps the write of the current one.
    public override Task PushOrders(IAsyncStreamReader<Contracts.V1.OrderBatch> requestStream, IServerStreamWriter<BatchResult> responseStream, ServerCallContext context) =>
        BatchPushPipeline.RunAsync(requestStream, responseStream, context, batch => AnswerAsync(batch, context.CancellationToken));

    private async Task<BatchResult> AnswerAsync(Contracts.V1.OrderBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            var result = await intake.SubmitAsync(IntakeMapping.ToDomain(batch), cancellationToken);
            return IntakeMapping.ToProto(result.Receipt, result.Replayed);
        }
        catch (InvalidRequestException invalid)
        {
            // One bad batch must not end a stream of hundreds: it is answered, nothing of it stored.
            var answer = new BatchResult { SupermarketId = IdText.Quote(batch.SupermarketId), BatchId = IdText.Quote(batch.BatchId) };
            answer.BatchViolations.AddRange(invalid.Violations.Select(v => new Contracts.V1.FieldViolation { Field = v.Field, Description = v.Description }));
            return answer;
        }
    }

    public override async Task<Contracts.V1.Order> GetOrder(GetOrderRequest request, ServerCallContext context)
    {
        RequestChecks.Id("order_id", request.OrderId, RequestChecks.MaxComposedIdLength);
        string? supermarketId = RequestChecks.OptionalId("supermarket_id", request.SupermarketId);
        var caller = context.GetCaller();

        // Another supermarket's order is answered exactly like a missing one: ids do not leak across supermarkets.
        var order = await FindAsync(caller, request.OrderId, supermarketId, context.CancellationToken) is { } found && caller.SeesSupermarket(found.SupermarketId)
            ? found
            : throw new ResourceNotFoundException("order", request.OrderId);
        var history = await store.GetHistoryAsync(order, context.CancellationToken);
        return WithProof(IntakeMapping.ToProto(order, history), caller);
    }

    /// <summary>The household's code and token, for the callers that hand them to the household.</summary>
    private Contracts.V1.Order WithProof(Contracts.V1.Order order, Caller caller)
    {
        if (caller.GetsHouseholdProof(order.SupermarketId))
        {
            order.ConfirmationCode = codes.CodeFor(order.OrderRef);
            order.HouseholdToken = tokens.TokenFor(order.OrderRef);
        }

        return order;
    }

    private async Task<Domain.Orders.Order?> FindAsync(Caller caller, string orderId, string? supermarketId, CancellationToken cancellationToken)
    {
        if (caller.Role == CallerRole.Supermarket || supermarketId is not null)
        {
            return await store.GetOrderAsync(supermarketId ?? caller.SubjectId, orderId, cancellationToken);
        }

        // Staff without a supermarket: the order_ref plans and routes show, else the one supermarket using that id.
        if (await store.GetOrderAsync(orderId, cancellationToken) is { } byRef)
        {
            return byRef;
        }

        var byOwnId = await store.FindBySupermarketOrderIdAsync(orderId, 2, cancellationToken);
        return byOwnId.Count > 1
            ? throw new InvalidRequestException("supermarket_id", $"several supermarkets use order id '{orderId}': say whose")
            : byOwnId.FirstOrDefault();
    }

    public override async Task<ListOrdersResponse> ListOrders(ListOrdersRequest request, ServerCallContext context)
    {
        if (request.PageSize < 0)
        {
            throw new InvalidRequestException("page_size", "must not be negative");
        }

        if (request.Day < 0)
        {
            throw new InvalidRequestException("day", "must not be negative");
        }

        if (request.Status != Contracts.V1.OrderStatus.Unspecified && !System.Enum.IsDefined(request.Status))
        {
            throw new InvalidRequestException("status", $"unknown status {(int)request.Status}");
        }

        string? supermarketId = RequestChecks.OptionalId("supermarket_id", request.SupermarketId);
        string? gridId = RequestChecks.OptionalId("grid_id", request.GridId);
        int pageSize = request.PageSize == 0 ? DefaultPageSize : Math.Min(request.PageSize, MaxPageSize);
        var query = new OrderQuery(
            context.GetCaller().SupermarketFilter(supermarketId),
            gridId,
            IntakeMapping.ToDomain(request.Status),
            request.Day == 0 ? null : request.Day,
            pageSize,
            PageToken.Decode(request.PageToken));
        var page = await store.ListOrdersAsync(query, context.CancellationToken);

        var response = new ListOrdersResponse
        {
            NextPageToken = page.LastOrderIdIfMore is { } last ? PageToken.Encode(last) : string.Empty,
        };
        var caller = context.GetCaller();
        response.Orders.AddRange(page.Orders.Select(o => WithProof(IntakeMapping.ToProto(o, []), caller)));
        return response;
    }
}
