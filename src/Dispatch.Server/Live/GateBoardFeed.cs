using System.Threading.Channels;
using Dispatch.Domain.Geography;
using Dispatch.Domain.Scenarios;
using Dispatch.Planning.District;
using Dispatch.Server.Errors;
using Dispatch.Server.Mapping;
using Dispatch.Server.Planning;
using Grpc.Core;
using V1 = Dispatch.Contracts.V1;

namespace Dispatch.Server.Live;

/// <summary>
/// Follows one gate for a board: the board now, then a fresh one whenever a plan version is stored, an order of the
/// gate changes status or a minute of plan time passes. Wake-ups that come while a board is being made or sent are
/// folded into the next one (latest wins), so a busy gate costs one board at a time per watcher.
/// </summary>
public sealed class GateBoardFeed(
    PlanBook plans,
    ILiveDispatch live,
    ScenarioIndex scenario,
    OrderEventHub orderEvents,
    PlanClock planClock,
    PlanningSettings settings,
    TimeProvider clock,
    IHostApplicationLifetime lifetime)
{
    /// <summary>Plan time between boards when nothing else happens: lateness grows with the clock.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromMinutes(1);

    /// <summary>The gate, or NOT_FOUND; the plan, or NOT_FOUND. Checked before the stream sends anything.</summary>
    public async Task<(Gate Gate, VersionedPlan Plan)> FindAsync(string districtId, int day, string gateId, CancellationToken cancellationToken)
    {
        var gate = scenario.FindGate(gateId);
        if (gate is null || !string.Equals(districtId, scenario.Scenario.District.Id, StringComparison.Ordinal))
        {
            throw new ResourceNotFoundException("gate", gateId);
        }

        var plan = await plans.FindAsync(districtId, day, 0, cancellationToken) ?? throw new ResourceNotFoundException("plan", $"{districtId} day {day}");
        return (gate, plan);
    }

    public async Task StreamAsync(string districtId, int day, Gate gate, IServerStreamWriter<V1.GateBoard> responseStream, CancellationToken callCancelled)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(callCancelled, lifetime.ApplicationStopping);
        var cancellationToken = either.Token;
        var wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
        var gateOrders = new HashSet<string>(StringComparer.Ordinal);
        var volunteers = scenario.Scenario.Volunteers.Where(v => v.GateId == gate.Id).Select(v => v.Id).ToList();
        var watches = scenario.Scenario.Supermarkets.Select(s => orderEvents.Watch(s.Id)).ToList();
        var pumps = watches.Select(w => PumpAsync(w, () => Volatile.Read(ref gateOrders), wake.Writer, cancellationToken)).ToList();
        try
        {
            while (true)
            {
                var saved = plans.NextSave;
                var plan = await plans.FindAsync(districtId, day, 0, cancellationToken) ?? throw new ResourceNotFoundException("plan", $"{districtId} day {day}");
                var view = await live.GateViewAsync(districtId, day, cancellationToken);
                var board = GateBoardMapping.ToBoard(plan, gate, volunteers, view, view?.NowSeconds ?? planClock.SecondsInto(day), settings);
                Volatile.Write(ref gateOrders, board.Plan.Orders.Select(o => o.OrderId).ToHashSet(StringComparer.Ordinal));
                await responseStream.WriteAsync(board, cancellationToken);

                using var tick = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var ticked = Task.Delay(Tick, clock, tick.Token);
                await Task.WhenAny(saved, wake.Reader.WaitToReadAsync(cancellationToken).AsTask(), ticked);
                await tick.CancelAsync();
                cancellationToken.ThrowIfCancellationRequested();
                wake.Reader.TryRead(out _);
            }
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested && !callCancelled.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "server shutting down: reconnect"));
        }
        finally
        {
            await either.CancelAsync();
            foreach (var watch in watches)
            {
                watch.Dispose();
            }

            await Task.WhenAll(pumps);
        }
    }

    private static async Task PumpAsync(OrderWatch watch, Func<HashSet<string>> gateOrders, ChannelWriter<bool> wake, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var orderEvent in watch.Reader.ReadAllAsync(cancellationToken))
            {
                if (gateOrders().Contains(orderEvent.OrderId))
                {
                    wake.TryWrite(true);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
