using System.Diagnostics;

namespace Dispatch.Planning.Routing.StringRemovals;

/// <summary>
/// Slack induction by string removals (SISR, Christiaens and Vanden Berghe 2020): remove strings of consecutive stops
/// from routes near a random stop, put every absent stop back at its cheapest place with blinks (each place skipped
/// with a small probability), accept by simulated annealing, keep the best. Many cheap iterations: an insertion is
/// checked in O(1) from <see cref="SearchSolution"/>'s start times. Stops after a fixed number of iterations, so a seed
/// gives the same routes; the time limit is only a cap.
/// </summary>
internal sealed class StringRemovalSearch(SearchInstance instance, RuinAndRecreateSettings settings)
{
    private const double BlinkRate = 0.01;
    private const double SplitKeepRate = 0.01;

    // The span's ends before the stop being reinserted goes in (only with a balance cost).
    private long _latestReturn;
    private long _earliestDeparture;

    /// <summary>Improves <paramref name="start"/> (routes of search stops per route) and returns the best routes found.</summary>
    public StringRemovalResult Improve(IReadOnlyList<IReadOnlyList<int>> start, int seed, Stopwatch clock, TimeSpan deadline, CancellationToken cancellation)
    {
        var random = new Random(seed);
        var current = new SearchSolution(instance);
        for (int r = 0; r < start.Count; r++)
        {
            // A route the search cannot keep (e.g. one leaving after its last departure) starts empty: its stops are reinserted.
            if (start[r].Count > 0)
            {
                current.TrySetRoute(r, start[r]);
            }
        }

        long startCost = current.Cost;
        var removed = new List<int>();
        Recreate(current, random);
        var candidate = new SearchSolution(instance);
        var best = new SearchSolution(instance);
        best.CopyFrom(current);
        long currentCost = current.Cost;
        long bestCost = currentCost;
        double t0 = Math.Max(1e-9, settings.StartTemperature);
        double tf = Math.Max(1e-9, Math.Min(t0, settings.EndTemperature));
        long iterations = Math.Max(0, settings.Iterations);
        long done = 0;
        for (; done < iterations; done++)
        {
            if ((done & 63) == 0 && (cancellation.IsCancellationRequested || clock.Elapsed >= deadline))
            {
                break;
            }

            candidate.CopyFrom(current);
            removed.Clear();
            Ruin(candidate, random, removed);
            Recreate(candidate, random);
            long cost = candidate.Cost;
            double temperature = t0 * Math.Pow(tf / t0, (double)done / iterations);
            if (cost < currentCost - (temperature * Math.Log(random.NextDouble())))
            {
                (current, candidate) = (candidate, current);
                currentCost = cost;
                if (cost < bestCost)
                {
                    best.CopyFrom(current);
                    bestCost = cost;
                }
            }
        }

        return new StringRemovalResult(best.Routes.Select(r => (IReadOnlyList<int>)r.ToArray()).ToList(), bestCost, done, startCost);
    }

    /// <summary>Removes strings of stops from up to k routes around a random seed stop (SISR's adjacent string removal).</summary>
    private void Ruin(SearchSolution solution, Random random, List<int> removed)
    {
        int served = 0;
        int used = 0;
        foreach (var route in solution.Routes)
        {
            served += route.Count;
            used += route.Count > 0 ? 1 : 0;
        }

        if (served == 0)
        {
            return;
        }

        double averageRoute = (double)served / used;
        double maxString = Math.Min(settings.MaxRemovedString, averageRoute);
        double maxStrings = (4.0 * settings.AverageRemovedStops / (1 + maxString)) - 1;
        int strings = (int)Math.Floor(Uniform(random, 1, maxStrings + 1));

        int seedStop;
        do
        {
            seedStop = random.Next(instance.StopCount);
        }
        while (solution.RouteOf[seedStop] < 0);

        Span<bool> ruined = instance.RouteCount <= 1024 ? stackalloc bool[instance.RouteCount] : new bool[instance.RouteCount];
        int ruinedCount = 0;
        var neighbours = instance.Neighbours[seedStop];
        for (int k = -1; k < neighbours.Length && ruinedCount < strings; k++)
        {
            int stop = k < 0 ? seedStop : neighbours[k];
            int route = solution.RouteOf[stop];
            if (route < 0 || ruined[route])
            {
                continue;
            }

            var visits = solution.Routes[route];
            int length = (int)Math.Floor(Uniform(random, 1, Math.Min(visits.Count, maxString) + 1));
            length = Math.Clamp(length, 1, visits.Count);
            int at = solution.PositionOf[stop];
            if (length == visits.Count || random.NextDouble() < 0.5)
            {
                int first = Math.Clamp(at - random.Next(length), 0, visits.Count - length);
                solution.RemoveRange(route, first, length, removed);
            }
            else
            {
                RemoveSplitString(solution, route, at, length, random, removed);
            }

            solution.Refresh(route);
            ruined[route] = true;
            ruinedCount++;
        }

        solution.Absent.AddRange(removed);
    }

