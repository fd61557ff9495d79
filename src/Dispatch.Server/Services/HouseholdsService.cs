using Dispatch.Contracts.V1;
using Dispatch.Server.Auth;
using Dispatch.Server.Errors;
using Dispatch.Server.Live;
using Grpc.Core;

namespace Dispatch.Server.Services;

/// <summary>A household's own order, seen with its token instead of an API key.</summary>
public sealed class HouseholdsService(HouseholdTokens tokens, HouseholdOrderFeed feed) : Households.HouseholdsBase
{
    public override async Task WatchOrder(WatchOrderRequest request, IServerStreamWriter<HouseholdOrder> responseStream, ServerCallContext context)
    {
        // The token is this call's only proof: it is checked before anything is looked up, and a wrong one is answered
        // exactly like an order that does not exist.
        if (request.OrderRef.Length is 0 or > RequestChecks.MaxComposedIdLength || !tokens.Matches(request.OrderRef, request.Token))
        {
            throw new ResourceNotFoundException("order", request.OrderRef);
        }

        await feed.StreamAsync(request.OrderRef, responseStream, context.CancellationToken);
    }
}
