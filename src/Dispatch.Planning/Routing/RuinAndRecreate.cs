using System.Diagnostics;

namespace Dispatch.Planning.Routing;

/// <summary>
/// Ruin and recreate driven from our side (the OR-Tools iterated local search does not run from C#):
/// remove strings of stops around a random stop (SISR), let the solver reinsert them and descend to a local
/// optimum, accept by simulated annealing on time, keep the best. Solver-neutral: routes are lists of
/// solver indices per trip vehicle, the solver work happens in <see cref="Recreate"/>.
/// </summary>
internal sealed class RuinAndRecreate
{
    /// <summary>Reinserts the missing stops into the routes and improves; null when it found nothing in time.</summary>
    public delegate RecreatedRoutes<TSolution>? Recreate<TSolution>(long[][] routes, TimeSpan budget);

    private readonly RuinAndRecreateSettings _settings;
    private readonly Random _random;

    // Nearest other stops of each stop index, closest first: where a ruin spreads from its seed.
    private readonly IReadOnlyDictionary<long, long[]> _neighbours;

    // Stops locked in place (committed trips) are never removed.
    private readonly IReadOnlySet<long> _locked;

    public RuinAndRecreate(
        RuinAndRecreateSettings settings, IReadOnlyDictionary<long, long[]> neighbours, IReadOnlySet<long> locked, int seed)
    {
        _settings = settings;
        _neighbours = neighbours;
        _locked = locked;
        _random = new Random(seed);
    }

    /// <summary>Iterates from <paramref name="start"/> until <paramref name="deadline"/> or cancellation; returns the best found.</summary>
    public RecreatedRoutes<TSolution> Improve<TSolution>(RecreatedRoutes<TSolution> start, Recreate<TSolution> recreate, Stopwatch clock, TimeSpan deadline, CancellationToken cancellation)
    {
        var best = start;
        var current = start;
        TimeSpan from = clock.Elapsed;
        while (!cancellation.IsCancellationRequested)
        {
            TimeSpan left = deadline - clock.Elapsed;
            if (left <= TimeSpan.FromMilliseconds(5))
            {
                break;
            }

            var ruined = Ruin(current.Routes);
            var budget = left < _settings.IterationBudget ? left : _settings.IterationBudget;
            var candidate = recreate(ruined, budget);
            if (candidate is null)
            {
                continue;
            }

            if (candidate.Cost < best.Cost)
            {
                best = candidate;
            }

            double progress = (clock.Elapsed - from) / (deadline - from);
            if (Accepts(candidate.Cost - current.Cost, Temperature(Math.Clamp(progress, 0, 1))))
            {
                current = candidate;
            }
        }

        return best;
    }

    private double Temperature(double progress)
    {
        double start = Math.Max(1e-9, _settings.StartTemperature);
        double end = Math.Max(1e-9, Math.Min(start, _settings.EndTemperature));
        return start * Math.Pow(end / start, progress);
    }

    private bool Accepts(long worsening, double temperature) =>
        worsening <= 0 || _random.NextDouble() < Math.Exp(-worsening / temperature);

    /// <summary>
    /// SISR-style removal: from a random seed stop, visit its neighbours closest first; from each route not yet
    /// ruined, remove a string of consecutive stops containing that neighbour, until enough are removed.
    /// Removal counts vary around the average so that both small repairs and large moves happen.
    /// </summary>
    internal long[][] Ruin(long[][] routes)
    {
        var routeOf = new Dictionary<long, int>();
        for (int r = 0; r < routes.Length; r++)
        {
            foreach (long index in routes[r])
            {
                routeOf[index] = r;
            }
        }

        var candidates = routeOf.Keys.Where(i => !_locked.Contains(i)).ToList();
        if (candidates.Count == 0)
        {
            return routes;
        }

        int average = Math.Max(1, _settings.AverageRemovedStops);
        int target = Math.Min(candidates.Count, 1 + _random.Next(2 * average));
        var removed = new HashSet<long>();
        var ruinedRoutes = new HashSet<int>();
        long seed = candidates[_random.Next(candidates.Count)];
        var order = _neighbours.TryGetValue(seed, out var near) ? near.Prepend(seed) : [seed];
        foreach (long index in order)
        {
            if (removed.Count >= target)
            {
                break;
            }

            if (_locked.Contains(index) || !routeOf.TryGetValue(index, out int r) || !ruinedRoutes.Add(r))
            {
                continue;
            }

            var route = routes[r];
            int at = Array.IndexOf(route, index);
            int maxLength = Math.Min(route.Length, Math.Min(Math.Max(1, _settings.MaxRemovedString), target - removed.Count));
            int length = 1 + _random.Next(maxLength);
            int first = Math.Clamp(at - _random.Next(length), 0, route.Length - length);
            for (int k = first; k < first + length; k++)
            {
                if (!_locked.Contains(route[k]))
                {
                    removed.Add(route[k]);
                }
            }
        }

        return routes.Select(route => route.Where(i => !removed.Contains(i)).ToArray()).ToArray();
    }
}
