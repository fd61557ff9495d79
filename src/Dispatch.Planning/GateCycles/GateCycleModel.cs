using Google.OrTools.Sat;

namespace Dispatch.Planning.GateCycles;

/// <summary>
/// CP-SAT model of one gate: a fixed number of candidate cycles (the greedy plan's count plus spare),
/// each consignment's pieces spread over cycles, cycles in sequence, release at the end of the last cycle used.
/// </summary>
internal sealed class GateCycleModel
{
    private const int SpareCycles = 2;

    private readonly GateArrivals _gate;
    private readonly long[] _priority;
    private readonly int _cycleCount;
    private readonly int _horizonSeconds;
    private readonly CpModel _model = new();
    private readonly IntVar[] _start;
    private readonly BoolVar[] _active;
    private readonly IntervalVar[] _cycle;
    private readonly IntVar[,] _pieces;
    private readonly BoolVar[,] _uses;

    // _finished[i, c]: consignment i has no pieces left after cycle c.
    private readonly BoolVar[,] _finished;
    private readonly IntVar[] _load;
    private readonly IntVar[] _release;

    public GateCycleModel(GateArrivals gate, int vulnerableHouseholdWeight, IReadOnlyList<DisinfectionCycle> greedy)
    {
        _gate = gate;
        _priority = gate.Consignments.Select(c => c.PriorityWeight(vulnerableHouseholdWeight)).ToArray();
        _cycleCount = greedy.Count + SpareCycles;
        var cycleSeconds = gate.Disinfection.CycleSeconds;
        var latestStart = Math.Max(greedy.Count > 0 ? greedy[^1].StartAtSeconds : 0, gate.Consignments.Max(c => c.ArrivalAtSeconds));
        _horizonSeconds = checked(latestStart + ((SpareCycles + 1) * cycleSeconds));

        var n = gate.Consignments.Count;
        _start = new IntVar[_cycleCount];
        _active = new BoolVar[_cycleCount];
        _cycle = new IntervalVar[_cycleCount];
        _load = new IntVar[_cycleCount];
        _pieces = new IntVar[n, _cycleCount];
        _uses = new BoolVar[n, _cycleCount];
        _finished = new BoolVar[n, _cycleCount];
        _release = new IntVar[n];
        for (var c = 0; c < _cycleCount; c++)
        {
            _start[c] = _model.NewIntVar(gate.OpensAtSeconds, _horizonSeconds, $"start{c}");
            _active[c] = _model.NewBoolVar($"active{c}");
            _cycle[c] = _model.NewOptionalFixedSizeIntervalVar(_start[c], cycleSeconds, _active[c], $"cycle{c}");
            _load[c] = _model.NewIntVar(0, gate.Disinfection.CapacityGramsPerCycle, $"load{c}");
            for (var i = 0; i < n; i++)
            {
                _pieces[i, c] = _model.NewIntVar(0, gate.Consignments[i].Pieces, $"pieces{i}_{c}");
                _uses[i, c] = _model.NewBoolVar($"uses{i}_{c}");
                _finished[i, c] = _model.NewBoolVar($"finished{i}_{c}");
            }
        }

        for (var i = 0; i < n; i++)
        {
            _release[i] = _model.NewIntVar(gate.Consignments[i].ArrivalAtSeconds + cycleSeconds, _horizonSeconds + cycleSeconds, $"release{i}");
        }

        CyclesDoNotOverlap();
        ActiveCyclesComeFirst();
        EveryConsignmentFullyDisinfected();
        LoadWithinZoneCapacity();
        GoodsEnterOnlyAfterArrival();
        FinishedMeansNoPiecesLeft();
        ReleaseAtEndOfLastCycleUsed();
        FinishedGoodsFitTheCyclesSoFar();
        StorageWithinCapacity();
        MinimiseWeightedRelease();
        HintWith(greedy);
    }

