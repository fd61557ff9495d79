using System.Threading.Channels;
using Dispatch.Contracts.V1;
using Dispatch.Planning.District;
using Dispatch.Server.Live;
using Dispatch.Server.Mapping;
using Dispatch.Server.Planning;
using Grpc.Core;

namespace Dispatch.Server.Services;

/// <summary>Plans district days and serves stored plans.</summary>
public sealed class PlanningService(DistrictDayPlanning planning, PlanLookup lookup, GateBoardFeed boards) : Contracts.V1.Planning.PlanningBase
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

    public override async Task<PlanSummary> GetPlan(GetPlanRequest request, ServerCallContext context) =>
        PlanMapping.ToSummary(await lookup.FindAsync(request.DistrictId, request.Day, request.Version, context.CancellationToken));

    public override Task<GatePlan> GetGatePlan(GetGatePlanRequest request, ServerCallContext context) =>
        lookup.GatePlanAsync(request, context.CancellationToken);

    public override async Task WatchGateBoard(WatchGateBoardRequest request, IServerStreamWriter<GateBoard> responseStream, ServerCallContext context)
    {
        RequestChecks.Id("gate_id", request.GateId);
        await lookup.FindAsync(request.DistrictId, request.Day, 0, context.CancellationToken);
        var (gate, _) = await boards.FindAsync(request.DistrictId, request.Day, request.GateId, context.CancellationToken);
        await boards.StreamAsync(request.DistrictId, request.Day, gate, responseStream, context.CancellationToken);
    }

    public override Task<ListGatesResponse> ListGates(ListGatesRequest request, ServerCallContext context) =>
        lookup.ListGatesAsync(request.DistrictId, context.CancellationToken);

    /// <summary>Reports on the planner's thread: Progress&lt;T&gt; would post to a thread pool and reorder updates.</summary>
    private sealed class SynchronousProgress(Action<PlanProgress> report) : IProgress<PlanProgress>
    {
        public void Report(PlanProgress value) => report(value);
    }
}
