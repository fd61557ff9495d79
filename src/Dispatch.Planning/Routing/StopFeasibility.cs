namespace Dispatch.Planning.Routing;

/// <summary>
/// Why a stop cannot be served even by a vehicle with nothing else to do; null when one could serve it.
/// Used before solving (such stops are not given to the solver) and to explain what the solver dropped.
/// </summary>
internal static class StopFeasibility
{
    public static (UnassignedReason Reason, string Detail)? WhyUnservable(RoutingProblem problem, int stopIndex)
    {
        var stop = problem.Stops[stopIndex];
        var candidates = AllowedVehicles(problem, stop)
            .Where(v => problem.Vehicles[v].MaxStops > 0 && problem.Vehicles[v].MaxTrips > 0)
            .ToList();
        if (candidates.Count == 0)
        {
            return (UnassignedReason.NoAllowedVehicle, "no allowed vehicle has a trip or a stop to give");
        }

        candidates = candidates.Where(v => problem.Vehicles[v].CapacityGrams >= stop.DemandGrams).ToList();
        if (candidates.Count == 0)
        {
            return (UnassignedReason.DemandExceedsEveryCapacity,
                $"{stop.DemandGrams} g exceeds every allowed vehicle's capacity per trip");
        }

        candidates = candidates.Where(v => problem.Vehicles[v].CapacityCount >= stop.Count).ToList();
        if (candidates.Count == 0)
        {
            return (UnassignedReason.CountExceedsEveryCapacity,
                $"count {stop.Count} exceeds every allowed vehicle's count per trip");
        }

        if (stop.ReadyAtSeconds > stop.Window.LatestSeconds)
        {
            return (UnassignedReason.ReadyAfterWindowCloses,
                $"ready at {stop.ReadyAtSeconds} s, window closes at {stop.Window.LatestSeconds} s");
        }

        if (!candidates.Any(v => CanReachAlone(problem, problem.Vehicles[v], stop)))
        {
            return (UnassignedReason.WindowUnreachable,
                $"no allowed vehicle reaches it in [{stop.Window.EarliestSeconds}, {stop.Window.LatestSeconds}] s and returns within its shift");
        }

        return null;
    }

    public static IEnumerable<int> AllowedVehicles(RoutingProblem problem, RoutingStop stop) =>
        stop.AllowedVehicles?.Where(v => v >= 0 && v < problem.Vehicles.Count).Distinct()
        ?? Enumerable.Range(0, problem.Vehicles.Count);

    private static bool CanReachAlone(RoutingProblem problem, RoutingVehicle vehicle, RoutingStop stop)
    {
        long depart = Math.Max(vehicle.ShiftStartSeconds, stop.ReadyAtSeconds);
        if (depart > (vehicle.LastDepartureSeconds ?? int.MaxValue))
        {
            return false;
        }

        long arrive = depart + problem.Travel.Duration(vehicle.StartPoint, stop.Point);
        long begin = Math.Max(arrive, stop.Window.EarliestSeconds);
        long back = begin + stop.ServiceSeconds + problem.Travel.Duration(stop.Point, vehicle.EndPoint);
        return begin <= stop.Window.LatestSeconds && back <= vehicle.ShiftEndSeconds;
    }
}
