using Dispatch.Contracts.V1;
using Dispatch.Domain.Orders;
using Dispatch.Server.Auth;
using Dispatch.Server.Errors;
using Dispatch.Server.Live;
using Dispatch.Server.Mapping;
using Grpc.Core;

namespace Dispatch.Server.Services;

/// <summary>Supermarkets following their orders.</summary>
public sealed class SupermarketsService(IReferenceData reference, OrderEventHub events, IHostApplicationLifetime lifetime) : Supermarkets.SupermarketsBase
{
    public override async Task WatchOrders(WatchOrdersRequest request, IServerStreamWriter<OrderStatusEvent> responseStream, ServerCallContext context)
    {
        RequestChecks.Id("supermarket_id", request.SupermarketId);

        if (!context.GetCaller().SeesSupermarket(request.SupermarketId))
        {
            throw new PermissionDeniedException($"this key may not watch the orders of supermarket '{request.SupermarketId}'");
        }

        if (reference.FindSupermarket(request.SupermarketId) is null)
        {
            throw new ResourceNotFoundException("supermarket", request.SupermarketId);
        }

        using var watch = events.Watch(request.SupermarketId);

        // Headers once the watch is in place: a client that has them sees every change made after.
        await context.WriteResponseHeadersAsync([]);
        await ServerShutdown.StreamUntilStoppedAsync(
            watch.Reader,
            e => responseStream.WriteAsync(new OrderStatusEvent
            {
                OrderId = e.SupermarketOrderId,
                OrderRef = e.OrderId,
                HouseholdId = e.HouseholdId,
                Status = IntakeMapping.ToProto(e.Change.Status),
                AtUnixSeconds = e.Change.AtUnixSeconds,
                Reason = e.Change.Reason,
                Dropped = watch.TakeDropped(),
            }),
            lifetime,
            context.CancellationToken);
    }
}
