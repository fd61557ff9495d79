using Dispatch.Planning.Routing;

namespace Dispatch.Planning.Validation;

/// <summary>
/// Checks a <see cref="RoutingSolution"/> against its <see cref="RoutingProblem"/> without the solver:
/// capacity and count per trip, stops per day, ready times, time windows, shifts, trips in sequence,
/// each stop at most once (exactly once when asked), and that every stop is either served or reported.
/// Times are recomputed from the reported service starts and the travel matrix.
/// </summary>
public static class RouteChecker
{
    public static IReadOnlyList<string> Check(RoutingProblem problem, RoutingSolution solution, bool requireEveryStop = false)
    {
        var violations = new List<string>();
        var timesServed = new int[problem.Stops.Count];
        foreach (var route in solution.Vehicles)
        {
            if (route.VehicleIndex < 0 || route.VehicleIndex >= problem.Vehicles.Count)
            {
                violations.Add($"route of unknown vehicle {route.VehicleIndex}");
                continue;
            }

            CheckVehicle(problem, route, problem.Vehicles[route.VehicleIndex], timesServed, violations);
        }

        var reported = solution.Unassigned.Select(u => u.StopIndex).ToHashSet();
        for (int s = 0; s < problem.Stops.Count; s++)
        {
            if (timesServed[s] > 1)
            {
                violations.Add($"stop {problem.Stops[s].Id} served {timesServed[s]} times");
            }

            if (timesServed[s] == 0 && requireEveryStop)
            {
                violations.Add($"stop {problem.Stops[s].Id} not served");
            }

            if (timesServed[s] == 0 && !reported.Contains(s))
            {
                violations.Add($"stop {problem.Stops[s].Id} neither served nor reported unassigned");
            }

            if (timesServed[s] > 0 && reported.Contains(s))
            {
                violations.Add($"stop {problem.Stops[s].Id} served and also reported unassigned");
            }
        }

        return violations;
    }

    private static void CheckVehicle(
        RoutingProblem problem, VehicleRoute route, RoutingVehicle vehicle, int[] timesServed, List<string> violations)
    {
        string who = vehicle.Id;
        if (route.Trips.Count > Math.Max(1, vehicle.MaxTrips))
        {
            violations.Add($"{who}: {route.Trips.Count} trips, at most {vehicle.MaxTrips}");
        }

        int stopsToday = 0;
        long previousBack = long.MinValue;
        foreach (var trip in route.Trips)
        {
            string where = $"{who} trip {trip.Number}";
            if (previousBack != long.MinValue && trip.DepartSeconds < previousBack + vehicle.ReloadSeconds)
            {
                violations.Add($"{where}: leaves at {trip.DepartSeconds} s before the previous trip is back and reloaded ({previousBack} + {vehicle.ReloadSeconds} s)");
            }

            if (trip.DepartSeconds < vehicle.ShiftStartSeconds)
            {
                violations.Add($"{where}: leaves at {trip.DepartSeconds} s before the shift starts at {vehicle.ShiftStartSeconds} s");
            }

            if (trip.DepartSeconds > (vehicle.LastDepartureSeconds ?? int.MaxValue))
            {
                violations.Add($"{where}: leaves at {trip.DepartSeconds} s after the last departure at {vehicle.LastDepartureSeconds} s");
            }

            long grams = 0;
            long count = 0;
            long clock = trip.DepartSeconds;
            int point = vehicle.StartPoint;
            foreach (var visit in trip.Visits)
            {
                if (visit.StopIndex < 0 || visit.StopIndex >= problem.Stops.Count)
                {
                    violations.Add($"{where}: unknown stop {visit.StopIndex}");
                    continue;
                }

                var stop = problem.Stops[visit.StopIndex];
                timesServed[visit.StopIndex]++;
                stopsToday++;
                grams += stop.DemandGrams;
                count += stop.Count;
                if (stop.AllowedVehicles is not null && !stop.AllowedVehicles.Contains(route.VehicleIndex))
                {
                    violations.Add($"{where}: serves {stop.Id}, which it is not allowed to");
                }

                if (trip.DepartSeconds < stop.ReadyAtSeconds)
                {
                    violations.Add($"{where}: leaves at {trip.DepartSeconds} s with {stop.Id}, ready only at {stop.ReadyAtSeconds} s");
                }

                long arrival = clock + problem.Travel.Duration(point, stop.Point);
                if (visit.StartSeconds < arrival)
                {
                    violations.Add($"{where}: starts {stop.Id} at {visit.StartSeconds} s before it can arrive at {arrival} s");
                }

                if (!stop.Window.Contains(visit.StartSeconds))
                {
                    violations.Add($"{where}: starts {stop.Id} at {visit.StartSeconds} s outside [{stop.Window.EarliestSeconds}, {stop.Window.LatestSeconds}]");
                }

                clock = Math.Max(arrival, visit.StartSeconds) + stop.ServiceSeconds;
                point = stop.Point;
            }

            long back = clock + problem.Travel.Duration(point, vehicle.EndPoint);
            if (back > vehicle.ShiftEndSeconds)
            {
                violations.Add($"{where}: back at {back} s after the shift ends at {vehicle.ShiftEndSeconds} s");
            }

            if (grams > vehicle.CapacityGrams)
            {
                violations.Add($"{where}: carries {grams} g over its {vehicle.CapacityGrams} g capacity");
            }

            if (count > vehicle.CapacityCount)
            {
                violations.Add($"{where}: serves count {count} over its {vehicle.CapacityCount} per trip");
            }

            previousBack = Math.Max(back, trip.ReturnSeconds);
        }

        if (stopsToday > vehicle.MaxStops)
        {
            violations.Add($"{who}: {stopsToday} stops in the day, at most {vehicle.MaxStops}");
        }
    }
}
