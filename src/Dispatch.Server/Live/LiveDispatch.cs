using System.Collections.Concurrent;
using System.Diagnostics;
using Dispatch.Domain.Orders;
using Dispatch.Domain.People;
using Dispatch.Domain.Scenarios;
using Dispatch.Planning.District;
using Dispatch.Planning.Doors;
using Dispatch.Planning.Live;
using Dispatch.Planning.PickupSlots;
using Dispatch.Planning.Travel;
using Dispatch.Planning.Trucks;
using Dispatch.Server.Errors;
using Dispatch.Server.Hosting;
using Dispatch.Server.Mapping;
using Dispatch.Server.Planning;
using Dispatch.Server.Telemetry;
using Dispatch.Storage;
using V1 = Dispatch.Contracts.V1;

namespace Dispatch.Server.Live;

/// <summary>
/// The in-process <see cref="ILiveDispatch"/>. Re-plans of one gate are serialised by that gate's lock; gates
/// re-plan in parallel and only the short "replace this gate in the latest plan and store it" step is shared.
/// A gate re-plan stores the whole district plan as the next version (so GetPlan always shows what is acted on).
/// </summary>
public sealed class LiveDispatch(
    ScenarioIndex scenario,
    OrderStore orderStore,
    LiveReportStore liveReports,
    PlanStore planStore,
    StorageOptions storageOptions,
    PlanBook plans,
    IRouteHub<V1.Assignment> hub,
    IRouteHub<V1.TruckAssignment> truckHub,
    LiveOptions options,
    OrderEventHub orderEvents,
    ConfirmationGuard guard,
    PlanningSettings settings,
    TimeProvider clock,
    PlanClock planClock,
    ILogger<LiveDispatch> logger,
    OrderProgress progress) : ILiveDispatch
{
    private readonly Dictionary<string, Volunteer> _volunteers = scenario.Scenario.Volunteers.ToDictionary(v => v.Id, StringComparer.Ordinal);
    private readonly Dictionary<string, Dispatch.Domain.Supply.Vehicle> _trucks = scenario.Scenario.Vehicles.ToDictionary(v => v.Id, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gateLocks = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _compose = new(1, 1);

    // Top-ups pick trucks by when they are free in the plan: two at once could pick the same truck.
    private readonly SemaphoreSlim _topUps = new(1, 1);
    private readonly ITravelMatrix _walking = HaversineTravelMatrix.Walking();
    private volatile LiveDay? _day;

    public bool IsKnownVolunteer(string volunteerId) => _volunteers.ContainsKey(volunteerId);

    public bool IsKnownTruck(string truckId) => _trucks.ContainsKey(truckId);

    public bool HasLiveDay => _day is not null;

    public async Task<LiveGateView?> GateViewAsync(string districtId, int day, CancellationToken cancellationToken)
    {
        if (_day is not { } live || live.DistrictId != districtId || live.Day != day)
        {
            return null;
        }

        await progress.LoadAsync(live, cancellationToken);
        return new LiveGateView(
            planClock.SecondsInto(day),
            live.StartedTrips.Keys.ToHashSet(),
            live.Reports.ToDictionary(p => p.Key, p => p.Value.Delivered, StringComparer.Ordinal),
            live.Unavailable.Keys.ToHashSet(StringComparer.Ordinal),
            new Dictionary<string, OrderStatus>(live.Reached, StringComparer.Ordinal));
    }

    public int? LiveDayNumber => _day?.Day;

    public async Task RestoreAsync(VersionedPlan plan, IReadOnlyList<Order> orders, IReadOnlyList<LiveReport> reports, CancellationToken cancellationToken)
    {
        if (_day is null)
        {
            await PlanStoredAsync(plan, orders, cancellationToken, reports);
        }
    }

    public Task PlanStoredAsync(VersionedPlan plan, IReadOnlyList<Order> orders, CancellationToken cancellationToken) =>
        PlanStoredAsync(plan, orders, cancellationToken, reports: null);

    /// <param name="reports">After a restart: what was reported before it, replayed into a new live day before routes go out.</param>
    private async Task PlanStoredAsync(VersionedPlan plan, IReadOnlyList<Order> orders, CancellationToken cancellationToken, IReadOnlyList<LiveReport>? reports)
    {
        await _compose.WaitAsync(cancellationToken);
        try
        {
            var byId = orders.ToDictionary(o => o.Id, StringComparer.Ordinal);
            var day = _day;
            if (day is not null && day.DistrictId == plan.Plan.DistrictId && day.Day == plan.Plan.Day && day.Plan.Version > plan.Version)
            {
                // A restore racing a fresh plan: the newer one stays.
                return;
            }

            if (day is null || day.DistrictId != plan.Plan.DistrictId || day.Day != plan.Plan.Day)
            {
                day = new LiveDay(plan.Plan.DistrictId, plan.Plan.Day, plan, byId);
                LiveReportKinds.Apply(day, reports ?? []);
                _day = day;
            }
            else
            {
                day.Plan = plan;
                day.Orders = byId;
                day.BaseVersion = plan.Version;
            }

            int changed = Publish(day, gateId: null);
            PublishTrucks(day);
            LiveDispatchLog.PlanLive(logger, day.DistrictId, day.Day, plan.Version, changed);
        }
        finally
        {
            _compose.Release();
        }
    }

    public async Task<StopReportResult> ReportStopAsync(StopReportRequest request, CancellationToken cancellationToken)
    {
        var volunteer = FindVolunteer(request.VolunteerId);
        var day = LiveDayOrThrow();
        var gateLock = GateLock(volunteer.GateId);
        await gateLock.WaitAsync(cancellationToken);
        try
        {
            var route = RouteOf(day.Plan.Plan, volunteer);
            if (route is null || !route.Trips.Any(t => t.Doors.Any(d => d.DeliveryId == request.DeliveryId)))
            {
                // Whether the stop is on someone else's route is not this volunteer's business.
                throw new ResourceNotFoundException("stop", $"{request.DeliveryId} on the route of {volunteer.Id}");
            }

            string reason = request.Delivered ? string.Empty : Describe(request.Failure!.Value);
            if (day.Reports.TryGetValue(request.DeliveryId, out var earlier))
            {
                if (earlier.Delivered == request.Delivered && earlier.Reason == reason)
                {
                    return new StopReportResult(request.DeliveryId, request.Delivered, Replayed: true, day.Plan.Version);
                }

                throw new PreconditionFailedException(
                    $"stop {request.DeliveryId} was already reported {(earlier.Delivered ? "delivered" : $"failed ({earlier.Reason})")}; a report cannot be changed");
            }

            string orderId = DeliveryIds.OrderIdOf(request.DeliveryId);
            if (request.Delivered)
            {
                await guard.CheckAsync(day, volunteer.Id, orderId, request.ConfirmationCode, "delivered.confirmation_code", cancellationToken);
            }

            var report = new StopReport(request.DeliveryId, volunteer.Id, request.Delivered, request.Failure == DoorFailure.NoAnswer && !DeliveryIds.IsRetry(request.DeliveryId), reason);
            long now = clock.GetUtcNow().ToUnixTimeSeconds();
            var change = new OrderStatusChange(
                orderId,
                request.Delivered ? OrderStatus.Delivered : OrderStatus.Failed,
                now,
                request.Delivered ? $"{request.DeliveryId} delivered by {volunteer.Id}" : $"{request.DeliveryId} not delivered by {volunteer.Id}: {reason}{(report.Retry ? "; tried again later" : string.Empty)}");
            await progress.StopReportedAsync(day, volunteer, request.DeliveryId, cancellationToken);
            await liveReports.AppendAsync(LiveReportKinds.OfStop(day, report, now), [change], cancellationToken);
            day.Reports[request.DeliveryId] = report;
            orderEvents.Publish(day.Orders, [change]);
            LiveDispatchLog.StopReported(logger, request.DeliveryId, volunteer.Id, request.Delivered ? "delivered" : reason);

            int version = request.Delivered ? day.Plan.Version : await ReplanGateAsync(day, volunteer.GateId, $"{request.DeliveryId} failed", cancellationToken);
            return new StopReportResult(request.DeliveryId, request.Delivered, Replayed: false, version);
        }
        finally
        {
            gateLock.Release();
        }
    }

    public async Task<int> SetAvailabilityAsync(string volunteerId, bool available, CancellationToken cancellationToken)
    {
        var volunteer = FindVolunteer(volunteerId);
        var day = LiveDayOrThrow();
        var gateLock = GateLock(volunteer.GateId);
        await gateLock.WaitAsync(cancellationToken);
        try
        {
            bool changed = available ? day.Unavailable.ContainsKey(volunteer.Id) : !day.Unavailable.ContainsKey(volunteer.Id);
            if (changed)
            {
                await liveReports.AppendAsync(LiveReportKinds.OfAvailability(day, volunteer.Id, available, clock.GetUtcNow().ToUnixTimeSeconds()), [], cancellationToken);
                _ = available ? day.Unavailable.TryRemove(volunteer.Id, out _) : day.Unavailable.TryAdd(volunteer.Id, true);
            }

            return changed
                ? await ReplanGateAsync(day, volunteer.GateId, available ? $"{volunteer.Id} back" : $"{volunteer.Id} dropped out", cancellationToken)
                : day.Plan.Version;
        }
        finally
        {
            gateLock.Release();
        }
    }

    public async Task<ArrivalResult> ReportArrivalAsync(ArrivalReport report, CancellationToken cancellationToken)
    {
        var truck = _trucks.GetValueOrDefault(report.TruckId) ?? throw new ResourceNotFoundException("truck", report.TruckId);
        var day = LiveDayOrThrow();
        var gateLock = GateLock(report.GateId);
        await gateLock.WaitAsync(cancellationToken);
        try
        {
            var stops = day.Plan.Plan.TruckRoutes.Where(r => r.TruckId == truck.Id).SelectMany(r => r.Trips).SelectMany(t => t.Stops)
                .Where(s => s.GateId == report.GateId && s.LoadId == report.LoadId)
                .ToList();
            if (stops.Count == 0)
            {
                throw new ResourceNotFoundException("stop", $"load {report.LoadId} at gate {report.GateId} on the route of {truck.Id}");
            }

            // Once late and re-planned, the stop's planned arrival is the reported one: keep the lateness first measured.
            var key = new ArrivalRef(truck.Id, report.GateId, report.LoadId);
            if (day.Arrivals.TryGetValue(key, out var earlier))
            {
                return earlier.ArrivedAtSeconds == report.ArrivedAtSeconds
                    ? new ArrivalResult(Replayed: true, earlier.LateBySeconds, Replanned: false, day.Plan.Version)
                    : throw new PreconditionFailedException($"load {report.LoadId} was already reported at gate {report.GateId} at {earlier.ArrivedAtSeconds} s; an arrival cannot be changed");
            }

            int lateBy = report.ArrivedAtSeconds - stops.Min(s => s.ArrivalSeconds);
            bool late = lateBy > options.LateAfterSeconds;
            var later = late && day.Plan.Plan.TruckRoutes.FirstOrDefault(r => r.TruckId == truck.Id) is { } route
                ? TruckDelay.Propagate(route, report.GateId, report.LoadId, report.ArrivedAtSeconds)
                : [];

            // Late goods get their new ready time before they count as in disinfection: the release watch must never
            // see them disinfecting with the old one.
            int version = late ? await ReplanGateAsync(day, report.GateId, $"{truck.Id} late by {lateBy} s with {report.LoadId}", cancellationToken, report, expectedLater: later) : day.Plan.Version;
            await progress.ArrivedAsync(day, report, LiveReportKinds.OfArrival(day, key, report.ArrivedAtSeconds, lateBy, clock.GetUtcNow().ToUnixTimeSeconds()), cancellationToken);
            day.Arrivals[key] = (report.ArrivedAtSeconds, lateBy);
            ReplanExpectedLate(day, truck.Id, later);
            return new ArrivalResult(Replayed: false, lateBy, Replanned: late, version);
        }
        finally
        {
            gateLock.Release();
        }
    }

    public async Task<int> TopUpAsync(IReadOnlyList<Order> orders, CancellationToken cancellationToken)
    {
        var day = _day;
        if (day is null)
        {
            return 0;
        }

        var byGate = new Dictionary<string, List<Order>>(StringComparer.Ordinal);
        foreach (var order in orders.Where(o => o.Day == day.Day).DistinctBy(o => o.Id, StringComparer.Ordinal))
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
        foreach (var (gateId, gateOrders) in byGate.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            await _topUps.WaitAsync(cancellationToken);
            var gateLock = GateLock(gateId);
            try
            {
                await gateLock.WaitAsync(cancellationToken);
                try
                {
                    // Checked under the lock: the same orders may have been queued twice (intake and the plan's re-read).
                    var fresh = gateOrders.Where(o => !day.Orders.ContainsKey(o.Id)).ToList();
                    if (fresh.Count > 0 && ReferenceEquals(day, _day))
                    {
                        var topUp = new GateTopUpPlanner().Plan(
                            new GateTopUpInput(scenario, gateId, fresh, day.Plan.Plan, day.Orders, planClock.SecondsInto(day.Day), settings),
                            cancellationToken);
                        version = await ReplanGateAsync(day, gateId, $"{fresh.Count} new orders", cancellationToken, topUp: (fresh, topUp));
                    }
                }
                finally
                {
                    gateLock.Release();
                }
            }
            finally
            {
                _topUps.Release();
            }
        }

        return version;
    }

    /// <summary>
    /// Called under the gate's lock. A late arrival first moves the gate's cycles and its orders' ready times; a
    /// top-up brings its orders, trips, cycles and slots. Truck routes change at compose time on the latest plan, so
    /// a re-plan of another gate meanwhile is never undone.
    /// </summary>
    /// <param name="expectedLater">The late truck's later stops, moved to when it is now expected there.</param>
    private async Task<int> ReplanGateAsync(
        LiveDay day,
        string gateId,
        string cause,
        CancellationToken cancellationToken,
        ArrivalReport? late = null,
        (IReadOnlyList<Order> Orders, GateTopUpResult Result)? topUp = null,
        IReadOnlyList<ExpectedArrival>? expectedLater = null)
    {
        var started = Stopwatch.StartNew();
        using var activity = DispatchTelemetry.Source.StartActivity("dispatch.replan.gate");
        activity?.SetTag("dispatch.gate_id", gateId);
        int baseVersion = day.BaseVersion;
        var plan = day.Plan.Plan;
        var gate = scenario.FindGate(gateId) ?? throw new ResourceNotFoundException("gate", gateId);
        var current = plan.DoorRoutes.FirstOrDefault(d => d.GateId == gateId) ?? new DoorRoutingResult(gateId, [], []);
        var outcomes = plan.Orders.Where(o => o.GateId == gateId).ToList();
        var cycles = plan.GateCycles.FirstOrDefault(c => c.GateId == gateId);
        var orders = day.Orders;
        IReadOnlyList<TruckRoute>? addedTrips = null;
        MovedTruckStops? movedStops = null;
        var addedDeliveries = new List<DoorDelivery>();
        PickupSlotPlan? slots = null;

        // Orders whose fate this re-plan decides anew, and how their histories say so.
        (IReadOnlyCollection<string> OrderIds, string How, bool HistoryOnly)? announce = null;
        if (topUp is { } added)
        {
            outcomes.AddRange(added.Result.Outcomes);
            cycles = added.Result.Cycles;
            addedDeliveries.AddRange(added.Result.DoorDeliveries);
            var withNew = new Dictionary<string, Order>(day.Orders, StringComparer.Ordinal);
            foreach (var order in added.Orders)
            {
                withNew[order.Id] = order;
            }

            orders = withNew;
            addedTrips = added.Result.AddedTrips;
            slots = added.Result.Slots;
            announce = (added.Orders.Select(o => o.Id).ToList(), $" (top-up of gate {gateId})", HistoryOnly: false);
        }

        if (late is not null && cycles is not null)
        {
            int onGround = late.ArrivedAtSeconds + settings.TruckUnloadSeconds;
            var unloads = new LateUnloads().Of(new LateUnloadsInput(plan.TruckRoutes, gateId, late.TruckId, late.LoadId, settings.TruckUnloadSeconds));
            var moved = new LateArrivalReplanner().Replan(new LateArrivalInput(gate, cycles, unloads.Unloads, unloads.LateConsignmentIds, onGround, outcomes, settings.CycleLimits), cancellationToken);
            cycles = moved.Cycles;
            outcomes = [.. moved.Outcomes];
            movedStops = new MovedTruckStops(late.TruckId, (expectedLater ?? []).Prepend(new ExpectedArrival(gateId, late.LoadId, 0, late.ArrivedAtSeconds)).ToList());

            // Households told a slot before their goods are now ready come later instead.
            if (plan.PickupSlots.FirstOrDefault(p => p.GateId == gateId) is { } gateSlots)
            {
                var rebooking = new PickupRebooking().Rebook(new PickupRebookingInput(gate.Pickup, gateSlots, outcomes, id => scenario.FindHousehold(id)?.Building));
                outcomes = [.. rebooking.Outcomes];
                slots = rebooking.Slots;
                announce = (rebooking.RebookedOrderIds, $" (goods late: {late.TruckId} late at gate {gateId}, slot moved)", HistoryOnly: true);
            }
        }

        var reports = new Dictionary<string, StopReport>(day.Reports, StringComparer.Ordinal);
        var input = new GateReplanInput(
            gate,
            current,
            outcomes,
            [.. new GateDoorDeliveries().Of(new GateDoorDeliveriesInput(current, outcomes, orders, scenario)).Deliveries, .. addedDeliveries],
            _volunteers.Values.Where(v => v.GateId == gateId && !day.Unavailable.ContainsKey(v.Id)).ToList(),
            reports,
            GateReplanInput.NotBeforeOf(current, reports, planClock.SecondsInto(day.Day)),
            _walking,
            settings.Door,
            StartedTrips: day.StartedTrips.Keys.ToHashSet());
        var result = new GateReplanner().Replan(input, cancellationToken);

        // Re-planning is not cancelled past this point: a report already stored must reach the plan.
        await _compose.WaitAsync(CancellationToken.None);
        VersionedPlan saved;
        try
        {
            if (day.BaseVersion != baseVersion)
            {
                // A new district plan replaced the one this re-plan started from: its gate would mix two plans.
                // (Orders of a top-up it lacks are queued again by the district plan's own re-read.)
                LiveDispatchLog.ReplanSuperseded(logger, gateId, cause, day.Plan.Version);
                return day.Plan.Version;
            }

            var merged = new GatePlanMerge().Merge(new GatePlanMergeInput(
                day.Plan.Plan, gateId, result.Doors, [.. result.Outcomes, .. outcomes], cycles, slots, addedTrips, movedStops));
            var next = merged.Plan;
            next = next with { Kpis = PlanKpiCalculator.Recount(next, scenario.Scenario, settings, orders) };
            saved = await plans.SaveAsync(next, clock.GetUtcNow().ToUnixTimeSeconds(), CancellationToken.None);
            day.Plan = saved;
            day.Orders = orders;
            int changed = Publish(day, gateId);
            if (merged.TrucksChanged)
            {
                PublishTrucks(day);
            }

            LiveDispatchLog.GateReplanned(logger, gateId, cause, saved.Version, changed, started.ElapsedMilliseconds);
            DispatchTelemetry.GateReplanned(late is not null ? ReplanCauses.LateTruck : topUp is not null ? ReplanCauses.NewOrders : ReplanCauses.VolunteerReport, started.Elapsed);
        }
        finally
        {
            _compose.Release();
        }

        if (storageOptions.KeepLiveVersions > 0)
        {
            // Keeps the district plan this day started from and the latest re-plans; the order histories keep the rest.
            await planStore.DeleteVersionsAsync(day.DistrictId, day.Day, day.BaseVersion, saved.Version - storageOptions.KeepLiveVersions, CancellationToken.None);
        }

        if (announce is { OrderIds.Count: > 0 } told)
        {
            var ids = told.OrderIds.ToHashSet(StringComparer.Ordinal);
            var changes = PlanStatusChanges.Of(saved.Plan.Orders.Where(o => ids.Contains(o.OrderId)), saved.Version, clock.GetUtcNow().ToUnixTimeSeconds(), told.How);
            await (told.HistoryOnly ? orderStore.AppendHistoryAsync(changes, CancellationToken.None) : orderStore.AppendStatusChangesAsync(changes, CancellationToken.None));
            orderEvents.Publish(orders, changes);
        }

        return saved.Version;
    }

    /// <summary>
    /// A late truck will be late at its later gates too: each gate it is now expected at more than
    /// <see cref="LiveOptions.LateAfterSeconds"/> late is re-planned as for a late arrival, in the background (under
    /// that gate's lock, which the caller may hold), unless the truck reports there first.
    /// </summary>
    private void ReplanExpectedLate(LiveDay day, string truckId, IReadOnlyList<ExpectedArrival> expected)
    {
        foreach (var atGate in expected.Where(e => e.LateBySeconds > options.LateAfterSeconds).GroupBy(e => e.GateId, StringComparer.Ordinal))
        {
            var gateLock = GateLock(atGate.Key);
            _ = Task.Run(async () =>
            {
                foreach (var stop in atGate)
                {
                    await gateLock.WaitAsync();
                    try
                    {
                        if (ReferenceEquals(day, _day) && !day.Arrivals.ContainsKey(new ArrivalRef(truckId, stop.GateId, stop.LoadId)))
                        {
                            await ReplanGateAsync(
                                day, stop.GateId, $"{truckId} expected {stop.LateBySeconds} s late with {stop.LoadId}", CancellationToken.None,
                                new ArrivalReport(truckId, stop.GateId, stop.LoadId, stop.ExpectedArrivalSeconds));
                        }
                    }
                    catch (Exception e)
                    {
                        // The truck's report at that gate will re-plan it anyway.
                        LiveDispatchLog.ExpectedLateReplanFailed(logger, stop.GateId, truckId, e);
                    }
                    finally
                    {
                        gateLock.Release();
                    }
                }
            });
        }
    }

    /// <summary>Offers the routes of one gate's volunteers (every volunteer when <paramref name="gateId"/> is null).</summary>
    private int Publish(LiveDay day, string? gateId)
    {
        var plan = day.Plan.Plan;
        var routes = plan.DoorRoutes.SelectMany(d => d.Routes).ToDictionary(r => r.VolunteerId, StringComparer.Ordinal);
        var assignments = _volunteers.Values
            .Where(v => gateId is null || v.GateId == gateId)
            .Select(v => AssignmentMapping.ToAssignment(day.DistrictId, day.Day, v, routes.GetValueOrDefault(v.Id), !day.Unavailable.ContainsKey(v.Id), scenario, day.Orders, day.Reports));
        return hub.Publish(assignments, day.Plan.Version).Count;
    }

    private void PublishTrucks(LiveDay day)
    {
        var routes = day.Plan.Plan.TruckRoutes.ToDictionary(r => r.TruckId, StringComparer.Ordinal);
        truckHub.Publish(_trucks.Values.Select(t => TruckAssignmentMapping.ToTruckAssignment(day.DistrictId, day.Day, t, routes.GetValueOrDefault(t.Id), scenario)), day.Plan.Version);
    }

    /// <summary>Serialises one gate's re-plans (and the reports that cause them).</summary>
    private SemaphoreSlim GateLock(string gateId) => _gateLocks.GetOrAdd(gateId, _ => new SemaphoreSlim(1, 1));

    internal static VolunteerRoute? RouteOf(Plan plan, Volunteer volunteer) =>
        plan.DoorRoutes.Where(d => d.GateId == volunteer.GateId).SelectMany(d => d.Routes).FirstOrDefault(r => r.VolunteerId == volunteer.Id);

    private Volunteer FindVolunteer(string volunteerId) =>
        _volunteers.GetValueOrDefault(volunteerId) ?? throw new ResourceNotFoundException("volunteer", volunteerId);

    private LiveDay LiveDayOrThrow() =>
        _day ?? throw new PreconditionFailedException("no plan is being delivered yet: plan the day first");

    private static string Describe(DoorFailure failure) => failure switch
    {
        DoorFailure.NoAnswer => "no answer",
        DoorFailure.WrongAddress => "wrong address",
        DoorFailure.Refused => "refused",
        DoorFailure.GoodsDamaged => "goods damaged",
        _ => failure.ToString(),
    };

    public Task<DepartureResult> ReportDepartureAsync(DepartureReport report, CancellationToken cancellationToken)
    {
        if (!_trucks.ContainsKey(report.TruckId))
        {
            throw new ResourceNotFoundException("truck", report.TruckId);
        }

        return progress.DepartAsync(LiveDayOrThrow(), report, cancellationToken);
    }

    public Task<TripStartResult> StartTripAsync(string volunteerId, int tripNumber, CancellationToken cancellationToken)
    {
        var volunteer = FindVolunteer(volunteerId);
        return progress.StartTripAsync(LiveDayOrThrow(), volunteer, tripNumber, cancellationToken);
    }

    public Task<PickupResult> ConfirmPickupAsync(PickupConfirmation confirmation, CancellationToken cancellationToken)
    {
        var volunteer = FindVolunteer(confirmation.VolunteerId);
        return progress.ConfirmPickupAsync(LiveDayOrThrow(), volunteer, confirmation, cancellationToken);
    }

    public Task<UnlockResult> UnlockConfirmationAsync(string? orderRef, string? volunteerId, string by, CancellationToken cancellationToken)
    {
        var day = LiveDayOrThrow();
        if (orderRef is not null && !day.Orders.ContainsKey(orderRef))
        {
            throw new ResourceNotFoundException("order", $"{orderRef} in the live plan");
        }

        if (volunteerId is not null)
        {
            FindVolunteer(volunteerId);
        }

        return guard.UnlockAsync(day, orderRef, volunteerId, by, cancellationToken);
    }

    public Task<int> ReleaseDueAsync(CancellationToken cancellationToken) =>
        _day is { } day ? progress.ReleaseDueAsync(day, cancellationToken) : Task.FromResult(0);
}
