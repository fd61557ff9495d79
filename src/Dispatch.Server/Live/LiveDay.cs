using System.Collections.Concurrent;
using Dispatch.Domain.Orders;
using Dispatch.Domain.People;
using Dispatch.Planning.Doors;
using Dispatch.Planning.Live;
using Dispatch.Planning.Trucks;
using Dispatch.Server.Planning;

namespace Dispatch.Server.Live;

/// <summary>The state of the day being delivered: the plan acted on, the day's orders, reports and drop-outs.</summary>
internal sealed class LiveDay(string districtId, int day, VersionedPlan plan, IReadOnlyDictionary<string, Order> orders)
{
    public string DistrictId { get; } = districtId;

    public int Day { get; } = day;

    /// <summary>Replaced whole under the compose lock; read without it.</summary>
    public VersionedPlan Plan { get; set; } = plan;

    public IReadOnlyDictionary<string, Order> Orders { get; set; } = orders;

    /// <summary>
    /// The version of the plan made live by planning the district (or restored), changed under the compose lock: re-plan
    /// versions after it may be pruned, and a re-plan that started from an older one is dropped.
    /// </summary>
    public int BaseVersion { get; set; } = plan.Version;

    public ConcurrentDictionary<string, StopReport> Reports { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, bool> Unavailable { get; } = new(StringComparer.Ordinal);

    /// <summary>Reported arrivals: when, and how late against the plan of the time.</summary>
    public ConcurrentDictionary<ArrivalRef, (int ArrivedAtSeconds, int LateBySeconds)> Arrivals { get; } = new();

    /// <summary>How far each order has come on its way (see <see cref="OrderProgress"/>); filled from the store before first use.</summary>
    public ConcurrentDictionary<string, OrderStatus> Reached { get; } = new(StringComparer.Ordinal);

    /// <summary>True once <see cref="Reached"/> holds what the store had when the day became live in this process.</summary>
    public bool ReachedLoaded { get; set; }

    /// <summary>Reported departures: when the truck left the supermarket.</summary>
    public ConcurrentDictionary<TruckTripRef, int> Departures { get; } = new();

    /// <summary>Door trips started.</summary>
    public ConcurrentDictionary<VolunteerTripRef, bool> StartedTrips { get; } = new();

    /// <summary>Wrong proof codes and the locks they set (see <see cref="ConfirmationGuard"/>).</summary>
    public CodeAttempts CodeAttempts { get; } = new();

    /// <summary>The volunteer's door trips in the plan acted on (null when the plan gives them none).</summary>
    public VolunteerRoute? RouteOf(Volunteer volunteer) =>
        Plan.Plan.DoorRoutes.Where(d => d.GateId == volunteer.GateId).SelectMany(d => d.Routes).FirstOrDefault(r => r.VolunteerId == volunteer.Id);
}
