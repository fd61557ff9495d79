using Dispatch.Domain.People;
using Dispatch.Domain.Scenarios;
using Dispatch.Domain.Supply;
using Dispatch.Server.Errors;

namespace Dispatch.Server.Live;

/// <summary>Who carries goods in the district: its volunteers and trucks, by id.</summary>
internal sealed class LiveRoster(ScenarioIndex scenario)
{
    private readonly Dictionary<string, Volunteer> _volunteers = scenario.Scenario.Volunteers.ToDictionary(v => v.Id, StringComparer.Ordinal);
    private readonly Dictionary<string, Vehicle> _trucks = scenario.Scenario.Vehicles.ToDictionary(v => v.Id, StringComparer.Ordinal);

    public IEnumerable<Volunteer> Volunteers => _volunteers.Values;

    public IEnumerable<Vehicle> Trucks => _trucks.Values;

    public bool IsKnownVolunteer(string volunteerId) => _volunteers.ContainsKey(volunteerId);

    public bool IsKnownTruck(string truckId) => _trucks.ContainsKey(truckId);

    public Volunteer Volunteer(string volunteerId) =>
        _volunteers.GetValueOrDefault(volunteerId) ?? throw new ResourceNotFoundException("volunteer", volunteerId);

    public Vehicle Truck(string truckId) =>
        _trucks.GetValueOrDefault(truckId) ?? throw new ResourceNotFoundException("truck", truckId);

    /// <summary>The gate's volunteers who have not dropped out of <paramref name="day"/>.</summary>
    public List<Volunteer> AvailableAt(string gateId, LiveDay day) =>
        _volunteers.Values.Where(v => v.GateId == gateId && !day.Unavailable.ContainsKey(v.Id)).ToList();
}
