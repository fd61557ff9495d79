using System.Threading.Channels;
using Dispatch.Contracts.V1;
using Dispatch.Planning.District;
using Dispatch.Domain.Scenarios;
using Dispatch.Server.Errors;
using Dispatch.Server.Live;
using Dispatch.Server.Mapping;
using Dispatch.Server.Planning;
using Dispatch.Storage;
using Grpc.Core;

namespace Dispatch.Server.Services;

/// <summary>Plans district days and serves stored plans.</summary>
public sealed class PlanningService(DistrictDayPlanning planning, PlanBook plans, GateBoardFeed boards, ScenarioIndex scenario, ILiveDispatch live, PlanStore planStore) : Contracts.V1.Planning.PlanningBase
{
    public override async Task PlanDistrictDay(PlanDistrictDayRequest request, IServerStreamWriter<PlanDistrictDayUpdate> responseStream, ServerCallContext context)
    {
        RequestChecks.Id("district_id", request.DistrictId);
        var cancellationToken = context.CancellationToken;

        // Progress comes from planner threads; one writer sends it, latest-wins so a slow client never stalls planning.
        var updates = Channel.CreateBounded<PlanProgress>(new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest });
        var sending = Task.Run(async () =>
        {
            await foreach (var update in updates.Reader.ReadAllAsync(cancellationToken))
            {
                await responseStream.WriteAsync(new PlanDistrictDayUpdate { Progress = new StageProgress { Stage = update.Stage, Done = update.Done, Total = update.Total } }, cancellationToken);
            }
        }, cancellationToken);

        VersionedPlan saved;
        try
        {
            saved = await planning.PlanAsync(request.DistrictId, request.Day, request.ProbeBottleneck != false, new SynchronousProgress(p => updates.Writer.TryWrite(p)), cancellationToken);
        }
        finally
        {
            updates.Writer.TryComplete();
        }

        await sending;
        await responseStream.WriteAsync(new PlanDistrictDayUpdate { Plan = PlanMapping.ToSummary(saved) }, cancellationToken);
    }

    public override async Task<PlanSummary> GetPlan(GetPlanRequest request, ServerCallContext context)
    {
        var plan = await FindAsync(request.DistrictId, request.Day, request.Version, context.CancellationToken);
        return PlanMapping.ToSummary(plan);
    }

    public override async Task<GatePlan> GetGatePlan(GetGatePlanRequest request, ServerCallContext context)
    {
        RequestChecks.Id("gate_id", request.GateId);

        var plan = await FindAsync(request.DistrictId, request.Day, request.Version, context.CancellationToken);
        if (plan.Plan.GateCycles.All(g => g.GateId != request.GateId))
        {
            throw new ResourceNotFoundException("gate", request.GateId);
        }

        return PlanMapping.ToGatePlan(plan, request.GateId);
    }

    public override async Task WatchGateBoard(WatchGateBoardRequest request, IServerStreamWriter<GateBoard> responseStream, ServerCallContext context)
    {
        RequestChecks.Id("gate_id", request.GateId);
        await FindAsync(request.DistrictId, request.Day, 0, context.CancellationToken);
        var (gate, _) = await boards.FindAsync(request.DistrictId, request.Day, request.GateId, context.CancellationToken);
        await boards.StreamAsync(request.DistrictId, request.Day, gate, responseStream, context.CancellationToken);
    }

    public override async Task<ListGatesResponse> ListGates(ListGatesRequest request, ServerCallContext context)
    {
        var district = scenario.Scenario.District;
        if (request.DistrictId.Length > 0 && !string.Equals(request.DistrictId, district.Id, StringComparison.Ordinal))
        {
            RequestChecks.Id("district_id", request.DistrictId);
            throw new ResourceNotFoundException("district", request.DistrictId);
        }

        int day = live.LiveDayNumber ?? await planStore.LatestDayAsync(district.Id, context.CancellationToken) ?? 0;
        var answer = new ListGatesResponse { DistrictId = district.Id, Day = day };
        answer.Gates.AddRange(scenario.Scenario.Gates.OrderBy(g => g.Id, StringComparer.Ordinal)
            .Select(g => new GateInfo { GateId = g.Id, Name = g.Name, CommunityId = g.CommunityId }));
        return answer;
    }

    private async Task<VersionedPlan> FindAsync(string districtId, int day, int version, CancellationToken cancellationToken)
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

    /// <summary>Reports on the planner's thread: Progress&lt;T&gt; would post to a thread pool and reorder updates.</summary>
    private sealed class SynchronousProgress(Action<PlanProgress> report) : IProgress<PlanProgress>
    {
        public void Report(PlanProgress value) => report(value);
    }
}
