using System.Collections.Concurrent;
using System.Diagnostics;
using Dispatch.Domain.Orders;
using Dispatch.Domain.People;
using Dispatch.Domain.Scenarios;
using Dispatch.Planning.District;
using Dispatch.Planning.Doors;
using Dispatch.Planning.Live;
using Dispatch.Planning.Travel;
using Dispatch.Server.Errors;
using Dispatch.Server.Hosting;
using Dispatch.Server.Mapping;
using Dispatch.Server.Planning;
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
    PlanBook plans,
    IRouteHub<V1.Assignment> hub,
    IRouteHub<V1.TruckAssignment> truckHub,
    LiveOptions options,
    OrderEventHub orderEvents,
    ConfirmationCodes codes,
    PlanningSettings settings,
    TimeProvider clock,
    ILogger<LiveDispatch> logger,
    OrderProgress progress) : ILiveDispatch
{
    private readonly Dictionary<string, Volunteer> _volunteers = scenario.Scenario.Volunteers.ToDictionary(v => v.Id, StringComparer.Ordinal);
    private readonly Dictionary<string, Dispatch.Domain.Supply.Vehicle> _trucks = scenario.Scenario.Vehicles.ToDictionary(v => v.Id, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gateLocks = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _compose = new(1, 1);
    private readonly ITravelMatrix _walking = HaversineTravelMatrix.Walking();
    private volatile LiveDay? _day;

    public bool IsKnownVolunteer(string volunteerId) => _volunteers.ContainsKey(volunteerId);

    public bool IsKnownTruck(string truckId) => _trucks.ContainsKey(truckId);

    public bool HasLiveDay => _day is not null;

    public async Task RestoreAsync(VersionedPlan plan, IReadOnlyList<Order> orders, CancellationToken cancellationToken)
    {
        if (_day is null)
        {
            await PlanStoredAsync(plan, orders, cancellationToken);
        }
    }

    public async Task PlanStoredAsync(VersionedPlan plan, IReadOnlyList<Order> orders, CancellationToken cancellationToken)
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
                _day = day;
            }
            else
            {
                day.Plan = plan;
                day.Orders = byId;
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
        var gateLock = _gateLocks.GetOrAdd(volunteer.GateId, _ => new SemaphoreSlim(1, 1));
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
            if (request.Delivered && !codes.Matches(orderId, request.ConfirmationCode))
            {
                throw new InvalidRequestException("delivered.confirmation_code", "does not match the household's code");
            }

            var report = new StopReport(request.DeliveryId, volunteer.Id, request.Delivered, request.Failure == DoorFailure.NoAnswer && !DeliveryIds.IsRetry(request.DeliveryId), reason);
            long now = clock.GetUtcNow().ToUnixTimeSeconds();
            var change = new OrderStatusChange(
                orderId,
                request.Delivered ? OrderStatus.Delivered : OrderStatus.Failed,
                now,
                request.Delivered ? $"{request.DeliveryId} delivered by {volunteer.Id}" : $"{request.DeliveryId} not delivered by {volunteer.Id}: {reason}{(report.Retry ? "; tried again later" : string.Empty)}");
            await progress.StopReportedAsync(day, volunteer, request.DeliveryId, cancellationToken);
            await orderStore.AppendStatusChangesAsync([change], cancellationToken);
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
        var gateLock = _gateLocks.GetOrAdd(volunteer.GateId, _ => new SemaphoreSlim(1, 1));
        await gateLock.WaitAsync(cancellationToken);
        try
        {
            bool changed = available ? day.Unavailable.TryRemove(volunteer.Id, out _) : day.Unavailable.TryAdd(volunteer.Id, true);
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
        var gateLock = _gateLocks.GetOrAdd(report.GateId, _ => new SemaphoreSlim(1, 1));
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
            string key = $"{truck.Id}/{report.GateId}/{report.LoadId}";
            if (day.Arrivals.TryGetValue(key, out var earlier))
            {
                return earlier.ArrivedAtSeconds == report.ArrivedAtSeconds
                    ? new ArrivalResult(Replayed: true, earlier.LateBySeconds, Replanned: false, day.Plan.Version)
                    : throw new PreconditionFailedException($"load {report.LoadId} was already reported at gate {report.GateId} at {earlier.ArrivedAtSeconds} s; an arrival cannot be changed");
            }

            int lateBy = report.ArrivedAtSeconds - stops.Min(s => s.ArrivalSeconds);
            day.Arrivals[key] = (report.ArrivedAtSeconds, lateBy);
            await progress.ArrivedAsync(day, report, cancellationToken);
            if (lateBy <= options.LateAfterSeconds)
            {
                return new ArrivalResult(Replayed: false, lateBy, Replanned: false, day.Plan.Version);
            }

            int version = await ReplanGateAsync(day, report.GateId, $"{truck.Id} late by {lateBy} s with {report.LoadId}", cancellationToken, report);
            return new ArrivalResult(Replayed: false, lateBy, Replanned: true, version);
        }
        finally
        {
            gateLock.Release();
        }
    }

    /// <summary>Called under the gate's lock. A late arrival first moves the gate's cycles and its orders' ready times.</summary>
    private async Task<int> ReplanGateAsync(LiveDay day, string gateId, string cause, CancellationToken cancellationToken, ArrivalReport? late = null)
    {
        var started = Stopwatch.StartNew();
        var plan = day.Plan.Plan;
        var gate = scenario.FindGate(gateId) ?? throw new ResourceNotFoundException("gate", gateId);
        var current = plan.DoorRoutes.FirstOrDefault(d => d.GateId == gateId) ?? new DoorRoutingResult(gateId, [], []);
        var outcomes = plan.Orders.Where(o => o.GateId == gateId).ToList();
        var cycles = plan.GateCycles.FirstOrDefault(c => c.GateId == gateId);
        var truckRoutes = plan.TruckRoutes;
        if (late is not null && cycles is not null)
        {
            int onGround = late.ArrivedAtSeconds + settings.TruckUnloadSeconds;
            var unloads = plan.TruckRoutes.SelectMany(r => r.Trips.SelectMany(t => t.Stops).Where(s => s.GateId == gateId)
                    .Select(s => ($"{s.LoadId}/{s.Piece}", r.TruckId, s.WeightGrams, s.UnloadStartSeconds + settings.TruckUnloadSeconds)))
                .ToList();
            var lateIds = unloads.Where(u => u.TruckId == late.TruckId && u.Item1.StartsWith(late.LoadId + "/", StringComparison.Ordinal)).Select(u => u.Item1).ToHashSet(StringComparer.Ordinal);
            var moved = new LateArrivalReplanner().Replan(new LateArrivalInput(gate, cycles, unloads, lateIds, onGround, outcomes, settings.CycleLimits), cancellationToken);
            cycles = moved.Cycles;
            outcomes = [.. moved.Outcomes];
            truckRoutes = plan.TruckRoutes.Select(r => r.TruckId != late.TruckId ? r : r with
            {
                Trips = r.Trips.Select(t => t with
                {
                    Stops = t.Stops.Select(s => s.GateId == gateId && s.LoadId == late.LoadId
                        ? s with { ArrivalSeconds = late.ArrivedAtSeconds, UnloadStartSeconds = Math.Max(late.ArrivedAtSeconds, s.UnloadStartSeconds) }
                        : s).ToList(),
                }).ToList(),
            }).ToList();
        }
        var reports = new Dictionary<string, StopReport>(day.Reports, StringComparer.Ordinal);
        var input = new GateReplanInput(
            gate,
            current,
            outcomes,
            Deliveries(current, outcomes, day.Orders),
            _volunteers.Values.Where(v => v.GateId == gateId && !day.Unavailable.ContainsKey(v.Id)).ToList(),
            reports,
            NotBeforeSeconds(current, reports),
            _walking,
            settings.Door);
        var result = new GateReplanner().Replan(input, cancellationToken);

        // Re-planning is not cancelled past this point: a report already stored must reach the plan.
        await _compose.WaitAsync(CancellationToken.None);
        try
        {
            var latest = day.Plan.Plan;
            var replacedOrders = result.Outcomes.ToDictionary(o => o.OrderId, StringComparer.Ordinal);
            foreach (var outcome in outcomes.Where(o => !replacedOrders.ContainsKey(o.OrderId)))
            {
                replacedOrders[outcome.OrderId] = outcome;
            }

            var next = latest with
            {
                DoorRoutes = [.. latest.DoorRoutes.Where(d => d.GateId != gateId), result.Doors],
                Orders = latest.Orders.Select(o => replacedOrders.GetValueOrDefault(o.OrderId) ?? o).ToList(),
                GateCycles = cycles is null ? latest.GateCycles : latest.GateCycles.Select(c => c.GateId == gateId ? cycles : c).ToList(),
                TruckRoutes = late is null ? latest.TruckRoutes : truckRoutes,
            };
            var saved = await plans.SaveAsync(next, clock.GetUtcNow().ToUnixTimeSeconds(), CancellationToken.None);
            day.Plan = saved;
            int changed = Publish(day, gateId);
            if (late is not null)
            {
                PublishTrucks(day);
            }

            LiveDispatchLog.GateReplanned(logger, gateId, cause, saved.Version, changed, started.ElapsedMilliseconds);
            return saved.Version;
        }
        finally
        {
            _compose.Release();
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

    /// <summary>The gate's day has reached the latest reported stop: nothing new leaves before it.</summary>
    private static int NotBeforeSeconds(DoorRoutingResult current, IReadOnlyDictionary<string, StopReport> reports) =>
        current.Routes.SelectMany(r => r.Trips).SelectMany(t => t.Doors)
            .Where(d => reports.ContainsKey(d.DeliveryId))
            .Select(d => d.DropOffStartSeconds + d.ServiceSeconds)
            .DefaultIfEmpty(0)
            .Max();

    private List<DoorDelivery> Deliveries(DoorRoutingResult current, IReadOnlyList<OrderOutcome> outcomes, IReadOnlyDictionary<string, Order> orders)
    {
        var readyAt = outcomes.ToDictionary(o => o.OrderId, o => o.ReadyAtSeconds ?? 0, StringComparer.Ordinal);
        var ids = current.Routes.SelectMany(r => r.Trips).SelectMany(t => t.Doors).Select(d => d.DeliveryId)
            .Concat(current.Unassigned.Select(u => u.DeliveryId))
            .Distinct(StringComparer.Ordinal);
        var deliveries = new List<DoorDelivery>();
        foreach (string id in ids)
        {
            string orderId = DeliveryIds.OrderIdOf(id);
            if (!orders.TryGetValue(orderId, out var order) || scenario.FindHousehold(order.HouseholdId) is not { } household)
            {
                continue;
            }

            var (parcel, parcels) = DeliveryIds.ParcelOf(id);
            long grams = order.Bundles.WeightGrams(scenario.Catalog);
            deliveries.Add(new DoorDelivery(id, household, (grams / parcels) + (parcel <= grams % parcels ? 1 : 0), readyAt.GetValueOrDefault(orderId)));
        }

        return deliveries;
    }

    private static VolunteerRoute? RouteOf(Plan plan, Volunteer volunteer) =>
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

    public Task<int> ReleaseDueAsync(CancellationToken cancellationToken) =>
        _day is { } day ? progress.ReleaseDueAsync(day, cancellationToken) : Task.FromResult(0);
}
