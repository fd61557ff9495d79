using Dispatch.Planning.Routing;

namespace Dispatch.Planning.Doors;

/// <summary>
/// Routes volunteers from one gate to the doors of high-risk and vulnerable households: trips start and
/// end at the gate, carry at most the volunteer's limit, leave only when the goods are disinfected, and
/// count towards the volunteer's households per day. Vulnerable households are dropped last and served early.
/// </summary>
public sealed class DoorRouter
{
    private readonly VehicleRoutingSolver _solver = new();

    public DoorRoutingResult Route(DoorRoutingInput input, CancellationToken cancellation = default)
    {
        var plan = Plan(input);
        var solution = _solver.Solve(plan.Problem, input.Options, cancellation);
        return Read(plan, solution);
    }

    internal static DoorPlanProblem Plan(DoorRoutingInput input)
    {
        var settings = input.Settings;
        var points = input.Deliveries.Select(d => d.Household.Location).Prepend(input.Gate.Location).ToList();
        var volunteers = input.Volunteers.Where(v => v.GateId == input.Gate.Id && v.Shift.IsValid).ToList();
        var vehicles = volunteers.Select(v => new RoutingVehicle(
            v.Id,
            0,
            0,
            v.CarryLimitGrams,
            settings.MaxDoorsPerTrip,
            v.Shift.StartSeconds,
            v.Shift.EndSeconds,
            MaxStops: v.MaxHouseholds,
            MaxTrips: settings.MaxTripsPerVolunteer,
            ReloadSeconds: settings.ReloadSeconds)).ToList();
        var stops = input.Deliveries.Select((d, i) =>
        {
            bool vulnerable = d.Household.IsVulnerable;
            return new RoutingStop(
                d.Id,
                i + 1,
                d.WeightGrams,
                1,
                settings.ServiceSeconds(d.Household),
                d.Window ?? TimeWindow.Always,
                d.ReadyAtSeconds,
                vulnerable ? settings.VulnerableDropPenalty : settings.OrdinaryDropPenalty,
                vulnerable ? d.ReadyAtSeconds : null,
                vulnerable ? settings.VulnerableWaitCostPerSecond : 0);
        }).ToList();
        var problem = new RoutingProblem(
            input.Walking.Between(points),
            stops,
            vehicles,
            new RoutingCosts(ArcCostKind.Duration, settings.BalanceCostPerSecond));
        return new DoorPlanProblem(input, problem);
    }

    internal static DoorRoutingResult Read(DoorPlanProblem plan, RoutingSolution solution)
    {
        var deliveries = plan.Input.Deliveries;
        var routes = solution.Vehicles.Select(v => new VolunteerRoute(
            v.VehicleId,
            v.Trips.Select(t => new DoorTrip(
                t.Number,
                t.DepartSeconds,
                t.ReturnSeconds,
                t.LoadGrams,
                t.DistanceMetres,
                t.Visits.Select(visit =>
                {
                    var delivery = deliveries[visit.StopIndex];
                    return new DoorVisit(
                        delivery.Id,
                        delivery.Household.Id,
                        delivery.Household.IsVulnerable,
                        visit.ArrivalSeconds,
                        visit.StartSeconds,
                        plan.Problem.Stops[visit.StopIndex].ServiceSeconds);
                }).ToList())).ToList())).ToList();
        var unassigned = solution.Unassigned.Select(u =>
        {
            var delivery = deliveries[u.StopIndex];
            string detail = u.Reason == UnassignedReason.NoAllowedVehicle ? $"no volunteer on shift at gate {plan.Input.Gate.Id}" : u.Detail;
            return new UnassignedDelivery(delivery.Id, delivery.Household.Id, delivery.Household.IsVulnerable, u.Reason, detail);
        }).ToList();
        return new DoorRoutingResult(plan.Input.Gate.Id, routes, unassigned);
    }
}

/// <summary>The routing problem built for one gate: stop i is delivery i.</summary>
internal sealed record DoorPlanProblem(DoorRoutingInput Input, RoutingProblem Problem);
