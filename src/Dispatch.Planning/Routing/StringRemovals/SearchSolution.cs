namespace Dispatch.Planning.Routing.StringRemovals;

/// <summary>
/// Routes of a <see cref="SearchInstance"/> with what makes an insertion check O(1): per route its load, units and
/// cost, and per visit the earliest start of service (forward) and the latest start that keeps the rest of the route
/// feasible (backward). Stops on no route are absent and cost their <see cref="SearchInstance.AbsentCost"/>.
/// </summary>
internal sealed class SearchSolution
{
    private readonly SearchInstance _instance;

    public SearchSolution(SearchInstance instance)
    {
        _instance = instance;
        Routes = new List<int>[instance.RouteCount];
        EarliestStart = new List<long>[instance.RouteCount];
        LatestStart = new List<long>[instance.RouteCount];
        Load = new long[instance.RouteCount];
        UnitsUsed = new int[instance.RouteCount];
        RouteCost = new long[instance.RouteCount];
        ReturnAt = new long[instance.RouteCount];
        for (int r = 0; r < instance.RouteCount; r++)
        {
            Routes[r] = [];
            EarliestStart[r] = [];
            LatestStart[r] = [instance.ShiftEnd[r]];
            ReturnAt[r] = instance.ShiftStart[r];
        }

        RouteOf = new int[instance.StopCount];
        Array.Fill(RouteOf, -1);
        PositionOf = new int[instance.StopCount];
        Absent = [.. Enumerable.Range(0, instance.StopCount)];
    }

    public List<int>[] Routes { get; }

    /// <summary>Per route, per visit: earliest start of service.</summary>
    public List<long>[] EarliestStart { get; }

    /// <summary>Per route, per visit and one more for the end point: latest start keeping the rest feasible.</summary>
    public List<long>[] LatestStart { get; }

    public long[] Load { get; }

    public int[] UnitsUsed { get; }

    /// <summary>Arc costs, the fixed cost when the route is used, and its stops' lateness costs.</summary>
    public long[] RouteCost { get; }

    /// <summary>Earliest return to the end point; the shift start for an empty route.</summary>
    public long[] ReturnAt { get; }

    /// <summary>Route of each stop; -1 when absent.</summary>
    public int[] RouteOf { get; }

    /// <summary>Position of each stop on its route (meaningless when absent).</summary>
    public int[] PositionOf { get; }

    public List<int> Absent { get; }

    /// <summary>When the vehicle can leave the visit before position p (the start point for p = 0), at the earliest.</summary>
    public long DepartureBefore(int route, int p) =>
        p == 0 ? _instance.ShiftStart[route] : EarliestStart[route][p - 1] + _instance.Service[Routes[route][p - 1]];

    public long Cost
    {
        get
        {
            long cost = 0;
            foreach (long c in RouteCost)
            {
                cost += c;
            }

            foreach (int stop in Absent)
            {
                cost += _instance.AbsentCost[stop];
            }

            return _instance.BalanceRate == 0 ? cost : cost + (_instance.BalanceRate * Span());
        }
    }

    /// <summary>
    /// Latest return minus earliest departure over the used routes: the solver's global span, with every used route
    /// leaving at its shift start (the solver may leave later where that shortens it: this is an upper bound).
    /// </summary>
    public long Span()
    {
        var (latestReturn, earliestDeparture) = SpanEnds();
        return earliestDeparture == long.MaxValue ? 0 : Math.Max(0, latestReturn - earliestDeparture);
    }

    /// <summary>The span's ends over the used routes: latest return, earliest departure (long.MaxValue when none is used).</summary>
    public (long LatestReturn, long EarliestDeparture) SpanEnds()
    {
        long latestReturn = long.MinValue;
        long earliestDeparture = long.MaxValue;
        for (int r = 0; r < Routes.Length; r++)
        {
            if (Routes[r].Count > 0)
            {
                latestReturn = Math.Max(latestReturn, ReturnAt[r]);
                earliestDeparture = Math.Min(earliestDeparture, _instance.ShiftStart[r]);
            }
        }

        return (latestReturn, earliestDeparture);
    }

