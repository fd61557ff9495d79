using Google.OrTools.ConstraintSolver;

namespace Dispatch.Planning.Routing;

/// <summary>
/// The one place that speaks OR-Tools: builds a RoutingModel from a <see cref="RoutingProblem"/>,
/// solves it and reads the routes back.
/// Several trips per vehicle: each vehicle becomes MaxTrips solver vehicles ("trip vehicles") chained in
/// time (trip k+1 leaves after trip k is back plus reload time), with capacities per trip and the
/// day's stop limit carried from trip to trip. Trip k+1 is used only when trip k is.
/// </summary>
internal sealed class OrToolsRoutingModel
{
    private const string TimeDimension = "Time";
    private const string WeightDimension = "Weight";
    private const string CountDimension = "Count";
    private const string StopsPerDayDimension = "StopsPerDay";
    private const string DepartureDimension = "Departure";

    private readonly RoutingProblem _problem;
    private readonly IReadOnlyList<int> _modelStops;
    private readonly int[] _ownerOfTrip;
    private readonly int[] _tripNumber;
    private readonly int[] _firstTrip;
    private readonly long[] _durations;
    private readonly long[] _distances;
    private readonly int _size;
    private readonly long _horizon;

    // Above this many nodes, transits are callbacks instead of native matrices (memory grows with the square).
    private const int MaxMatrixNodes = 2_500;

    // Indexed by solver index (not node): array lookups keep the transit callbacks cheap.
    private readonly int[] _pointOfIndex;
    private readonly int[] _stopOfIndex;
    private readonly int[] _pointOfNode;
    private readonly int[] _stopOfNode;

    // The native model calls back into these delegates: they must live as long as the model.
    private readonly List<Delegate> _callbacks = [];
    private readonly RoutingIndexManager _manager;
    private readonly RoutingModel _model;
    private readonly Solver _solver;
    private readonly long[] _indexOfStop;

    // Ruin and recreate leaves removed stops inactive between solves, so no stop may be strictly required.
    private readonly bool _inactiveStopsAllowed;

    /// <param name="inactiveStopsAllowed">Never-dropped stops may be dropped at the mandatory penalty instead (for ruin and recreate).</param>
    public OrToolsRoutingModel(RoutingProblem problem, IReadOnlyList<int> modelStops, bool inactiveStopsAllowed = false)
    {
        _inactiveStopsAllowed = inactiveStopsAllowed;
        _problem = problem;
        _modelStops = modelStops;
        _size = problem.Travel.Size;
        _durations = [.. problem.Travel.DurationSeconds];
        _distances = [.. problem.Travel.DistanceMetres];

        var owners = new List<int>();
        var numbers = new List<int>();
        _firstTrip = new int[problem.Vehicles.Count];
        for (int v = 0; v < problem.Vehicles.Count; v++)
        {
            _firstTrip[v] = owners.Count;
            for (int k = 0; k < Math.Max(1, problem.Vehicles[v].MaxTrips); k++)
            {
                owners.Add(v);
                numbers.Add(k);
            }
        }

        _ownerOfTrip = [.. owners];
        _tripNumber = [.. numbers];
        _horizon = Horizon(problem);

        // Solver nodes: the depots' points first, then one node per modelled stop.
        var depotPoints = problem.Vehicles.SelectMany(v => new[] { v.StartPoint, v.EndPoint }).Distinct().ToList();
        var depotNodeOfPoint = depotPoints.Select((point, node) => (point, node)).ToDictionary(p => p.point, p => p.node);
        int nodeCount = depotPoints.Count + modelStops.Count;
        int[] starts = _ownerOfTrip.Select(v => depotNodeOfPoint[problem.Vehicles[v].StartPoint]).ToArray();
        int[] ends = _ownerOfTrip.Select(v => depotNodeOfPoint[problem.Vehicles[v].EndPoint]).ToArray();
        _manager = new RoutingIndexManager(nodeCount, _ownerOfTrip.Length, starts, ends);
        _model = new RoutingModel(_manager);
        _solver = _model.solver();

        _pointOfNode = depotPoints.Concat(modelStops.Select(st => problem.Stops[st].Point)).ToArray();
        _stopOfNode = depotPoints.Select(_ => -1).Concat(modelStops).ToArray();
        int indexCount = (int)_model.Size() + _ownerOfTrip.Length;
        _pointOfIndex = new int[indexCount];
        _stopOfIndex = new int[indexCount];
        _indexOfStop = new long[problem.Stops.Count];
        Array.Fill(_indexOfStop, -1);
        for (int index = 0; index < indexCount; index++)
        {
            int node = _manager.IndexToNode(index);
            if (node < depotPoints.Count)
            {
                _pointOfIndex[index] = depotPoints[node];
                _stopOfIndex[index] = -1;
            }
            else
            {
                int stop = modelStops[node - depotPoints.Count];
                _pointOfIndex[index] = problem.Stops[stop].Point;
                _stopOfIndex[index] = stop;
                _indexOfStop[stop] = index;
            }
        }

        AddArcCosts();
        AddVehicleFixedCosts();
        var time = AddTimeDimension();
        AddWeightCapacity();
        AddCountCapacity();
        AddStopsPerDayLimit();
        AddTripChaining(time);
        AddReadyTimes(time);
        AddAllowedVehicles();
        AddDropPenalties();
        AddServeByPreferences(time);
        AddBalanceCosts(time);
        AddScheduleFinalizers(time);
    }

