using Dispatch.Domain.Orders;
using Dispatch.Contracts.V1;
using Dispatch.Server.Auth;
using Dispatch.Server.Errors;
using Dispatch.Server.Live;
using Dispatch.Server.Hosting;
using Dispatch.Server.Mapping;
using Grpc.Core;

namespace Dispatch.Server.Services;

/// <summary>Volunteers' live routes, their trips from the gate, their reports from the doors and pickups at the gate.</summary>
public sealed class VolunteersService(ILiveDispatch live, IRouteHub<Assignment> hub, IHostApplicationLifetime lifetime, SignInLinks links, ServerEndpoints endpoints) : Volunteers.VolunteersBase
{
    public override async Task StreamAssignments(StreamAssignmentsRequest request, IServerStreamWriter<Assignment> responseStream, ServerCallContext context)
    {
        RequireVolunteer(context, request.VolunteerId, staffMayAct: true);

        // Headers now, not with the first route: a client resuming at its current version knows it is connected.
        await context.WriteResponseHeadersAsync([]);
        await RouteStreaming.StreamAsync(hub, request.VolunteerId, request.LastSeenVersion, responseStream, lifetime, context.CancellationToken);
    }

    public override async Task<ReportStopResult> ReportStop(ReportStopRequest request, ServerCallContext context)
    {
        RequireVolunteer(context, request.VolunteerId);
        RequestChecks.Id("delivery_id", request.DeliveryId, RequestChecks.MaxComposedIdLength);

        var result = await live.ReportStopAsync(VolunteerReportMapping.ToDomain(request), context.CancellationToken);
        return VolunteerReportMapping.ToProto(result);
    }

    public override async Task<SetAvailabilityResult> SetAvailability(SetAvailabilityRequest request, ServerCallContext context)
    {
        RequireVolunteer(context, request.VolunteerId, staffMayAct: true);
        int version = await live.SetAvailabilityAsync(request.VolunteerId, request.Available, context.CancellationToken);
        return new SetAvailabilityResult { Available = request.Available, PlanVersion = version };
    }

    public override async Task<StartTripResult> StartTrip(StartTripRequest request, ServerCallContext context)
    {
        RequireVolunteer(context, request.VolunteerId);
        var result = await live.StartTripAsync(request.VolunteerId, VolunteerReportMapping.TripNumber(request), context.CancellationToken);
        return VolunteerReportMapping.ToProto(result);
    }

    public override async Task<ConfirmPickupResult> ConfirmPickup(ConfirmPickupRequest request, ServerCallContext context)
    {
        RequireVolunteer(context, request.VolunteerId);
        var result = await live.ConfirmPickupAsync(VolunteerReportMapping.ToDomain(request), context.CancellationToken);
        return VolunteerReportMapping.ToProto(result);
    }

    public override async Task<SignInLink> CreateSignInLink(CreateSignInLinkRequest request, ServerCallContext context)
    {
        RequireVolunteer(context, request.VolunteerId, staffMayAct: true);
        var link = await links.CreateAsync(request.VolunteerId, context.CancellationToken);
        var answer = new SignInLink
        {
            VolunteerId = link.VolunteerId,
            Token = link.Token,
            Path = "/volunteer?link=" + link.Token,
            ExpiresAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(link.ExpiresAt),
        };
        answer.WebAddresses.AddRange(endpoints.Web);
        return answer;
    }

    public override async Task<RedeemedSignIn> RedeemSignInLink(RedeemSignInLinkRequest request, ServerCallContext context)
    {
        // The token is the only proof this call has: its shape first, then the store; nothing else is looked at.
        if (!SignInLinks.LooksLikeToken(request.Token))
        {
            throw new InvalidRequestException("token", $"must be the {SignInLinks.TokenLength} characters of a sign-in link");
        }

        var (volunteerId, apiKey) = await links.RedeemAsync(request.Token, context.CancellationToken);
        return new RedeemedSignIn { VolunteerId = volunteerId, ApiKey = apiKey };
    }

    public override async Task<UnlockConfirmationResult> UnlockConfirmation(UnlockConfirmationRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var (orderRef, volunteerId) = request.TargetCase switch
        {
            UnlockConfirmationRequest.TargetOneofCase.OrderId => (request.OrderId, (string?)null),
            UnlockConfirmationRequest.TargetOneofCase.VolunteerId => ((string?)null, request.VolunteerId),
            _ => throw new InvalidRequestException("target", "give order_id or volunteer_id"),
        };
        if (orderRef is not null)
        {
            RequestChecks.Id("order_id", orderRef, RequestChecks.MaxComposedIdLength);
        }
        else
        {
            RequestChecks.Id("volunteer_id", volunteerId!);
        }

        var result = await live.UnlockConfirmationAsync(orderRef, volunteerId, CallerRoles.Name(caller.Role), context.CancellationToken);
        return new UnlockConfirmationResult { WasLocked = result.WasLocked, WrongCodes = result.WrongCodes };
    }

    /// <summary>The id's rules, then whether the caller may act as that volunteer, then whether the volunteer exists.</summary>
    private void RequireVolunteer(ServerCallContext context, string volunteerId, bool staffMayAct = false)
    {
        RequestChecks.Id("volunteer_id", volunteerId);
        context.GetCaller().EnsureVolunteer(volunteerId, staffMayAct);
        if (!live.IsKnownVolunteer(volunteerId))
        {
            throw new ResourceNotFoundException("volunteer", volunteerId);
        }
    }
}
