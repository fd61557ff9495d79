using Dispatch.Contracts.V1;
using Dispatch.Domain.Geography;
using Dispatch.Server.Auth;
using Dispatch.Server.Live;
using Dispatch.Server.Services;
using Google.Protobuf;
using Grpc.Core;

namespace Dispatch.Server.Cluster;

/// <summary>
/// Volunteers on any silo of the city. A volunteer is named with their district (<c>district/V001</c>); their route
/// streams from this silo's copy of the district's routes (<see cref="CityRouteFeed"/>) with the same versions and
/// resume rule as a single-district server; reports, trip starts and pickups go to the district's grain. Sign-in links
/// and unlocks are not served in cluster mode (UNIMPLEMENTED).
/// </summary>
public sealed class CityVolunteersService(CityMembers members, CityRouteFeed routes, IHostApplicationLifetime lifetime) : Volunteers.VolunteersBase
{
    public override async Task StreamAssignments(StreamAssignmentsRequest request, IServerStreamWriter<Assignment> responseStream, ServerCallContext context)
    {
        var (volunteer, _) = await VolunteerAsync(context, request.VolunteerId, staffMayAct: true);
        await routes.FollowAsync(volunteer.District);
        await context.WriteResponseHeadersAsync([]);
        await RouteStreaming.StreamAsync(routes.Hub, volunteer.ToString(), request.LastSeenVersion, responseStream, lifetime, context.CancellationToken);
    }

    public override async Task<ReportStopResult> ReportStop(ReportStopRequest request, ServerCallContext context)
    {
        var (volunteer, grain) = await VolunteerAsync(context, request.VolunteerId);
        RequestChecks.Id("delivery_id", request.DeliveryId, RequestChecks.MaxComposedIdLength);
        var local = request.Clone();
        local.VolunteerId = volunteer.LocalId;
        return await DistrictCall.SendAsync(volunteer.District.ToString(), () => grain.ReportStop(local.ToByteArray()), ReportStopResult.Parser);
    }

    public override async Task<SetAvailabilityResult> SetAvailability(SetAvailabilityRequest request, ServerCallContext context)
    {
        var (volunteer, grain) = await VolunteerAsync(context, request.VolunteerId, staffMayAct: true);
        var local = request.Clone();
        local.VolunteerId = volunteer.LocalId;
        return await DistrictCall.SendAsync(volunteer.District.ToString(), () => grain.SetAvailability(local.ToByteArray()), SetAvailabilityResult.Parser);
    }

    public override async Task<StartTripResult> StartTrip(StartTripRequest request, ServerCallContext context)
    {
        var (volunteer, grain) = await VolunteerAsync(context, request.VolunteerId);
        var local = request.Clone();
        local.VolunteerId = volunteer.LocalId;
        return await DistrictCall.SendAsync(volunteer.District.ToString(), () => grain.StartTrip(local.ToByteArray()), StartTripResult.Parser);
    }

    public override async Task<ConfirmPickupResult> ConfirmPickup(ConfirmPickupRequest request, ServerCallContext context)
    {
        var (volunteer, grain) = await VolunteerAsync(context, request.VolunteerId);
        var local = request.Clone();
        local.VolunteerId = volunteer.LocalId;
        return await DistrictCall.SendAsync(volunteer.District.ToString(), () => grain.ConfirmPickup(local.ToByteArray()), ConfirmPickupResult.Parser);
    }

    private Task<(DistrictScopedId Volunteer, IDistrictGrain Grain)> VolunteerAsync(ServerCallContext context, string volunteerId, bool staffMayAct = false) =>
        members.FindAsync("volunteer_id", volunteerId, "volunteer", id => context.GetCaller().EnsureVolunteer(id, staffMayAct), (grain, local) => grain.HasVolunteer(local));
}