    public int TripVehicleCount => _ownerOfTrip.Length;

    /// <summary>Solves; null when no solution was found.</summary>
    public RoutingSolution? Solve(RoutingOptions options, SearchStrategy strategy, CancellationToken cancellation)
    {
        var parameters = SearchParameters(options, strategy);

        // Cancellation stops the search once it has a solution to return, checked periodically by the solver.
        long solutions = 0;
        VoidToVoid counted = () => solutions++;
        VoidToBoolean cancelled = () => cancellation.IsCancellationRequested && Interlocked.Read(ref solutions) > 0;
        _callbacks.Add(counted);
        _callbacks.Add(cancelled);
        _model.AddAtSolutionCallback(counted);
        _model.AddSearchMonitor(_solver.MakeCustomLimit(cancelled));

        _model.CloseModelWithParameters(parameters);
        var locked = ApplyFixedTrips();
        var assignment = strategy.Improvement == Improvement.RuinAndRecreate
            ? SolveByRuinAndRecreate(options, strategy, parameters, locked, cancellation)
            : _model.SolveWithParameters(parameters);
        GC.KeepAlive(_callbacks);
        return assignment is null ? null : ReadSolution(assignment);
    }

    /// <summary>
    /// First solution and local search to its first optimum, then ruin and recreate until the time limit: each
    /// ruined solution goes back to the solver as a partial assignment, which cheapest insertion completes
    /// and plain local search improves.
    /// </summary>
    private Assignment? SolveByRuinAndRecreate(
        RoutingOptions options, SearchStrategy strategy, RoutingSearchParameters parameters, IReadOnlySet<long> locked, CancellationToken cancellation)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var settings = options.RuinAndRecreate ?? new RuinAndRecreateSettings();

        // Our string-removal search starts from the first solution (the solver's local search takes longer than the
        // whole search on 400 stops); the solver's own ruin and recreate from the plain local search optimum.
        var instance = locked.Count == 0 ? StringRemovals.SearchInstance.From(_problem, _modelStops) : null;
        parameters.LocalSearchMetaheuristic = LocalSearchMetaheuristic.Types.Value.GreedyDescent;
        if (instance is not null && options.SolutionLimit == 0)
        {
            parameters.SolutionLimit = 1;
        }

        var first = _model.SolveWithParameters(parameters);
        if (first is null || options.SolutionLimit > 0)
        {
            return first;
        }

        var recreateParameters = operations_research_constraint_solver.DefaultRoutingSearchParameters();
        recreateParameters.FirstSolutionStrategy = FirstSolutionStrategy.Types.Value.LocalCheapestInsertion;
        recreateParameters.LocalSearchMetaheuristic = LocalSearchMetaheuristic.Types.Value.GreedyDescent;

