using Dispatch.Contracts.V1;
using Dispatch.Server.Errors;
using Dispatch.Server.Services;
using Google.Protobuf;
using Grpc.Core;

namespace Dispatch.Server.Cluster;

/// <summary>
/// Planning on any silo of the city: the district named in the request plans in its grain. PlanDistrictDay sends the
/// stored plan when done (no stage progress across silos); gate boards are not served in cluster mode.
/// </summary>
public sealed class CityPlanningService(CityMap city, IGrainFactory grains) : Contracts.V1.Planning.PlanningBase
{
    public override async Task PlanDistrictDay(PlanDistrictDayRequest request, IServerStreamWriter<PlanDistrictDayUpdate> responseStream, ServerCallContext context)
    {
        var district = District(request.DistrictId);
        var plan = await DistrictCall.SendAsync(request.DistrictId, () => district.PlanDay(request.ToByteArray()), PlanSummary.Parser);
        await responseStream.WriteAsync(new PlanDistrictDayUpdate { Plan = plan }, context.CancellationToken);
    }

    public override Task<PlanSummary> GetPlan(GetPlanRequest request, ServerCallContext context)
    {
        var district = District(request.DistrictId);
        return DistrictCall.SendAsync(request.DistrictId, () => district.GetPlan(request.ToByteArray()), PlanSummary.Parser);
    }

    public override Task<GatePlan> GetGatePlan(GetGatePlanRequest request, ServerCallContext context)
    {
        var district = District(request.DistrictId);
        return DistrictCall.SendAsync(request.DistrictId, () => district.GetGatePlan(request.ToByteArray()), GatePlan.Parser);
    }

    public override Task<ListGatesResponse> ListGates(ListGatesRequest request, ServerCallContext context)
    {
        var district = District(request.DistrictId);
        return DistrictCall.SendAsync(request.DistrictId, () => district.ListGates(), ListGatesResponse.Parser);
    }

    // A city has no default district: every request names one.
    private IDistrictGrain District(string districtId)
    {
        RequestChecks.Id("district_id", districtId);
        return city.Find(districtId) is null
            ? throw new ResourceNotFoundException("district", districtId)
            : grains.GetGrain<IDistrictGrain>(districtId);
    }
}
