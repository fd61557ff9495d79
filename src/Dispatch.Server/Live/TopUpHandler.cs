using Dispatch.Domain.Orders;
using Dispatch.Domain.Scenarios;
using Dispatch.Planning.District;
using Dispatch.Planning.Live;
using Dispatch.Server.Telemetry;
using Dispatch.Storage;

namespace Dispatch.Server.Live;

/// <summary>
/// Orders stored after their day's live plan was made: each gate they go to is topped up (stock left, a truck free
/// after its trips, cycles after the planned ones, slots and door trips; <see cref="GateTopUpPlanner"/>) and
/// re-planned, one gate at a time. Orders of another day or already in the plan are skipped.
/// </summary>
internal sealed class TopUpHandler(
    ScenarioIndex scenario, LiveDays days, LiveCoordinator coordinator, OrderStore orderStore, LiveWork work, PlanningSettings settings, PlanClock planClock, ILogger<TopUpHandler> logger)
{
    // Top-ups pick trucks by when they are free in the plan: two at once could pick the same truck.
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <returns>The plan version after it (0 when no day is live).</returns>
    public async Task<int> HandleAsync(TopUpRequest request, CancellationToken cancellationToken)
    {
        if (days.Current is not { } day)
        {
            return 0;
        }

        var byGate = new SortedDictionary<string, List<Order>>(StringComparer.Ordinal);
        foreach (var order in request.Orders.Where(o => o.Day == day.Day).DistinctBy(o => o.Id, StringComparer.Ordinal))
        {
            var household = scenario.FindHousehold(order.HouseholdId);
            if (household is null || scenario.FindGrid(household.GridId)?.GateId is not { } gateId)
            {
                LiveDispatchLog.TopUpWithoutGate(logger, order.Id);
                continue;
            }

            if (!byGate.TryGetValue(gateId, out var list))
            {
                byGate[gateId] = list = [];
            }

            list.Add(order);
        }

        int version = day.Plan.Version;
        foreach (var (gateId, gateOrders) in byGate)
        {
            await _oneAtATime.WaitAsync(cancellationToken);
            try
            {
                version = await coordinator.WithGateAsync(gateId, () => TopUpGateAsync(day, gateId, gateOrders, cancellationToken), cancellationToken) ?? version;
            }
            finally
            {
                _oneAtATime.Release();
            }
        }

        return version;
    }

    /// <summary>
    /// After a plan went live: the orders of its day stored while it was being made (or, after a restart, whose
    /// top-up did not make it) are topped up, in the background.
    /// </summary>
    public void CatchUp(LiveDay day) => work.Run(async stopping =>
    {
        var fresh = new List<Order>();
        try
        {
            fresh.AddRange((await orderStore.OrdersOfDayAsync(day.Day, stopping)).Where(o => !day.Orders.ContainsKey(o.Id)));
            return new TopUpCompleted(fresh, fresh.Count == 0 ? day.Plan.Version : await HandleAsync(new TopUpRequest(fresh), stopping));
        }
        catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            // The orders are stored: the next district plan takes them.
            LiveDispatchLog.TopUpFailed(logger, fresh.Count, e);
            return new TopUpCompleted(fresh, day.Plan.Version, e);
        }
    });

    /// <summary>Under the gate's lock; null when there is nothing to do.</summary>
    private async Task<int?> TopUpGateAsync(LiveDay day, string gateId, List<Order> gateOrders, CancellationToken cancellationToken)
    {
        // Checked under the lock: the same orders may have come twice (from intake, and as the day's orders a new live plan lacks).
        var fresh = gateOrders.Where(o => !day.Orders.ContainsKey(o.Id)).ToList();
        if (fresh.Count == 0 || !days.IsCurrent(day))
        {
            return null;
        }

        var replan = coordinator.Begin(day, gateId, $"{fresh.Count} new orders", ReplanCauses.NewOrders);
        var topUp = new GateTopUpPlanner().Plan(
            new GateTopUpInput(scenario, gateId, fresh, replan.Plan, day.Orders, planClock.SecondsInto(day.Day), settings),
            cancellationToken);
        var withNew = new Dictionary<string, Order>(day.Orders, StringComparer.Ordinal);
        foreach (var order in fresh)
        {
            withNew[order.Id] = order;
        }

        return await coordinator.ReplanAsync(
            replan with
            {
                Outcomes = [.. replan.Outcomes, .. topUp.Outcomes],
                Orders = withNew,
                Cycles = topUp.Cycles,
                Slots = topUp.Slots,
                AddedDeliveries = topUp.DoorDeliveries,
                AddedTrips = topUp.AddedTrips,
                Announce = new OrderAnnouncement(fresh.Select(o => o.Id).ToList(), $" (top-up of gate {gateId})", HistoryOnly: false),
            },
            cancellationToken);
    }
}