    // A string of length + kept stops around the seed, of which a run of kept stops in the middle stays.
    private static void RemoveSplitString(SearchSolution solution, int route, int at, int length, Random random, List<int> removed)
    {
        var visits = solution.Routes[route];
        int kept = 1;
        while (kept < visits.Count - length && random.NextDouble() >= SplitKeepRate)
        {
            kept++;
        }

        int span = length + kept;
        int first = Math.Clamp(at - random.Next(span), 0, visits.Count - span);
        int keepFrom = first + random.Next(length + 1);
        // Remove the part after the kept run first, so the indices of the part before stay valid.
        int afterFrom = keepFrom + kept;
        int afterCount = first + span - afterFrom;
        if (afterCount > 0)
        {
            solution.RemoveRange(route, afterFrom, afterCount, removed);
        }

        if (keepFrom > first)
        {
            solution.RemoveRange(route, first, keepFrom - first, removed);
        }
    }

    /// <summary>Puts the absent stops back one by one, each at its cheapest feasible place (places skipped by blinks).</summary>
    private void Recreate(SearchSolution solution, Random random)
    {
        var absent = solution.Absent;
        SortForInsertion(absent, random);
        var stillAbsent = new List<int>();
        Span<bool> emptyKindTried = instance.KindCount <= 1024 ? stackalloc bool[instance.KindCount] : new bool[instance.KindCount];
        foreach (int stop in absent)
        {
            emptyKindTried.Clear();
            if (instance.BalanceRate > 0)
            {
                (_latestReturn, _earliestDeparture) = solution.SpanEnds();
            }

            var best = new Place(-1, -1, long.MaxValue);
            var nearStops = instance.InsertionNeighbours?[stop];
            for (int r = 0; r < instance.RouteCount; r++)
            {
                var visits = solution.Routes[r];
                if (visits.Count == 0)
                {
                    if (emptyKindTried[instance.RouteKind[r]])
                    {
                        continue;
                    }

                    emptyKindTried[instance.RouteKind[r]] = true;
                }
                else if (nearStops is not null)
                {
                    // Granular: used routes are tried only next to the stop's nearest stops, below.
                    continue;
                }

                if (Fits(solution, r, stop))
                {
                    for (int p = 0; p <= visits.Count; p++)
                    {
                        if (!TryPlace(solution, r, p, stop, random, ref best) && solution.DepartureBefore(r, p) > instance.Late[stop])
                        {
                            // Later places only leave later: start times never fall along a route.
                            break;
                        }
                    }
                }
            }

            if (nearStops is not null)
            {
                foreach (int near in nearStops)
                {
                    int r = solution.RouteOf[near];
                    if (r >= 0 && Fits(solution, r, stop))
                    {
                        int at = solution.PositionOf[near];
                        TryPlace(solution, r, at, stop, random, ref best);
                        TryPlace(solution, r, at + 1, stop, random, ref best);
                    }
                }
            }

            if (best.Route >= 0)
            {
                solution.Insert(best.Route, best.Position, stop);
            }
            else
            {
                stillAbsent.Add(stop);
            }
        }

        absent.Clear();
        absent.AddRange(stillAbsent);
    }

    private bool Fits(SearchSolution solution, int route, int stop) =>
        instance.MayServe(route, stop)
        && solution.Load[route] + instance.Demand[stop] <= instance.Capacity[route]
        && solution.UnitsUsed[route] + instance.Units[stop] <= instance.UnitCapacity[route]
        && solution.Routes[route].Count + 1 <= instance.MaxStops[route];

