using Dispatch.Contracts.V1;
using Dispatch.Domain.Scenarios;
using Dispatch.Server.Errors;
using Dispatch.Server.Live;
using Dispatch.Server.Mapping;
using Dispatch.Server.Planning;
using Dispatch.Storage;

namespace Dispatch.Server.Services;

/// <summary>The district's stored plans, a gate's part of one, and its gates, for a single server and each district of a cluster.</summary>
public sealed class PlanLookup(PlanBook plans, ScenarioIndex scenario, ILiveDispatch live, PlanStore planStore)
{
    /// <summary>A stored plan: the latest of the day for version 0; the checks of the request's fields first.</summary>
    public async Task<VersionedPlan> FindAsync(string districtId, int day, int version, CancellationToken cancellationToken)
    {
        RequestChecks.Id("district_id", districtId);

        if (day < 1)
        {
            throw new InvalidRequestException("day", $"must be 1 or more, was {day}");
        }

        if (version < 0)
        {
            throw new InvalidRequestException("version", $"must not be negative, was {version}");
        }

        return await plans.FindAsync(districtId, day, version, cancellationToken)
            ?? throw new ResourceNotFoundException("plan", version == 0 ? $"{districtId} day {day}" : $"{districtId} day {day} version {version}");
    }

    public async Task<GatePlan> GatePlanAsync(GetGatePlanRequest request, CancellationToken cancellationToken)
    {
        RequestChecks.Id("gate_id", request.GateId);

        var plan = await FindAsync(request.DistrictId, request.Day, request.Version, cancellationToken);
        if (plan.Plan.GateCycles.All(g => g.GateId != request.GateId))
        {
            throw new ResourceNotFoundException("gate", request.GateId);
        }

        return PlanMapping.ToGatePlan(plan, request.GateId);
    }

    /// <summary>The district's gates, and the day a board shows by default: the day being delivered, else the last one planned.</summary>
    public async Task<ListGatesResponse> ListGatesAsync(string districtId, CancellationToken cancellationToken)
    {
        var district = scenario.Scenario.District;
        if (districtId.Length > 0 && !string.Equals(districtId, district.Id, StringComparison.Ordinal))
        {
            RequestChecks.Id("district_id", districtId);
            throw new ResourceNotFoundException("district", districtId);
        }

        int day = live.LiveDayNumber ?? await planStore.LatestDayAsync(district.Id, cancellationToken) ?? 0;
        var answer = new ListGatesResponse { DistrictId = district.Id, Day = day };
        answer.Gates.AddRange(scenario.Scenario.Gates.OrderBy(g => g.Id, StringComparer.Ordinal)
            .Select(g => new GateInfo { GateId = g.Id, Name = g.Name, CommunityId = g.CommunityId }));
        return answer;
    }
}
