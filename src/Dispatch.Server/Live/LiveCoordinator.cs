using System.Collections.Concurrent;
using System.Diagnostics;
using Dispatch.Domain.Orders;
using Dispatch.Domain.Scenarios;
using Dispatch.Planning.District;
using Dispatch.Planning.Doors;
using Dispatch.Planning.Live;
using Dispatch.Planning.Travel;
using Dispatch.Server.Errors;
using Dispatch.Server.Hosting;
using Dispatch.Server.Planning;
using Dispatch.Server.Telemetry;
using Dispatch.Storage;

namespace Dispatch.Server.Live;

/// <summary>
/// Makes plans live and puts gate re-plans into them. Re-plans of one gate are serialised by that gate's lock
/// (<see cref="WithGateAsync{T}"/>); gates re-plan in parallel and only the short "put this gate into the latest
/// plan and store it" step is shared. A gate re-plan stores the whole district plan as the next version (so GetPlan
/// always shows what is acted on), and older re-plan versions are pruned.
/// </summary>
internal sealed class LiveCoordinator(
    ScenarioIndex scenario,
    LiveDays days,
    LiveRoster roster,
    PlanBook plans,
    PlanStore planStore,
    StorageOptions storageOptions,
    RoutePublisher publisher,
    PlanningSettings settings,
    PlanClock planClock,
    OrderHistory history,
    ILogger<LiveCoordinator> logger)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gateLocks = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _compose = new(1, 1);
    private readonly ITravelMatrix _walking = HaversineTravelMatrix.Walking();

    /// <summary>Runs <paramref name="action"/> under the gate's lock: one report or re-plan of a gate at a time.</summary>
    public async Task<T> WithGateAsync<T>(string gateId, Func<Task<T>> action, CancellationToken cancellationToken)
    {
        var gateLock = _gateLocks.GetOrAdd(gateId, _ => new SemaphoreSlim(1, 1));
        await gateLock.WaitAsync(cancellationToken);
        try
        {
            return await action();
        }
        finally
        {
            gateLock.Release();
        }
    }

    /// <summary>A stored district plan becomes the one acted on; every route is offered.</summary>
    /// <param name="reports">After a restart: what was reported before it, replayed into a new live day before routes go out.</param>
    public async Task MakeLiveAsync(VersionedPlan plan, IReadOnlyList<Order> orders, IReadOnlyList<LiveReport>? reports, CancellationToken cancellationToken)
    {
        await _compose.WaitAsync(cancellationToken);
        try
        {
            var byId = orders.ToDictionary(o => o.Id, StringComparer.Ordinal);
            var day = days.Current;
            if (day is not null && day.DistrictId == plan.Plan.DistrictId && day.Day == plan.Plan.Day && day.Plan.Version > plan.Version)
            {
                // A restore racing a fresh plan: the newer one stays.
                return;
            }

            if (day is null || day.DistrictId != plan.Plan.DistrictId || day.Day != plan.Plan.Day)
            {
                day = new LiveDay(plan.Plan.DistrictId, plan.Plan.Day, plan, byId);
                LiveReportKinds.Apply(day, reports ?? []);
                days.Set(day);
            }
            else
            {
                day.Plan = plan;
                day.Orders = byId;
                day.BaseVersion = plan.Version;
            }

            int changed = publisher.PublishVolunteers(day, gateId: null);
            publisher.PublishTrucks(day);
            LiveDispatchLog.PlanLive(logger, day.DistrictId, day.Day, plan.Version, changed);
        }
        finally
        {
            _compose.Release();
        }
    }

    /// <summary>A re-plan of the gate as the live day's plan has it now; call under the gate's lock.</summary>
    public GateReplan Begin(LiveDay day, string gateId, string cause, string telemetryCause)
    {
        var plan = day.Plan.Plan;
        return new GateReplan(day, scenario.FindGate(gateId) ?? throw new ResourceNotFoundException("gate", gateId), cause, telemetryCause, day.BaseVersion, plan)
        {
            Outcomes = plan.Orders.Where(o => o.GateId == gateId).ToList(),
            Orders = day.Orders,
            Cycles = plan.GateCycles.FirstOrDefault(c => c.GateId == gateId),
        };
    }

    /// <summary>
    /// Plans the gate's door trips again after what <paramref name="replan"/>'s cause changed, puts the gate into the
    /// latest plan, stores and offers it. Under the gate's lock. Returns the plan version after it.
    /// </summary>
    public async Task<int> ReplanAsync(GateReplan replan, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        using var activity = DispatchTelemetry.Source.StartActivity("dispatch.replan.gate");
        string gateId = replan.Gate.Id;
        activity?.SetTag("dispatch.gate_id", gateId);
        var day = replan.Day;
        var current = replan.Plan.DoorRoutes.FirstOrDefault(d => d.GateId == gateId) ?? new DoorRoutingResult(gateId, [], []);
        var reports = new Dictionary<string, StopReport>(day.Reports, StringComparer.Ordinal);
        var result = new GateReplanner().Replan(
            new GateReplanInput(
                replan.Gate,
                current,
                replan.Outcomes,
                [.. new GateDoorDeliveries().Of(new GateDoorDeliveriesInput(current, replan.Outcomes, replan.Orders, scenario)).Deliveries, .. replan.AddedDeliveries],
                roster.AvailableAt(gateId, day),
                reports,
                GateReplanInput.NotBeforeOf(current, reports, planClock.SecondsInto(day.Day)),
                _walking,
                settings.Door,
                StartedTrips: day.StartedTrips.Keys.ToHashSet()),
            cancellationToken);

        // Re-planning is not cancelled past this point: a report already stored must reach the plan.
        var saved = await ComposeAsync(replan, result, started);
        if (saved is null)
        {
            return day.Plan.Version;
        }

        if (storageOptions.KeepLiveVersions > 0)
        {
            // Keeps the district plan this day started from and the latest re-plans; the order histories keep the rest.
            await planStore.DeleteVersionsAsync(day.DistrictId, day.Day, day.BaseVersion, saved.Version - storageOptions.KeepLiveVersions, CancellationToken.None);
        }

        if (replan.Announce is { OrderIds.Count: > 0 } told)
        {
            var ids = told.OrderIds.ToHashSet(StringComparer.Ordinal);
            await history.PlannedAsync(
                saved.Plan.Orders.Where(o => ids.Contains(o.OrderId)), saved.Version, planClock.UnixSeconds, replan.Orders, CancellationToken.None, told.How, notesOnly: told.HistoryOnly);
        }

        return saved.Version;
    }

    /// <summary>Under the compose lock: the gate into the latest plan, stored and offered; null when a new district plan made the re-plan void.</summary>
    private async Task<VersionedPlan?> ComposeAsync(GateReplan replan, GateReplanResult result, Stopwatch started)
    {
        var day = replan.Day;
        string gateId = replan.Gate.Id;
        await _compose.WaitAsync(CancellationToken.None);
        try
        {
            if (day.BaseVersion != replan.BaseVersion)
            {
                // A new district plan replaced the one this re-plan started from: its gate would mix two plans.
                // (Orders of a top-up it lacks are topped up again once that plan is live.)
                LiveDispatchLog.ReplanSuperseded(logger, gateId, replan.Cause, day.Plan.Version);
                return null;
            }

            var merged = new GatePlanMerge().Merge(new GatePlanMergeInput(
                day.Plan.Plan, gateId, result.Doors, [.. result.Outcomes, .. replan.Outcomes], replan.Cycles, replan.Slots, replan.AddedTrips, replan.MovedStops));
            var next = merged.Plan with { Kpis = PlanKpiCalculator.Recount(merged.Plan, scenario.Scenario, settings, replan.Orders) };
            var saved = await plans.SaveAsync(next, planClock.UnixSeconds, CancellationToken.None);
            day.Plan = saved;
            day.Orders = replan.Orders;
            int changed = publisher.PublishVolunteers(day, gateId);
            if (merged.TrucksChanged)
            {
                publisher.PublishTrucks(day);
            }

            LiveDispatchLog.GateReplanned(logger, gateId, replan.Cause, saved.Version, changed, started.ElapsedMilliseconds);
            DispatchTelemetry.GateReplanned(replan.TelemetryCause, started.Elapsed);
            return saved;
        }
        finally
        {
            _compose.Release();
        }
    }
}
