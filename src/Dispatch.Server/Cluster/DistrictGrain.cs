using System.Collections.Concurrent;
using Dispatch.Contracts.V1;
using Dispatch.Server.Errors;
using Dispatch.Server.Intake;
using Dispatch.Server.Live;
using Dispatch.Server.Mapping;
using Dispatch.Server.Planning;
using Dispatch.Server.Services;
using Google.Protobuf;
using Orleans.Concurrency;

namespace Dispatch.Server.Cluster;

/// <summary>
/// Hosts one district's dispatch stack (<see cref="DistrictHost"/>) for as long as the grain is active and relays its
/// volunteers' route changes to the silos that follow them. Reentrant: the stack serves concurrent calls as a
/// single-district server does, and serialises each gate's re-plans itself, so a long plan does not hold up the
/// reports of a live day.
/// </summary>
[Reentrant]
[KeepAlive]
public sealed partial class DistrictGrain(CityMap city, IConfiguration configuration, DistrictStorage storage, TimeProvider clock, ILogger<DistrictGrain> logger) : Grain, IDistrictGrain, IRemindable
{
    // While a district has a live day, a reminder brings it back on a live silo within a minute of losing its own,
    // even when no client calls it: its release watch and top-ups go on.
    private const string LiveDayReminder = "keep-live-day";
    private static readonly TimeSpan s_reminderPeriod = TimeSpan.FromMinutes(1);

    /// <summary>How long a follower stays subscribed without calling <see cref="Follow"/> again.</summary>
    public static readonly TimeSpan ObserverLease = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<IDistrictRouteObserver, DateTimeOffset> _followers = new();
    private readonly string _activationId = Guid.NewGuid().ToString("N");
    private DistrictHost? _host;
    private IRouteHub<Assignment>? _routes;
    private IRouteHub<TruckAssignment>? _truckRoutes;

    private string DistrictId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var district = city.Find(DistrictId) ?? throw new InvalidOperationException($"district '{DistrictId}' is not in city '{city.City.Id}'");
        var started = clock.GetTimestamp();
        // Off the grain's scheduler: building the stack blocks on its migration, whose continuations must not queue
        // behind this very turn.
        _host = await Task.Run(() => DistrictHost.StartAsync(district, configuration, storage, cancellationToken), cancellationToken);
        _routes = _host.Services.GetRequiredService<IRouteHub<Assignment>>();
        _routes.RoutesChanged += Relay;
        _truckRoutes = _host.Services.GetRequiredService<IRouteHub<TruckAssignment>>();
        _truckRoutes.RoutesChanged += RelayTrucks;
        if (Service<ILiveDispatch>().HasLiveDay)
        {
            await this.RegisterOrUpdateReminder(LiveDayReminder, s_reminderPeriod, s_reminderPeriod);
        }

