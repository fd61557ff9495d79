namespace Dispatch.Planning.Routing.StringRemovals;

/// <summary>
/// A <see cref="RoutingProblem"/> flattened for fast insertion checks: stops and single-trip routes as arrays, costs and
/// times between points as one matrix each. Built only for the problems the string-removal search models exactly
/// (<see cref="From"/> says which); everything else keeps the OR-Tools search alone.
/// </summary>
internal sealed class SearchInstance
{
    /// <summary>Cost of a stop left out that must be served: above any route cost, so fewer absent stops always win.</summary>
    public const long MandatoryAbsentCost = RoutingStop.MandatoryPenalty;

    private const int MaxNeighbours = 100;

    // Insertions are tried next to a stop's nearest stops only (granular neighbourhood): beyond them a place is rarely
    // the cheapest, and skipping it keeps an iteration's cost flat as routes grow.
    private const int InsertionNeighbourCount = 40;

    private SearchInstance(RoutingProblem problem, IReadOnlyList<int> modelStops)
    {
        Problem = problem;
        ProblemStop = [.. modelStops];
        StopCount = modelStops.Count;
        RouteCount = problem.Vehicles.Count;
        PointCount = problem.Travel.Size;
        Time = [.. problem.Travel.DurationSeconds];
        Cost = problem.Costs.ArcCost == ArcCostKind.Distance ? [.. problem.Travel.DistanceMetres] : Time;

        Point = new int[StopCount];
        Demand = new long[StopCount];
        Units = new int[StopCount];
        Service = new long[StopCount];
        Early = new long[StopCount];
        Late = new long[StopCount];
        ServeBy = new long[StopCount];
        LateRate = new long[StopCount];
        AbsentCost = new long[StopCount];
        long horizon = Math.Max(1, problem.Vehicles.Max(v => (long)v.ShiftEndSeconds));
        for (int i = 0; i < StopCount; i++)
        {
            var stop = problem.Stops[modelStops[i]];
            Point[i] = stop.Point;
            Demand[i] = stop.DemandGrams;
            Units[i] = stop.Count;
            Service[i] = stop.ServiceSeconds;
            Early[i] = Math.Max(0, stop.Window.EarliestSeconds);
            Late[i] = Math.Min(horizon, stop.Window.LatestSeconds);
            AbsentCost[i] = stop.DropPenalty >= RoutingStop.MandatoryPenalty ? MandatoryAbsentCost : stop.DropPenalty;
            if (stop.ServeBySeconds is int serveBy && stop.LateCostPerSecond > 0)
            {
                ServeBy[i] = serveBy;
                LateRate[i] = stop.LateCostPerSecond;
                HasLateCosts = true;
            }
            else
            {
                ServeBy[i] = long.MaxValue / 4;
            }
        }

        StartPoint = problem.Vehicles.Select(v => v.StartPoint).ToArray();
        EndPoint = problem.Vehicles.Select(v => v.EndPoint).ToArray();
        Capacity = problem.Vehicles.Select(v => v.CapacityGrams).ToArray();
        UnitCapacity = problem.Vehicles.Select(v => v.CapacityCount).ToArray();
        // A vehicle whose shift starts after its last departure never leaves: it serves no stop.
        MaxStops = problem.Vehicles.Select(v => v.ShiftStartSeconds > (v.LastDepartureSeconds ?? int.MaxValue) ? 0 : v.MaxStops).ToArray();
        ShiftStart = problem.Vehicles.Select(v => (long)v.ShiftStartSeconds).ToArray();
        ShiftEnd = problem.Vehicles.Select(v => (long)v.ShiftEndSeconds).ToArray();
        FixedCost = problem.Vehicles.Select(v => v.FixedCost).ToArray();
        BalanceRate = problem.Costs.BalanceCostPerSecond;

        // Routes alike in everything the search looks at: an empty one of a kind is tried once per insertion.
        var kinds = new Dictionary<(int, int, long, int, int, long, long, long), int>();
        RouteKind = new int[RouteCount];
        for (int r = 0; r < RouteCount; r++)
        {
            var key = (StartPoint[r], EndPoint[r], Capacity[r], UnitCapacity[r], MaxStops[r], ShiftStart[r], ShiftEnd[r], FixedCost[r]);
            if (!kinds.TryGetValue(key, out int kind))
            {
                kinds[key] = kind = kinds.Count;
            }

            RouteKind[r] = kind;
        }

        KindCount = kinds.Count;
        if (modelStops.Any(s => problem.Stops[s].AllowedVehicles is not null))
        {
            Allowed = new bool[RouteCount * StopCount];
            for (int i = 0; i < StopCount; i++)
            {
                var allowed = problem.Stops[modelStops[i]].AllowedVehicles;
                for (int r = 0; r < RouteCount; r++)
                {
                    Allowed[(r * StopCount) + i] = allowed is null || allowed.Contains(r);
                }
            }
        }

        Neighbours = new int[StopCount][];
        var order = Enumerable.Range(0, StopCount).ToArray();
        var keys = new long[StopCount];
        for (int i = 0; i < StopCount; i++)
        {
            for (int j = 0; j < StopCount; j++)
            {
                keys[j] = j == i ? long.MaxValue : Math.Min(ArcCost(Point[i], Point[j]), ArcCost(Point[j], Point[i]));
                order[j] = j;
            }

            Array.Sort(keys, order);
            Neighbours[i] = order.Take(Math.Min(MaxNeighbours, StopCount - 1)).ToArray();
        }

        if (StopCount > 2 * InsertionNeighbourCount)
        {
            var near = new HashSet<int>[StopCount];
            for (int i = 0; i < StopCount; i++)
            {
                near[i] = [];
            }

            for (int i = 0; i < StopCount; i++)
            {
                foreach (int j in Neighbours[i].Take(InsertionNeighbourCount))
                {
                    near[i].Add(j);
                    near[j].Add(i);
                }
            }

            InsertionNeighbours = near.Select(set => set.Order().ToArray()).ToArray();
        }

        int firstStart = StartPoint.Length > 0 ? StartPoint[0] : 0;
        DepotDistance = Point.Select(p => ArcCost(firstStart, p)).ToArray();
    }