    public CpSolverStatus Solve(CpSolver solver, SolveLimits limits, CancellationToken cancellationToken) =>
        CpSatSearch.Solve(_model, solver, limits, cancellationToken);

    /// <summary>Reads the cycles of a solved model, in time order, without empty ones.</summary>
    public List<DisinfectionCycle> Cycles(CpSolver solver)
    {
        var cycles = new List<DisinfectionCycle>();
        for (var c = 0; c < _cycleCount; c++)
        {
            var loads = new List<CycleLoad>();
            for (var i = 0; i < _gate.Consignments.Count; i++)
            {
                var grams = solver.Value(_pieces[i, c]) * _gate.Consignments[i].PieceGrams;
                if (grams > 0)
                {
                    loads.Add(new CycleLoad(_gate.Consignments[i].Id, grams));
                }
            }

            if (loads.Count > 0)
            {
                var start = (int)solver.Value(_start[c]);
                cycles.Add(new DisinfectionCycle(start, start + _gate.Disinfection.CycleSeconds, loads));
            }
        }

        return cycles.OrderBy(c => c.StartAtSeconds).ToList();
    }

    // Goods are disinfected and then rest in place, so the zone is busy for the whole cycle.
    private void CyclesDoNotOverlap()
    {
        _model.AddNoOverlap(_cycle);
        for (var c = 1; c < _cycleCount; c++)
        {
            // Numbering cycles in time order removes symmetric copies of every plan.
            _model.Add(_start[c] >= _start[c - 1] + _gate.Disinfection.CycleSeconds);
        }
    }

    private void ActiveCyclesComeFirst()
    {
        for (var c = 1; c < _cycleCount; c++)
        {
            _model.AddImplication(_active[c], _active[c - 1]);
        }

        var total = _gate.Consignments.Sum(x => x.WeightGrams);
        var atLeast = (total + _gate.Disinfection.CapacityGramsPerCycle - 1) / _gate.Disinfection.CapacityGramsPerCycle;
        _model.Add(LinearExpr.Sum(_active) >= Math.Min(atLeast, _cycleCount));
    }

    private void EveryConsignmentFullyDisinfected()
    {
        for (var i = 0; i < _gate.Consignments.Count; i++)
        {
            var row = Enumerable.Range(0, _cycleCount).Select(c => (LinearExpr)_pieces[i, c]);
            _model.Add(LinearExpr.Sum(row) == _gate.Consignments[i].Pieces);
            for (var c = 0; c < _cycleCount; c++)
            {
                _model.Add(_pieces[i, c] <= _gate.Consignments[i].Pieces * (LinearExpr)_uses[i, c]);
                _model.AddImplication(_uses[i, c], _active[c]);
            }
        }
    }

    private void LoadWithinZoneCapacity()
    {
        for (var c = 0; c < _cycleCount; c++)
        {
            var column = Enumerable.Range(0, _gate.Consignments.Count).Select(i => _pieces[i, c] * _gate.Consignments[i].PieceGrams);
            _model.Add(_load[c] == LinearExpr.Sum(column));
        }
    }

    private void GoodsEnterOnlyAfterArrival()
    {
        for (var i = 0; i < _gate.Consignments.Count; i++)
        {
            for (var c = 0; c < _cycleCount; c++)
            {
                _model.Add(_start[c] >= _gate.Consignments[i].ArrivalAtSeconds).OnlyEnforceIf(_uses[i, c]);
            }
        }
    }

    // Once finished, always finished, and a finished consignment uses no later cycle (so no pieces there).
    private void FinishedMeansNoPiecesLeft()
    {
        for (var i = 0; i < _gate.Consignments.Count; i++)
        {
            _model.Add(_finished[i, _cycleCount - 1] == 1);
            for (var c = 1; c < _cycleCount; c++)
            {
                _model.AddImplication(_finished[i, c - 1], _finished[i, c]);
                _model.AddImplication(_uses[i, c], _finished[i, c - 1].Not());
            }
        }
    }

