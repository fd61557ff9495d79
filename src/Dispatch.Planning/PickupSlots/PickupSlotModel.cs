using Google.OrTools.Sat;

namespace Dispatch.Planning.PickupSlots;

/// <summary>
/// CP-SAT model over classes (building x wait weight), not households: how many of each class go to each
/// slot. A gate's ~1,500 households become a few dozen classes, so the model has classes x slots variables.
/// </summary>
internal sealed class PickupSlotModel
{
    private readonly IReadOnlyList<PickupClass> _classes;
    private readonly int _slotCount;
    private readonly int _crowdCap;
    private readonly int _buildingCap;
    private readonly CpModel _model = new();

    // _count[c][k - EarliestSlot]: households of class c in slot k.
    private readonly IntVar[][] _count;
    private readonly IntVar[] _unassigned;

    public PickupSlotModel(IReadOnlyList<PickupClass> classes, int slotCount, int crowdCap, int buildingCap, int[,] hint)
    {
        _classes = classes;
        _slotCount = slotCount;
        _crowdCap = crowdCap;
        _buildingCap = buildingCap;
        _count = new IntVar[classes.Count][];
        _unassigned = new IntVar[classes.Count];
        for (var c = 0; c < classes.Count; c++)
        {
            _count[c] = new IntVar[slotCount - classes[c].EarliestSlot];
            for (var k = classes[c].EarliestSlot; k < slotCount; k++)
            {
                var upper = Math.Min(classes[c].ReadyBy(k), Math.Min(crowdCap, buildingCap));
                _count[c][k - classes[c].EarliestSlot] = _model.NewIntVar(0, upper, $"n{c}_{k}");
            }

            _unassigned[c] = _model.NewIntVar(0, classes[c].Size, $"u{c}");
        }

        EachHouseholdAtMostOneSlot();
        NoMoreSeatedThanReady();
        SlotWithinCrowdCap();
        BuildingSpreadWithinCap();
        MinimiseUnassignedThenWeightedWait();
        HintWith(hint);
    }

    // Proving the last 0.05% can take seconds on a 1,500-household gate; it is worth a few seconds of wait
    // in total. Presolve took half of a 1,500-household run and found little to remove in this model.
    private const double RelativeGapLimit = 0.0005;

    public CpSolverStatus Solve(CpSolver solver, SolveLimits limits, CancellationToken cancellationToken) =>
        CpSatSearch.Solve(_model, solver, limits, cancellationToken, RelativeGapLimit, presolve: false);

    /// <summary>Households of each class per slot in a solved model: [class, slot].</summary>
    public int[,] Counts(CpSolver solver)
    {
        var counts = new int[_classes.Count, _slotCount];
        for (var c = 0; c < _classes.Count; c++)
        {
            for (var k = _classes[c].EarliestSlot; k < _slotCount; k++)
            {
                counts[c, k] = (int)solver.Value(Count(c, k));
            }
        }

        return counts;
    }

    private IntVar Count(int c, int k) => _count[c][k - _classes[c].EarliestSlot];

    private IEnumerable<IntVar> CountsUpTo(int c, int k) => _count[c].Take(k - _classes[c].EarliestSlot + 1);

    private IEnumerable<int> ClassesOpenAt(int k) => Enumerable.Range(0, _classes.Count).Where(c => _classes[c].EarliestSlot <= k);

    private void EachHouseholdAtMostOneSlot()
    {
        for (var c = 0; c < _classes.Count; c++)
        {
            _model.Add(LinearExpr.Sum(_count[c]) + _unassigned[c] == _classes[c].Size);
        }
    }

    // Checked only where a new household becomes ready: between those slots the ready count is flat
    // and the seated count only grows, so the last slot before each step is the binding one.
    private void NoMoreSeatedThanReady()
    {
        for (var c = 0; c < _classes.Count; c++)
        {
            foreach (var k in _classes[c].BindingSlots(_slotCount))
            {
                _model.Add(LinearExpr.Sum(CountsUpTo(c, k)) <= _classes[c].ReadyBy(k));
            }
        }
    }

    private void SlotWithinCrowdCap()
    {
        for (var k = 0; k < _slotCount; k++)
        {
            var open = ClassesOpenAt(k).ToList();
            if (open.Sum(c => _classes[c].Size) > _crowdCap)
            {
                _model.Add(LinearExpr.Sum(open.Select(c => Count(c, k))) <= _crowdCap);
            }
        }
    }

    private void BuildingSpreadWithinCap()
    {
        for (var k = 0; k < _slotCount; k++)
        {
            foreach (var building in ClassesOpenAt(k).GroupBy(c => _classes[c].Building, StringComparer.Ordinal))
            {
                if (building.Sum(c => _classes[c].Size) > _buildingCap)
                {
                    _model.Add(LinearExpr.Sum(building.Select(c => Count(c, k))) <= _buildingCap);
                }
            }
        }
    }

    // Cost is the seated households' slot indexes: once the number seated per class is fixed, the seated
    // ones are the earliest ready and their ready times are a constant, so the optimum is the weighted-wait
    // optimum. One unassigned household costs more than any chain of moves seating it could add (at most
    // one move per slot, each at most a day of the heaviest weight), so the plan seats as many as it can first.
    private void MinimiseUnassignedThenWeightedWait()
    {
        var heaviest = _classes.Max(c => c.Weight);
        var unassignedCost = ((long)_slotCount * (_slotCount + 1) * heaviest) + 1;
        var cost = LinearExpr.NewBuilder();
        for (var c = 0; c < _classes.Count; c++)
        {
            for (var k = _classes[c].EarliestSlot; k < _slotCount; k++)
            {
                cost.AddTerm(Count(c, k), _classes[c].Weight * k);
            }

            cost.AddTerm(_unassigned[c], _classes[c].Weight * unassignedCost);
        }

        _model.Minimize(cost);
    }

    private void HintWith(int[,] hint)
    {
        for (var c = 0; c < _classes.Count; c++)
        {
            var seated = 0;
            for (var k = _classes[c].EarliestSlot; k < _slotCount; k++)
            {
                _model.AddHint(Count(c, k), hint[c, k]);
                seated += hint[c, k];
            }

            _model.AddHint(_unassigned[c], _classes[c].Size - seated);
        }
    }
}