    public RoutingProblem Problem { get; }

    /// <summary>Index into <see cref="RoutingProblem.Stops"/> of each search stop.</summary>
    public int[] ProblemStop { get; }

    public int StopCount { get; }

    public int RouteCount { get; }

    public int PointCount { get; }

    public long[] Cost { get; }

    public long[] Time { get; }

    public int[] Point { get; }

    public long[] Demand { get; }

    public int[] Units { get; }

    public long[] Service { get; }

    public long[] Early { get; }

    public long[] Late { get; }

    /// <summary>Soft deadline of service start per stop (far in the future when it has none).</summary>
    public long[] ServeBy { get; }

    /// <summary>Cost per second that service starts after <see cref="ServeBy"/>; 0 when none.</summary>
    public long[] LateRate { get; }

    /// <summary>Some stop costs for starting late: insertions then evaluate how they push the stops after them.</summary>
    public bool HasLateCosts { get; }

    /// <summary>Cost per second of the span from the earliest departure to the latest return over all routes.</summary>
    public long BalanceRate { get; }

    public long[] AbsentCost { get; }

    public int[] StartPoint { get; }

    public int[] EndPoint { get; }

    public long[] Capacity { get; }

    public int[] UnitCapacity { get; }

    public int[] MaxStops { get; }

    public long[] ShiftStart { get; }

    public long[] ShiftEnd { get; }

    public long[] FixedCost { get; }

    public int[] RouteKind { get; }

    public int KindCount { get; }

    /// <summary>Route-major: may route r serve stop i; null when every stop may go on every route.</summary>
    public bool[]? Allowed { get; }

    /// <summary>Other stops of each stop, nearest first (at most 100).</summary>
    public int[][] Neighbours { get; }

    /// <summary>
    /// Per stop, the stops next to which it is tried on used routes: its 40 nearest and those it is among the 40
    /// nearest of. Null for small problems, where every place is tried.
    /// </summary>
    public int[][]? InsertionNeighbours { get; }

    /// <summary>Arc cost from the first route's start: orders reinsertions "far first" or "close first".</summary>
    public long[] DepotDistance { get; }

    public long ArcCost(int fromPoint, int toPoint) => Cost[(fromPoint * PointCount) + toPoint];

    public long Travel(int fromPoint, int toPoint) => Time[(fromPoint * PointCount) + toPoint];

    public bool MayServe(int route, int stop) => Allowed is null || Allowed[(route * StopCount) + stop];

    /// <summary>
    /// The search for a problem it models: one trip per vehicle, no committed trips, goods ready when shifts start;
    /// last departures (a route leaves at its shift start, so one starting after it stays empty); costs of arcs, fixed
    /// vehicle costs, drops, lateness past a stop's serve-by time, and the balance cost over the earliest schedule
    /// (the solver may shift a departure later where that shortens the span: the search's span is then an upper bound).
    /// No cost on trip durations. Null otherwise.
    /// </summary>
    public static SearchInstance? From(RoutingProblem problem, IReadOnlyList<int> modelStops)
    {
        if (modelStops.Count == 0 || problem.Vehicles.Count == 0)
        {
            return null;
        }

        long earliestShift = problem.Vehicles.Min(v => (long)v.ShiftStartSeconds);
        bool vehiclesFit = problem.Vehicles.All(v => v.MaxTrips <= 1 && (v.FixedTrips is null || v.FixedTrips.Count == 0));
        bool stopsFit = modelStops.All(s => problem.Stops[s].ReadyAtSeconds <= earliestShift);
        bool costsFit = problem.Costs.DurationCostPerSecond == 0;
        return vehiclesFit && stopsFit && costsFit ? new SearchInstance(problem, modelStops) : null;
    }
}
