using Dispatch.Contracts.V1;
using Dispatch.Domain.Orders;
using Dispatch.Server.Auth;
using Dispatch.Server.Errors;
using Dispatch.Server.Live;
using Dispatch.Server.Mapping;
using Dispatch.Storage;

namespace Dispatch.Server.Services;

/// <summary>
/// What happened to an order, for the caller who asks: one order with its history, or a page of orders in order id
/// order. A supermarket sees only its own orders, and the household's code and token only go to callers who hand
/// them on. Used by a single server's intake service and by each district of a cluster.
/// </summary>
public sealed class OrderLookup(OrderStore store, ConfirmationCodes codes, HouseholdTokens tokens)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1_000;

    public async Task<Contracts.V1.Order> GetAsync(GetOrderRequest request, Caller caller, CancellationToken cancellationToken)
    {
        RequestChecks.Id("order_id", request.OrderId, RequestChecks.MaxComposedIdLength);
        string? supermarketId = RequestChecks.OptionalId("supermarket_id", request.SupermarketId);

        // Another supermarket's order is answered exactly like a missing one: ids do not leak across supermarkets.
        var order = await FindAsync(caller, request.OrderId, supermarketId, cancellationToken) is { } found && caller.SeesSupermarket(found.SupermarketId)
            ? found
            : throw new ResourceNotFoundException("order", request.OrderId);
        var history = await store.GetHistoryAsync(order, cancellationToken);
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

    public async Task<ListOrdersResponse> ListAsync(ListOrdersRequest request, Caller caller, CancellationToken cancellationToken)
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
            caller.SupermarketFilter(supermarketId),
            gridId,
            IntakeMapping.ToDomain(request.Status),
            request.Day == 0 ? null : request.Day,
            pageSize,
            PageToken.Decode(request.PageToken));
        var page = await store.ListOrdersAsync(query, cancellationToken);

        var response = new ListOrdersResponse
        {
            NextPageToken = page.LastOrderIdIfMore is { } last ? PageToken.Encode(last) : string.Empty,
        };
        response.Orders.AddRange(page.Orders.Select(o => WithProof(IntakeMapping.ToProto(o, []), caller)));
        return response;
    }
}
