using Dispatch.Domain.Scenarios;
using Dispatch.Server.Errors;
using Dispatch.Server.Mapping;
using Dispatch.Server.Planning;
using Dispatch.Storage;
using Grpc.Core;
using V1 = Dispatch.Contracts.V1;

namespace Dispatch.Server.Live;

/// <summary>
/// Follows one order for its household: the order now, then again when its status changes or a new plan version
/// moves its time; an answer equal to the last one sent is not sent again. The caller has checked the token.
/// </summary>
public sealed class HouseholdOrderFeed(
    OrderStore store, PlanBook plans, ScenarioIndex scenario, ConfirmationCodes codes, OrderEventHub orderEvents, Hosting.LiveOptions options, IHostApplicationLifetime lifetime)
{
    public async Task StreamAsync(string orderRef, IServerStreamWriter<V1.HouseholdOrder> responseStream, CancellationToken callCancelled)
    {
        var order = await store.GetOrderAsync(orderRef, callCancelled) ?? throw new ResourceNotFoundException("order", orderRef);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(callCancelled, lifetime.ApplicationStopping);
        var cancellationToken = either.Token;
        using var watch = orderEvents.WatchOrder(order.Id);
        V1.HouseholdOrder? sent = null;
        try
        {
            while (true)
            {
                var saved = plans.NextSave;
                order = await store.GetOrderAsync(orderRef, cancellationToken) ?? throw new ResourceNotFoundException("order", orderRef);
                var history = await store.GetHistoryAsync(order, cancellationToken);
                var plan = await plans.FindAsync(scenario.Scenario.District.Id, order.Day, 0, cancellationToken);
                var now = HouseholdOrderMapping.ToProto(order, history, plan, scenario, codes.CodeFor(order.Id), options.UtcOffsetMinutes);
                if (!now.Equals(sent))
                {
                    await responseStream.WriteAsync(now, cancellationToken);
                    sent = now;
                }

                await NextChangeAsync(watch, saved, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested && !callCancelled.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "server shutting down: reconnect"));
        }
    }

    /// <summary>Until a status change of this order or a new plan version; changes that came meanwhile are folded into one answer.</summary>
    private static async Task NextChangeAsync(OrderWatch watch, Task saved, CancellationToken cancellationToken)
    {
        await Task.WhenAny(watch.Reader.WaitToReadAsync(cancellationToken).AsTask(), saved);
        cancellationToken.ThrowIfCancellationRequested();
        while (watch.Reader.TryRead(out _))
        {
        }
    }
}
