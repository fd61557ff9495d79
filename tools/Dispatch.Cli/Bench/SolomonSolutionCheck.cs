using Dispatch.Planning.Routing;

namespace Dispatch.Cli.Bench;

/// <summary>
/// Checks routes on the instance's own numbers (not the engine's problem): every customer exactly once,
/// capacity, due dates with waiting allowed, return by the depot's due date; and prices them with
/// arcs truncated to 0.1.
/// </summary>
internal static class SolomonSolutionCheck
{
    public static (IReadOnlyList<string> Violations, double Distance) Check(SolomonInstance instance, IReadOnlyList<IReadOnlyList<int>> routes)
    {
        var violations = new List<string>();
        var seen = new int[instance.Nodes.Count];
        long tenths = 0;
        if (routes.Count > instance.VehicleLimit)
        {
            violations.Add($"{routes.Count} routes, fleet limit {instance.VehicleLimit}");
        }

        foreach (var route in routes)
        {
            long clock = 0;
            int load = 0;
            int at = 0;
            foreach (int customer in route.Append(0))
            {
                if (customer < 0 || customer >= instance.Nodes.Count)
                {
                    violations.Add($"unknown customer {customer}");
                    continue;
                }

                var node = instance.Nodes[customer];
                long arc = instance.ArcTenths(at, customer);
                tenths += arc;
                clock = Math.Max(clock + arc, node.ReadyTime * (long)SolomonInstance.Scale);
                if (clock > node.DueDate * (long)SolomonInstance.Scale)
                {
                    violations.Add($"customer {customer} reached at {clock / 10.0}, due {node.DueDate}");
                }

                clock += node.ServiceTime * (long)SolomonInstance.Scale;
                load += node.Demand;
                if (customer != 0)
                {
                    seen[customer]++;
                }

                at = customer;
            }

            if (load > instance.Capacity)
            {
                violations.Add($"route load {load} over capacity {instance.Capacity}");
            }
        }

        for (int c = 1; c < seen.Length; c++)
        {
            if (seen[c] != 1)
            {
                violations.Add($"customer {c} visited {seen[c]} times");
            }
        }

        return (violations, tenths / 10.0);
    }

    public static IReadOnlyList<IReadOnlyList<int>> Routes(RoutingSolution solution) =>
        solution.Vehicles
            .SelectMany(v => v.Trips)
            .Select(t => (IReadOnlyList<int>)t.Visits.Select(v => int.Parse(v.StopId, System.Globalization.CultureInfo.InvariantCulture)).ToList())
            .ToList();
}