    public void CopyFrom(SearchSolution other)
    {
        for (int r = 0; r < Routes.Length; r++)
        {
            Routes[r].Clear();
            Routes[r].AddRange(other.Routes[r]);
            EarliestStart[r].Clear();
            EarliestStart[r].AddRange(other.EarliestStart[r]);
            LatestStart[r].Clear();
            LatestStart[r].AddRange(other.LatestStart[r]);
        }

        Array.Copy(other.Load, Load, Load.Length);
        Array.Copy(other.UnitsUsed, UnitsUsed, UnitsUsed.Length);
        Array.Copy(other.RouteCost, RouteCost, RouteCost.Length);
        Array.Copy(other.ReturnAt, ReturnAt, ReturnAt.Length);
        Array.Copy(other.RouteOf, RouteOf, RouteOf.Length);
        Array.Copy(other.PositionOf, PositionOf, PositionOf.Length);
        Absent.Clear();
        Absent.AddRange(other.Absent);
    }

    /// <summary>Puts stops on a route in this order (they must be absent); false, changing nothing, when infeasible.</summary>
    public bool TrySetRoute(int route, IReadOnlyList<int> stops)
    {
        var saved = Routes[route].ToList();
        Routes[route].AddRange(stops);
        if (!Refresh(route))
        {
            Routes[route].Clear();
            Routes[route].AddRange(saved);
            Refresh(route);
            return false;
        }

        foreach (int stop in stops)
        {
            RouteOf[stop] = route;
        }

        Absent.RemoveAll(s => RouteOf[s] >= 0);
        return true;
    }

    public void Insert(int route, int position, int stop)
    {
        Routes[route].Insert(position, stop);
        RouteOf[stop] = route;
        Refresh(route);
    }

    /// <summary>Removes the stops in <paramref name="from"/>..<paramref name="from"/>+<paramref name="count"/>-1; the caller refreshes and marks them absent.</summary>
    public void RemoveRange(int route, int from, int count, List<int> removed)
    {
        var visits = Routes[route];
        for (int k = from; k < from + count; k++)
        {
            removed.Add(visits[k]);
            RouteOf[visits[k]] = -1;
        }

        visits.RemoveRange(from, count);
    }

    /// <summary>Recomputes a route's load, cost and start times; false when its times are infeasible.</summary>
    public bool Refresh(int route)
    {
        var inst = _instance;
        var visits = Routes[route];
        var earliest = EarliestStart[route];
        var latest = LatestStart[route];
        earliest.Clear();
        latest.Clear();
        long load = 0;
        int units = 0;
        long cost = 0;
        int point = inst.StartPoint[route];
        long departure = inst.ShiftStart[route];
        bool feasible = true;
        for (int k = 0; k < visits.Count; k++)
        {
            int stop = visits[k];
            PositionOf[stop] = k;
            load += inst.Demand[stop];
            units += inst.Units[stop];
            cost += inst.ArcCost(point, inst.Point[stop]);
            long start = Math.Max(inst.Early[stop], departure + inst.Travel(point, inst.Point[stop]));
            feasible &= start <= inst.Late[stop];
            cost += inst.LateRate[stop] * Math.Max(0, start - inst.ServeBy[stop]);
            earliest.Add(start);
            departure = start + inst.Service[stop];
            point = inst.Point[stop];
        }

        ReturnAt[route] = inst.ShiftStart[route];
        if (visits.Count > 0)
        {
            cost += inst.ArcCost(point, inst.EndPoint[route]) + inst.FixedCost[route];
            ReturnAt[route] = departure + inst.Travel(point, inst.EndPoint[route]);
            feasible &= ReturnAt[route] <= inst.ShiftEnd[route];
        }

        // Backward: the latest start at each visit from which the rest of the route still ends in time.
        for (int k = 0; k <= visits.Count; k++)
        {
            latest.Add(0);
        }

        long next = inst.ShiftEnd[route];
        int nextPoint = inst.EndPoint[route];
        latest[visits.Count] = next;
        for (int k = visits.Count - 1; k >= 0; k--)
        {
            int stop = visits[k];
            next = Math.Min(inst.Late[stop], next - inst.Travel(inst.Point[stop], nextPoint) - inst.Service[stop]);
            latest[k] = next;
            nextPoint = inst.Point[stop];
        }

        Load[route] = load;
        UnitsUsed[route] = units;
        RouteCost[route] = cost;
        return feasible && load <= inst.Capacity[route] && units <= inst.UnitCapacity[route] && visits.Count <= inst.MaxStops[route];
    }
}
