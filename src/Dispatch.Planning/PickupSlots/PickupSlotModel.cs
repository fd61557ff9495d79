using Google.OrTools.Sat;

namespace Dispatch.Planning.PickupSlots;

/// <summary>
/// CP-SAT model over groups, not households: how many of each group go to each slot from its first
/// possible one. A gate's ~1,500 households shrink to a few hundred groups, so the model stays small.
/// </summary>
internal sealed class PickupSlotModel
{
    private readonly IReadOnlyList<PickupGroup> _groups;
    private readonly int _slotCount;
    private readonly int _crowdCap;
    private readonly int _buildingCap;
    private readonly CpModel _model = new();

    // _count[g][k - FirstSlot]: households of group g in slot k.
    private readonly IntVar[][] _count;
    private readonly IntVar[] _unassigned;

    public PickupSlotModel(IReadOnlyList<PickupGroup> groups, int slotCount, int crowdCap, int buildingCap, int[,] hint)
    {
        _groups = groups;
        _slotCount = slotCount;
        _crowdCap = crowdCap;
        _buildingCap = buildingCap;
        _count = new IntVar[groups.Count][];
        _unassigned = new IntVar[groups.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            var upper = Math.Min(groups[g].Size, Math.Min(crowdCap, buildingCap));
            _count[g] = new IntVar[slotCount - groups[g].FirstSlot];
            for (var k = groups[g].FirstSlot; k < slotCount; k++)
            {
                _count[g][k - groups[g].FirstSlot] = _model.NewIntVar(0, upper, $"n{g}_{k}");
            }

            _unassigned[g] = _model.NewIntVar(0, groups[g].Size, $"u{g}");
        }

        EachHouseholdAtMostOneSlot();
        SlotWithinCrowdCap();
        BuildingSpreadWithinCap();
        MinimiseUnassignedThenWeightedWait();
        HintWith(hint);
    }

    public CpSolverStatus Solve(CpSolver solver, SolveLimits limits, CancellationToken cancellationToken) =>
        CpSatSearch.Solve(_model, solver, limits, cancellationToken);

    /// <summary>Households of each group per slot in a solved model: [group, slot].</summary>
    public int[,] Counts(CpSolver solver)
    {
        var counts = new int[_groups.Count, _slotCount];
        for (var g = 0; g < _groups.Count; g++)
        {
            for (var k = _groups[g].FirstSlot; k < _slotCount; k++)
            {
                counts[g, k] = (int)solver.Value(Count(g, k));
            }
        }

        return counts;
    }

    private IntVar Count(int g, int k) => _count[g][k - _groups[g].FirstSlot];

    private IEnumerable<int> GroupsOpenAt(int k) => Enumerable.Range(0, _groups.Count).Where(g => _groups[g].FirstSlot <= k);

    private void EachHouseholdAtMostOneSlot()
    {
        for (var g = 0; g < _groups.Count; g++)
        {
            _model.Add(LinearExpr.Sum(_count[g]) + _unassigned[g] == _groups[g].Size);
        }
    }

    private void SlotWithinCrowdCap()
    {
        for (var k = 0; k < _slotCount; k++)
        {
            var open = GroupsOpenAt(k).ToList();
            if (open.Sum(g => _groups[g].Size) > _crowdCap)
            {
                _model.Add(LinearExpr.Sum(open.Select(g => Count(g, k))) <= _crowdCap);
            }
        }
    }

    private void BuildingSpreadWithinCap()
    {
        for (var k = 0; k < _slotCount; k++)
        {
            foreach (var building in GroupsOpenAt(k).GroupBy(g => _groups[g].Building, StringComparer.Ordinal))
            {
                if (building.Sum(g => _groups[g].Size) > _buildingCap)
                {
                    _model.Add(LinearExpr.Sum(building.Select(g => Count(g, k))) <= _buildingCap);
                }
            }
        }
    }

    // Wait is counted in whole slots from the group's first possible slot: the household's wait in
    // seconds differs from it by a constant, so the optimum is the same and coefficients stay small.
    // One unassigned household costs more than any chain of moves seating it could add (at most one
    // move per slot, each at most a day of the heaviest wait), so the plan seats as many as it can first.
    private void MinimiseUnassignedThenWeightedWait()
    {
        var heaviest = _groups.Max(g => g.Weight);
        var unassignedCost = ((long)_slotCount * _slotCount * heaviest) + 1;
        var cost = LinearExpr.NewBuilder();
        for (var g = 0; g < _groups.Count; g++)
        {
            for (var k = _groups[g].FirstSlot; k < _slotCount; k++)
            {
                cost.AddTerm(Count(g, k), _groups[g].Weight * (k - _groups[g].FirstSlot));
            }

            cost.AddTerm(_unassigned[g], _groups[g].Weight * unassignedCost);
        }

        _model.Minimize(cost);
    }

    private void HintWith(int[,] hint)
    {
        for (var g = 0; g < _groups.Count; g++)
        {
            var seated = 0;
            for (var k = _groups[g].FirstSlot; k < _slotCount; k++)
            {
                _model.AddHint(Count(g, k), hint[g, k]);
                seated += hint[g, k];
            }

            _model.AddHint(_unassigned[g], _groups[g].Size - seated);
        }
    }
}