        RecreatedRoutes<Assignment>? Recreate(long[][] routes, TimeSpan budget)
        {
            // Not ReadAssignmentFromRoutes: its restore (outside a search) failed even on unruined R2 solutions;
            // handing the routes to a search as its starting assignment works.
            var partial = _solver.MakeAssignment();
            if (!_model.RoutesToAssignment(routes, true, true, partial))
            {
                return null;
            }

            recreateParameters.TimeLimit = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(budget);
            var solved = _model.SolveFromAssignmentWithParameters(partial, recreateParameters);
            return solved is null ? null : Keep(solved);
        }

        if (instance is not null)
        {
            return SolveByStringRemovals(instance, Keep(first), settings, seed: (settings.Seed * 31) + (int)strategy.FirstSolution, recreateParameters, clock, options.TimeLimit, cancellation);
        }

        var ruin = new RuinAndRecreate(settings, NearestStops(), locked, settings.Seed);
        var best = ruin.Improve(Keep(first), Recreate, clock, options.TimeLimit, cancellation);
        return best.Solution;
    }

    /// <summary>
    /// Our own string-removal search from the solver's first solution (many cheap iterations instead of a re-solve per
    /// step); its best routes go back to the solver as they are, which reads their schedule as the model's solution.
    /// </summary>
    private Assignment? SolveByStringRemovals(
        StringRemovals.SearchInstance instance, RecreatedRoutes<Assignment> first, RuinAndRecreateSettings settings, int seed,
        RoutingSearchParameters restore, System.Diagnostics.Stopwatch clock, TimeSpan deadline, CancellationToken cancellation)
    {
        var searchStopOfIndex = new Dictionary<long, int>();
        for (int i = 0; i < instance.StopCount; i++)
        {
            searchStopOfIndex[_indexOfStop[instance.ProblemStop[i]]] = i;
        }

        var start = Enumerable.Range(0, instance.RouteCount)
            .Select(r => (IReadOnlyList<int>)first.Routes[_firstTrip[r]].Select(index => searchStopOfIndex[index]).ToArray())
            .ToList();
        var found = new StringRemovals.StringRemovalSearch(instance, settings).Improve(start, seed, clock, deadline, cancellation);
        // Compared with the search's own cost of its start: the solver's objective may count the span differently.
        if (found.Cost >= found.StartCost)
        {
            return first.Solution;
        }

        var routes = new long[TripVehicleCount][];
        for (int trip = 0; trip < TripVehicleCount; trip++)
        {
            routes[trip] = [];
        }

        for (int r = 0; r < instance.RouteCount; r++)
        {
            routes[_firstTrip[r]] = found.Routes[r].Select(i => _indexOfStop[instance.ProblemStop[i]]).ToArray();
        }

        var partial = _solver.MakeAssignment();
        if (!_model.RoutesToAssignment(routes, true, true, partial))
        {
            return first.Solution;
        }

        // The routes as they are (the solver's local search from them takes seconds on 400 stops for hundredths of a
        // percent, and a time-capped one would make the result depend on the machine): one solution, schedule read.
        restore.SolutionLimit = 1;
        restore.TimeLimit = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromSeconds(60));
        var restored = _model.SolveFromAssignmentWithParameters(partial, restore);
        return restored is not null && restored.ObjectiveValue() <= first.Cost ? restored : first.Solution;
    }

    /// <summary>A copy of a solution with its routes: the model reuses the assignment it returns on the next solve.</summary>
    private RecreatedRoutes<Assignment> Keep(Assignment solution)
    {
        var copy = _solver.MakeAssignment(solution);
        var routes = new long[TripVehicleCount][];
        for (int trip = 0; trip < TripVehicleCount; trip++)
        {
            var route = new List<long>();
            for (long index = solution.Value(_model.NextVar(_model.Start(trip))); !_model.IsEnd(index); index = solution.Value(_model.NextVar(index)))
            {
                route.Add(index);
            }

            routes[trip] = [.. route];
        }

        return new RecreatedRoutes<Assignment>(routes, solution.ObjectiveValue(), copy);
    }

    /// <summary>For each stop index, the other stops by increasing travel time (either direction).</summary>
    private Dictionary<long, long[]> NearestStops()
    {
        var indices = _modelStops.Select(s => _indexOfStop[s]).ToArray();
        return indices.ToDictionary(
            from => from,
            from => indices
                .Where(to => to != from)
                .OrderBy(to => Math.Min(Duration(from, to), Duration(to, from)))
                .ToArray());
    }

    private static long Horizon(RoutingProblem problem)
    {
        long latest = problem.Vehicles.Select(v => (long)v.ShiftEndSeconds).DefaultIfEmpty(0).Max();
        return Math.Max(1, latest);
    }

    private long Duration(long fromIndex, long toIndex) =>
        _durations[(_pointOfIndex[fromIndex] * _size) + _pointOfIndex[toIndex]];

    /// <summary>A transit between nodes: a native matrix when small enough (no managed call per arc), else a callback.</summary>
    private int RegisterTransit(Func<int, int, long> betweenNodes)
    {
        int nodes = _pointOfNode.Length;
        if (nodes <= MaxMatrixNodes)
        {
            var matrix = new long[nodes][];
            for (int from = 0; from < nodes; from++)
            {
                matrix[from] = new long[nodes];
                for (int to = 0; to < nodes; to++)
                {
                    matrix[from][to] = betweenNodes(from, to);
                }
            }

            return _model.RegisterTransitMatrix(matrix);
        }

        var nodeOfIndex = Enumerable.Range(0, _pointOfIndex.Length).Select(i => _manager.IndexToNode(i)).ToArray();
        LongLongToLong callback = (from, to) => betweenNodes(nodeOfIndex[from], nodeOfIndex[to]);
        _callbacks.Add(callback);
        return _model.RegisterTransitCallback(callback);
    }

    /// <summary>A value per node, counted when the node is left.</summary>
    private int RegisterPerStop(Func<RoutingStop, long> valueAtStop)
    {
        var values = _stopOfNode.Select(stop => stop < 0 ? 0 : valueAtStop(_problem.Stops[stop])).ToArray();
        return _model.RegisterUnaryTransitVector(values);
    }

    private long NodeDuration(int from, int to) => _durations[(_pointOfNode[from] * _size) + _pointOfNode[to]];

    private long NodeService(int node) => _stopOfNode[node] < 0 ? 0 : _problem.Stops[_stopOfNode[node]].ServiceSeconds;

    private void AddArcCosts()
    {
        int arcCost = _problem.Costs.ArcCost == ArcCostKind.Distance
            ? RegisterTransit((from, to) => _distances[(_pointOfNode[from] * _size) + _pointOfNode[to]])
            : RegisterTransit(NodeDuration);
        _model.SetArcCostEvaluatorOfAllVehicles(arcCost);
    }

    private void AddVehicleFixedCosts()
    {
        // Only the first trip pays: later trips are used only when the first one is (AddTripChaining).
        for (int v = 0; v < _problem.Vehicles.Count; v++)
        {
            if (_problem.Vehicles[v].FixedCost > 0)
            {
                _model.SetFixedCostOfVehicle(_problem.Vehicles[v].FixedCost, _firstTrip[v]);
            }
        }
    }

    /// <summary>Time: travel plus service at the stop left; waiting allowed; shifts and windows as ranges.</summary>
    private RoutingDimension AddTimeDimension()
    {
        int transit = RegisterTransit((from, to) => NodeService(from) + NodeDuration(from, to));
        _model.AddDimension(transit, _horizon, _horizon, false, TimeDimension);
        var time = _model.GetMutableDimension(TimeDimension);
        for (int trip = 0; trip < TripVehicleCount; trip++)
        {
            var vehicle = _problem.Vehicles[_ownerOfTrip[trip]];
            int lastDeparture = Math.Min(vehicle.ShiftEndSeconds, vehicle.LastDepartureSeconds ?? int.MaxValue);
            time.CumulVar(_model.Start(trip)).SetRange(vehicle.ShiftStartSeconds, Math.Max(vehicle.ShiftStartSeconds, lastDeparture));
            time.CumulVar(_model.End(trip)).SetRange(vehicle.ShiftStartSeconds, vehicle.ShiftEndSeconds);
        }

        foreach (int stop in _modelStops)
        {
            var window = _problem.Stops[stop].Window;
            time.CumulVar(_indexOfStop[stop]).SetRange(
                Math.Max(0, window.EarliestSeconds),
                Math.Min(_horizon, window.LatestSeconds));
        }

        return time;
    }

    private void AddWeightCapacity()
    {
        int demand = RegisterPerStop(stop => stop.DemandGrams);
        long[] capacities = _ownerOfTrip.Select(v => _problem.Vehicles[v].CapacityGrams).ToArray();
        _model.AddDimensionWithVehicleCapacity(demand, 0, capacities, true, WeightDimension);
    }

    private void AddCountCapacity()
    {
        long total = _modelStops.Sum(stop => (long)_problem.Stops[stop].Count);
        if (_problem.Vehicles.All(v => v.CapacityCount >= total))
        {
            return;
        }

        int count = RegisterPerStop(stop => stop.Count);
        long[] capacities = _ownerOfTrip.Select(v => (long)_problem.Vehicles[v].CapacityCount).ToArray();
        _model.AddDimensionWithVehicleCapacity(count, 0, capacities, true, CountDimension);
    }

    /// <summary>The day's stop limit: a stop counter that carries over from each trip to the next.</summary>
    private void AddStopsPerDayLimit()
    {
        if (_problem.Vehicles.All(v => v.MaxStops >= _modelStops.Count))
        {
            return;
        }

        int one = RegisterPerStop(_ => 1);
        long[] limits = _ownerOfTrip.Select(v => (long)Math.Min(_problem.Vehicles[v].MaxStops, _modelStops.Count + 1)).ToArray();
        _model.AddDimensionWithVehicleCapacity(one, 0, limits, false, StopsPerDayDimension);
        var stops = _model.GetMutableDimension(StopsPerDayDimension);
        for (int trip = 0; trip < TripVehicleCount; trip++)
        {
            if (_tripNumber[trip] == 0)
            {
                stops.CumulVar(_model.Start(trip)).SetValue(0);
            }
            else
            {
                _solver.Add(stops.CumulVar(_model.Start(trip)) == stops.CumulVar(_model.End(trip - 1)));
            }
        }
    }

    /// <summary>Trip k+1 leaves after trip k is back and reloaded, and only if trip k was used.</summary>
    private void AddTripChaining(RoutingDimension time)
    {
        for (int trip = 1; trip < TripVehicleCount; trip++)
        {
            if (_tripNumber[trip] == 0)
            {
                continue;
            }

            int reload = _problem.Vehicles[_ownerOfTrip[trip]].ReloadSeconds;
            IntExpr previousBack = time.CumulVar(_model.End(trip - 1)) + (_model.ActiveVehicleVar(trip - 1) * reload);
            _solver.Add(time.CumulVar(_model.Start(trip)) >= previousBack);
            _solver.Add(_model.ActiveVehicleVar(trip) <= _model.ActiveVehicleVar(trip - 1));
        }
    }

    /// <summary>
    /// A trip leaves no earlier than the latest ready time of its stops. A "departure" dimension with no transit
    /// and no slack holds one value along each route; each stop's ready time bounds it from below, and the
    /// trip's start time from above. The routing filters reason about it natively, which is much faster
    /// than a constraint per stop on its vehicle.
    /// </summary>
    private void AddReadyTimes(RoutingDimension time)
    {
        var readyStops = _modelStops.Where(s => _problem.Stops[s].ReadyAtSeconds > 0).ToList();
        if (readyStops.Count == 0)
        {
            return;
        }

        int none = RegisterPerStop(_ => 0);
        _model.AddDimension(none, 0, _horizon, false, DepartureDimension);
        var departure = _model.GetMutableDimension(DepartureDimension);
        foreach (int stop in readyStops)
        {
            long index = _indexOfStop[stop];
            departure.CumulVar(index).SetMin(Math.Min(_horizon, _problem.Stops[stop].ReadyAtSeconds));

            // Also a direct bound on service: ready time plus the fastest way there.
            long fastest = _problem.Vehicles.Min(v => _durations[(v.StartPoint * _size) + _problem.Stops[stop].Point]);
            time.CumulVar(index).SetMin(Math.Min(time.CumulVar(index).Max(), _problem.Stops[stop].ReadyAtSeconds + fastest));
        }

        for (int trip = 0; trip < TripVehicleCount; trip++)
        {
            _solver.Add(time.CumulVar(_model.Start(trip)) >= departure.CumulVar(_model.Start(trip)));
        }
    }

    private void AddAllowedVehicles()
    {
        foreach (int stop in _modelStops)
        {
            var allowed = _problem.Stops[stop].AllowedVehicles;
            if (allowed is null)
            {
                continue;
            }

            var trips = StopFeasibility.AllowedVehicles(_problem, _problem.Stops[stop])
                .SelectMany(v => Enumerable.Range(_firstTrip[v], Math.Max(1, _problem.Vehicles[v].MaxTrips)))
                .Select(t => (long)t)
                .Append(-1)
                .ToArray();
            if (DropPenalty(stop) == RoutingStop.NeverDropped)
            {
                trips = trips[..^1];
            }

            _model.VehicleVar(_indexOfStop[stop]).SetValues(trips);
        }
    }

    private long DropPenalty(int stop) =>
        _inactiveStopsAllowed && _problem.Stops[stop].DropPenalty == RoutingStop.NeverDropped
            ? RoutingStop.MandatoryPenalty
            : _problem.Stops[stop].DropPenalty;

    private void AddDropPenalties()
    {
        foreach (int stop in _modelStops)
        {
            long penalty = DropPenalty(stop);
            if (penalty != RoutingStop.NeverDropped)
            {
                _model.AddDisjunction([_indexOfStop[stop]], Math.Max(0, penalty));
            }
        }
    }

    private void AddServeByPreferences(RoutingDimension time)
    {
        foreach (int stop in _modelStops)
        {
            var s = _problem.Stops[stop];
            if (s.ServeBySeconds is int serveBy && s.LateCostPerSecond > 0)
            {
                time.SetCumulVarSoftUpperBound(_indexOfStop[stop], serveBy, s.LateCostPerSecond);
            }
        }
    }

    private void AddBalanceCosts(RoutingDimension time)
    {
        if (_problem.Costs.BalanceCostPerSecond > 0)
        {
            time.SetGlobalSpanCostCoefficient(_problem.Costs.BalanceCostPerSecond);
        }

        if (_problem.Costs.DurationCostPerSecond > 0)
        {
            time.SetSpanCostCoefficientForAllVehicles(_problem.Costs.DurationCostPerSecond);
        }
    }

    /// <summary>Earliest returns first, then departures as late as that allows: no needless waiting at stops.</summary>
    private void AddScheduleFinalizers(RoutingDimension time)
    {
        for (int trip = 0; trip < TripVehicleCount; trip++)
        {
            _model.AddVariableMinimizedByFinalizer(time.CumulVar(_model.End(trip)));
        }

        for (int trip = 0; trip < TripVehicleCount; trip++)
        {
            _model.AddVariableMaximizedByFinalizer(time.CumulVar(_model.Start(trip)));
        }
    }

    /// <summary>Committed stops open their trips in the given order; later stops may follow them.</summary>
    private HashSet<long> ApplyFixedTrips()
    {
        var locks = new long[TripVehicleCount][];
        bool any = false;
        for (int trip = 0; trip < TripVehicleCount; trip++)
        {
            var fixedTrips = _problem.Vehicles[_ownerOfTrip[trip]].FixedTrips;
            var ids = fixedTrips is not null && _tripNumber[trip] < fixedTrips.Count ? fixedTrips[_tripNumber[trip]] : [];
            var chain = ids.Select(id => _indexOfStop[StopIndexOf(id)]).Where(i => i >= 0).ToArray();
            locks[trip] = chain;
            long previous = _model.Start(trip);
            foreach (long index in chain)
            {
                _solver.Add(_model.NextVar(previous) == index);
                previous = index;
                any = true;
            }
        }

        if (any)
        {
            _model.ApplyLocksToAllVehicles(locks, false);
        }

        return locks.SelectMany(chain => chain).ToHashSet();
    }

    private int StopIndexOf(string id)
    {
        for (int s = 0; s < _problem.Stops.Count; s++)
        {
            if (_problem.Stops[s].Id == id)
            {
                return s;
            }
        }

        throw new ArgumentException($"fixed stop '{id}' is not among the stops");
    }

    private static RoutingSearchParameters SearchParameters(RoutingOptions options, SearchStrategy strategy)
    {
        var parameters = operations_research_constraint_solver.DefaultRoutingSearchParameters();
        parameters.FirstSolutionStrategy = strategy.FirstSolution switch
        {
            FirstSolution.LocalCheapestInsertion => FirstSolutionStrategy.Types.Value.LocalCheapestInsertion,
            FirstSolution.PathCheapestArc => FirstSolutionStrategy.Types.Value.PathCheapestArc,
            FirstSolution.Savings => FirstSolutionStrategy.Types.Value.Savings,
            FirstSolution.Christofides => FirstSolutionStrategy.Types.Value.Christofides,
            FirstSolution.GlobalCheapestArc => FirstSolutionStrategy.Types.Value.GlobalCheapestArc,
            _ => FirstSolutionStrategy.Types.Value.ParallelCheapestInsertion,
        };
        parameters.LocalSearchMetaheuristic = strategy.Improvement switch
        {
            Improvement.LocalSearch => LocalSearchMetaheuristic.Types.Value.GreedyDescent,
            Improvement.SimulatedAnnealing => LocalSearchMetaheuristic.Types.Value.SimulatedAnnealing,
            Improvement.TabuSearch => LocalSearchMetaheuristic.Types.Value.TabuSearch,
            _ => LocalSearchMetaheuristic.Types.Value.GuidedLocalSearch,
        };
        parameters.GuidedLocalSearchLambdaCoefficient = strategy.GuidedLocalSearchLambda;
        parameters.TimeLimit = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(options.TimeLimit);
        if (options.SolutionLimit > 0)
        {
            parameters.SolutionLimit = options.SolutionLimit;
        }

        if (options.LnsTimeLimit is { } lns)
        {
            parameters.LnsTimeLimit = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(lns);
        }

        return parameters;
    }

    private RoutingSolution ReadSolution(Assignment assignment)
    {
        var time = _model.GetMutableDimension(TimeDimension);
        var served = new bool[_problem.Stops.Count];
        var routes = new List<VehicleRoute>();
        for (int v = 0; v < _problem.Vehicles.Count; v++)
        {
            var trips = new List<Trip>();
            for (int k = 0; k < Math.Max(1, _problem.Vehicles[v].MaxTrips); k++)
            {
                int trip = _firstTrip[v] + k;
                long index = _model.Start(trip);
                if (_model.IsEnd(assignment.Value(_model.NextVar(index))))
                {
                    continue;
                }

                int depart = (int)assignment.Min(time.CumulVar(index));
                long previousDeparture = depart;
                long distance = 0;
                long delivered = 0;
                var visits = new List<Visit>();
                while (!_model.IsEnd(index))
                {
                    long next = assignment.Value(_model.NextVar(index));
                    distance += _distances[(_pointOfIndex[index] * _size) + _pointOfIndex[next]];
                    long arrival = previousDeparture + Duration(index, next);
                    if (!_model.IsEnd(next))
                    {
                        int stop = _stopOfIndex[next];
                        served[stop] = true;
                        long start = assignment.Min(time.CumulVar(next));
                        delivered += _problem.Stops[stop].DemandGrams;
                        visits.Add(new Visit(_problem.Stops[stop].Id, stop, (int)arrival, (int)start, delivered));
                        previousDeparture = start + _problem.Stops[stop].ServiceSeconds;
                    }

                    index = next;
                }

                int back = (int)assignment.Min(time.CumulVar(index));
                trips.Add(new Trip(k, depart, back, delivered, distance, visits));
            }

            if (trips.Count > 0)
            {
                routes.Add(new VehicleRoute(_problem.Vehicles[v].Id, v, trips));
            }
        }

        var unassigned = _modelStops
            .Where(s => !served[s])
            .Select(s => new UnassignedStop(
                _problem.Stops[s].Id,
                s,
                UnassignedReason.NoCapacityOrTimeLeft,
                "servable alone, but the vehicles' capacity, stop limits or time went to other stops"))
            .ToList();
        return new RoutingSolution(true, assignment.ObjectiveValue(), routes, unassigned);
    }
}