    // Goods unfinished before a cycle leave no earlier than that cycle's end. The second bound is implied
    // (cycles are sequential from the gate's opening) but linear, which gives the search a useful lower bound.
    private void ReleaseAtEndOfLastCycleUsed()
    {
        var cycleSeconds = _gate.Disinfection.CycleSeconds;
        for (var i = 0; i < _gate.Consignments.Count; i++)
        {
            _model.Add(_release[i] >= _start[0] + cycleSeconds);
            var unfinished = LinearExpr.NewBuilder();
            for (var c = 1; c < _cycleCount; c++)
            {
                _model.Add(_release[i] >= _start[c] + cycleSeconds).OnlyEnforceIf(_finished[i, c - 1].Not());
                unfinished.Add(LinearExpr.Affine(_finished[i, c - 1], -1, 1));
            }

            _model.Add(_release[i] >= _gate.OpensAtSeconds + cycleSeconds + (cycleSeconds * (LinearExpr)unfinished));
        }
    }

    // Implied by the zone capacity, stated for the same reason: what is finished by cycle c fit in c + 1 cycles.
    private void FinishedGoodsFitTheCyclesSoFar()
    {
        var weights = _gate.Consignments.Select(x => x.WeightGrams).ToArray();
        for (var c = 0; c < _cycleCount; c++)
        {
            var finished = Enumerable.Range(0, _gate.Consignments.Count).Select(i => _finished[i, c]);
            _model.Add(LinearExpr.WeightedSum(finished, weights) <= (c + 1) * _gate.Disinfection.CapacityGramsPerCycle);
        }
    }

    // Released goods hold storage space for the dwell time; without a dwell the storage is not bounded here.
    private void StorageWithinCapacity()
    {
        if (_gate.StorageDwellSeconds <= 0)
        {
            return;
        }

        var storage = _model.AddCumulative(_gate.Storage.CapacityGrams);
        for (var c = 0; c < _cycleCount; c++)
        {
            var held = _model.NewOptionalFixedSizeIntervalVar(
                _start[c] + _gate.Disinfection.CycleSeconds, _gate.StorageDwellSeconds, _active[c], $"stored{c}");
            storage.AddDemand(held, _load[c]);
        }
    }

    private void MinimiseWeightedRelease() =>
        _model.Minimize(LinearExpr.WeightedSum(_release, _priority));

    private void HintWith(IReadOnlyList<DisinfectionCycle> greedy)
    {
        var index = _gate.Consignments.Select((x, i) => (x.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var pieces = new long[_gate.Consignments.Count, _cycleCount];
        var release = new long[_gate.Consignments.Count];
        var nextStart = (long)_gate.OpensAtSeconds;
        for (var c = 0; c < _cycleCount; c++)
        {
            var start = c < greedy.Count ? greedy[c].StartAtSeconds : nextStart;
            nextStart = start + _gate.Disinfection.CycleSeconds;
            _model.AddHint(_start[c], start);
            _model.AddHint(_active[c], c < greedy.Count);
            _model.AddHint(_load[c], c < greedy.Count ? greedy[c].LoadGrams : 0);
            if (c >= greedy.Count)
            {
                continue;
            }

            foreach (var load in greedy[c].Loads)
            {
                var i = index[load.ConsignmentId];
                pieces[i, c] += load.WeightGrams / _gate.Consignments[i].PieceGrams;
                release[i] = Math.Max(release[i], greedy[c].EndAtSeconds);
            }
        }

        for (var i = 0; i < _gate.Consignments.Count; i++)
        {
            _model.AddHint(_release[i], release[i]);
            for (var c = 0; c < _cycleCount; c++)
            {
                _model.AddHint(_finished[i, c], c >= greedy.Count || greedy[c].EndAtSeconds >= release[i]);
                _model.AddHint(_pieces[i, c], pieces[i, c]);
                _model.AddHint(_uses[i, c], pieces[i, c] > 0);
            }
        }
    }
}