    /// <summary>Checks putting the stop before position p of the route in O(1); keeps it when cheapest so far. False when the times do not fit.</summary>
    private bool TryPlace(SearchSolution solution, int route, int p, int stop, Random random, ref Place best)
    {
        var visits = solution.Routes[route];
        int previousPoint = p == 0 ? instance.StartPoint[route] : instance.Point[visits[p - 1]];
        long previousDeparture = solution.DepartureBefore(route, p);
        int point = instance.Point[stop];
        long start = Math.Max(instance.Early[stop], previousDeparture + instance.Travel(previousPoint, point));
        if (start > instance.Late[stop])
        {
            return false;
        }

        int nextPoint = p < visits.Count ? instance.Point[visits[p]] : instance.EndPoint[route];
        long nextArrival = start + instance.Service[stop] + instance.Travel(point, nextPoint);
        long nextStart = p < visits.Count ? Math.Max(instance.Early[visits[p]], nextArrival) : nextArrival;
        if (nextStart > solution.LatestStart[route][p])
        {
            return false;
        }

        if (random.NextDouble() < BlinkRate)
        {
            return true;
        }

        long delta = visits.Count == 0
            ? instance.ArcCost(previousPoint, point) + instance.ArcCost(point, nextPoint) + instance.FixedCost[route]
            : instance.ArcCost(previousPoint, point) + instance.ArcCost(point, nextPoint) - instance.ArcCost(previousPoint, nextPoint);
        if (instance.HasLateCosts || instance.BalanceRate > 0)
        {
            // Its own lateness is a lower bound of what it adds (the stops after it only start later, the span only
            // grows): only a place that could still win pays for pushing the rest of the route.
            delta += instance.LateRate[stop] * Math.Max(0, start - instance.ServeBy[stop]);
            if (delta > best.Delta)
            {
                return true;
            }

            delta += PushCost(solution, route, p, nextStart);
        }

        if (delta < best.Delta || (delta == best.Delta && (route < best.Route || (route == best.Route && p < best.Position))))
        {
            best = new Place(route, p, delta);
        }

        return true;
    }

    /// <summary>
    /// Lateness added to the visits from position p on when the visit at p starts at <paramref name="start"/> (the
    /// route returns then when p is past the last visit) instead of its earliest start: the push travels along the
    /// route until waiting absorbs it. Plus the balance cost of a later return or an earlier first departure.
    /// </summary>
    private long PushCost(SearchSolution solution, int route, int p, long start)
    {
        var visits = solution.Routes[route];
        var earliest = solution.EarliestStart[route];
        long added = 0;
        bool reachesEnd = true;
        for (int k = p; k < visits.Count; k++)
        {
            long before = earliest[k];
            if (start <= before)
            {
                reachesEnd = false;
                break;
            }

            int stop = visits[k];
            long serveBy = instance.ServeBy[stop];
            added += instance.LateRate[stop] * (Math.Max(0, start - serveBy) - Math.Max(0, before - serveBy));
            int nextPoint = k + 1 < visits.Count ? instance.Point[visits[k + 1]] : instance.EndPoint[route];
            long arrival = start + instance.Service[stop] + instance.Travel(instance.Point[stop], nextPoint);
            start = k + 1 < visits.Count ? Math.Max(instance.Early[visits[k + 1]], arrival) : arrival;
        }

        if (instance.BalanceRate > 0)
        {
            long returnAt = reachesEnd ? Math.Max(start, solution.ReturnAt[route]) : solution.ReturnAt[route];
            long departure = visits.Count == 0 ? Math.Min(_earliestDeparture, instance.ShiftStart[route]) : _earliestDeparture;
            long span = Math.Max(0, Math.Max(_latestReturn, returnAt) - departure);
            long spanBefore = _earliestDeparture == long.MaxValue ? 0 : Math.Max(0, _latestReturn - _earliestDeparture);
            added += instance.BalanceRate * (span - spanBefore);
        }

        return added;
    }

    private readonly record struct Place(int Route, int Position, long Delta);

    // SISR's orders: random most often, then largest demand, farthest, closest.
    private void SortForInsertion(List<int> absent, Random random)
    {
        int pick = random.Next(11);
        if (pick < 4)
        {
            for (int i = absent.Count - 1; i > 0; i--)
            {
                int j = random.Next(i + 1);
                (absent[i], absent[j]) = (absent[j], absent[i]);
            }
        }
        else if (pick < 8)
        {
            absent.Sort((a, b) => instance.Demand[b].CompareTo(instance.Demand[a]) is var c and not 0 ? c : a.CompareTo(b));
        }
        else if (pick < 10)
        {
            absent.Sort((a, b) => instance.DepotDistance[b].CompareTo(instance.DepotDistance[a]) is var c and not 0 ? c : a.CompareTo(b));
        }
        else
        {
            absent.Sort((a, b) => instance.DepotDistance[a].CompareTo(instance.DepotDistance[b]) is var c and not 0 ? c : a.CompareTo(b));
        }
    }

    private static double Uniform(Random random, double from, double to) => from + (random.NextDouble() * (to - from));
}

/// <summary>The best routes found (search stops per route), their cost, the iterations run and the cost of the routes it started from.</summary>
internal sealed record StringRemovalResult(IReadOnlyList<IReadOnlyList<int>> Routes, long Cost, long Iterations, long StartCost);