        Activated(logger, DistrictId, (long)clock.GetElapsedTime(started).TotalMilliseconds);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_routes is not null)
        {
            _routes.RoutesChanged -= Relay;
        }

        if (_truckRoutes is not null)
        {
            _truckRoutes.RoutesChanged -= RelayTrucks;
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    public Task<GrainAnswer> SubmitBatch(byte[] orderBatch) => Answer(async () =>
    {
        var batch = OrderBatch.Parser.ParseFrom(orderBatch);
        var result = await Service<BatchIntake>().SubmitAsync(IntakeMapping.ToDomain(batch), CancellationToken.None);
        return IntakeMapping.ToProto(result.Receipt, result.Replayed);
    });

    public Task<GrainAnswer> GetOrder(byte[] request, DistrictCaller caller) => Answer(async () =>
        await Service<OrderLookup>().GetAsync(GetOrderRequest.Parser.ParseFrom(request), caller.ToCaller(), CancellationToken.None));

    public Task<GrainAnswer> ListOrders(byte[] request, DistrictCaller caller) => Answer(async () =>
        await Service<OrderLookup>().ListAsync(ListOrdersRequest.Parser.ParseFrom(request), caller.ToCaller(), CancellationToken.None));

    public Task<GrainAnswer> PlanDay(byte[] request) => Answer(async () =>
    {
        var plan = PlanDistrictDayRequest.Parser.ParseFrom(request);
        var saved = await Service<DistrictDayPlanning>().PlanAsync(DistrictId, plan.Day, plan.ProbeBottleneck != false, null, CancellationToken.None);
        await this.RegisterOrUpdateReminder(LiveDayReminder, s_reminderPeriod, s_reminderPeriod);
        return PlanMapping.ToSummary(saved);
    });

    public Task<GrainAnswer> GetPlan(byte[] request) => Answer(async () =>
    {
        var wanted = GetPlanRequest.Parser.ParseFrom(request);
        return PlanMapping.ToSummary(await Service<PlanLookup>().FindAsync(DistrictId, wanted.Day, wanted.Version, CancellationToken.None));
    });

    public Task<GrainAnswer> GetGatePlan(byte[] request) => Answer(async () =>
    {
        var wanted = GetGatePlanRequest.Parser.ParseFrom(request);
        wanted.DistrictId = DistrictId;
        return await Service<PlanLookup>().GatePlanAsync(wanted, CancellationToken.None);
    });

    public Task<GrainAnswer> ListGates() => Answer(async () => await Service<PlanLookup>().ListGatesAsync(DistrictId, CancellationToken.None));

    public Task<GrainAnswer> ReportStop(byte[] request) => Answer(async () =>
    {
        var report = VolunteerReportMapping.ToDomain(ReportStopRequest.Parser.ParseFrom(request));
        return VolunteerReportMapping.ToProto(await Service<ILiveDispatch>().ReportStopAsync(report, CancellationToken.None));
    });

    public Task<GrainAnswer> SetAvailability(byte[] request) => Answer(async () =>
    {
        var change = SetAvailabilityRequest.Parser.ParseFrom(request);
        int version = await Service<ILiveDispatch>().SetAvailabilityAsync(change.VolunteerId, change.Available, CancellationToken.None);
        return new SetAvailabilityResult { Available = change.Available, PlanVersion = version };
    });

    public Task<GrainAnswer> StartTrip(byte[] request) => Answer(async () =>
    {
        var start = StartTripRequest.Parser.ParseFrom(request);
        var result = await Service<ILiveDispatch>().StartTripAsync(start.VolunteerId, VolunteerReportMapping.TripNumber(start), CancellationToken.None);
        return VolunteerReportMapping.ToProto(result);
    });

    public Task<GrainAnswer> ConfirmPickup(byte[] request) => Answer(async () =>
    {
        var pickup = VolunteerReportMapping.ToDomain(ConfirmPickupRequest.Parser.ParseFrom(request));
        return VolunteerReportMapping.ToProto(await Service<ILiveDispatch>().ConfirmPickupAsync(pickup, CancellationToken.None));
    });

    public Task<GrainAnswer> ReportArrival(byte[] request) => Answer(async () =>
    {
        var report = TruckReportMapping.ToDomain(ReportArrivalRequest.Parser.ParseFrom(request));
        return TruckReportMapping.ToProto(await Service<ILiveDispatch>().ReportArrivalAsync(report, CancellationToken.None));
    });

    public Task<GrainAnswer> ReportDeparture(byte[] request) => Answer(async () =>
    {
        var report = TruckReportMapping.ToDomain(ReportDepartureRequest.Parser.ParseFrom(request));
        return TruckReportMapping.ToProto(await Service<ILiveDispatch>().ReportDepartureAsync(report, CancellationToken.None));
    });

    public Task<bool> HasTruck(string truckId) => Task.FromResult(Service<ILiveDispatch>().IsKnownTruck(truckId));

    // The reminder only has to reach the grain: activating it restores the live day.
    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    public Task<bool> HasVolunteer(string volunteerId) => Task.FromResult(Service<ILiveDispatch>().IsKnownVolunteer(volunteerId));

    public Task<DistrictRoutes> Follow(IDistrictRouteObserver observer)
    {
        _followers[observer] = clock.GetUtcNow() + ObserverLease;
        var current = _routes!.CurrentRoutes().Select(r => r.ToByteArray()).ToArray();
        var trucks = _truckRoutes!.CurrentRoutes().Select(r => r.ToByteArray()).ToArray();
        return Task.FromResult(new DistrictRoutes(_activationId, current, trucks));
    }

    public Task Unfollow(IDistrictRouteObserver observer)
    {
        _followers.TryRemove(observer, out _);
        return Task.CompletedTask;
    }

    // Raised on the thread that published (a gate re-plan's), outside the grain's turn: one-way calls need no turn.
    private void Relay(IReadOnlyList<Assignment> changed)
    {
        var assignments = changed.Select(a => a.ToByteArray()).ToArray();
        foreach (var observer in CurrentFollowers())
        {
            _ = observer.RoutesChanged(DistrictId, assignments);
        }
    }

    private void RelayTrucks(IReadOnlyList<TruckAssignment> changed)
    {
        var assignments = changed.Select(a => a.ToByteArray()).ToArray();
        foreach (var observer in CurrentFollowers())
        {
            _ = observer.TruckRoutesChanged(DistrictId, assignments);
        }
    }

    /// <summary>The followers whose lease runs; lapsed ones are dropped.</summary>
    private List<IDistrictRouteObserver> CurrentFollowers()
    {
        var now = clock.GetUtcNow();
        var current = new List<IDistrictRouteObserver>();
        foreach (var (observer, until) in _followers)
        {
            if (until < now)
            {
                _followers.TryRemove(observer, out _);
            }
            else
            {
                current.Add(observer);
            }
        }

        return current;
    }

    private T Service<T>()
        where T : notnull => (_host ?? throw new InvalidOperationException("district not started")).Services.GetRequiredService<T>();

    private static async Task<GrainAnswer> Answer(Func<Task<IMessage>> work)
    {
        try
        {
            var answer = await work();
            return new GrainAnswer(answer.ToByteArray(), null);
        }
        catch (Exception e) when (ErrorStatusInterceptor.ToStatus(e) is { } refusal)
        {
            return new GrainAnswer(null, refusal.ToByteArray());
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "district {DistrictId} active on this silo after {Milliseconds} ms (storage migrated, live day restored if one was live)")]
    private static partial void Activated(ILogger logger, string districtId, long milliseconds);
}
