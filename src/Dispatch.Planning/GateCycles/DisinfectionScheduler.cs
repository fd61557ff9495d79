using Google.OrTools.Sat;

namespace Dispatch.Planning.GateCycles;

/// <summary>
/// Batches each gate's consignments into disinfection cycles (CP-SAT, one model per gate), minimising
/// priority-weighted release times; falls back to the greedy earliest-arrival plan when the search finds
/// nothing in time or is cancelled (the better of earliest-arrival and priority-per-gram first-fit), and gives that
/// greedy plan alone when the input asks for no search (<see cref="DisinfectionInput.Search"/>).
/// </summary>
public sealed class DisinfectionScheduler
{
    public DisinfectionSchedule Schedule(DisinfectionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        input.Limits.Validate();
        if (input.VulnerableHouseholdWeight < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.VulnerableHouseholdWeight, "vulnerable household weight must be at least 1");
        }

        var gates = input.Gates.Select(g => ScheduleGate(g, input, cancellationToken)).ToList();
        return new DisinfectionSchedule(gates);
    }

    private static GateCyclePlan ScheduleGate(GateArrivals gate, DisinfectionInput input, CancellationToken cancellationToken)
    {
        Validate(gate);
        if (gate.Consignments.Count == 0)
        {
            return new GateCyclePlan(gate.GateId, [], [], PlanSource.Optimal, 0);
        }

        var greedy = GreedyCycles.Best(gate, input.VulnerableHouseholdWeight);
        var cycles = greedy;
        var source = PlanSource.Greedy;
        if (input.Search && !cancellationToken.IsCancellationRequested)
        {
            var model = new GateCycleModel(gate, input.VulnerableHouseholdWeight, greedy);
            using var solver = new CpSolver();
            var status = model.Solve(solver, input.Limits, cancellationToken);
            if (CpSatSearch.HasSolution(status))
            {
                cycles = model.Cycles(solver);
                source = CpSatSearch.SourceOf(status);
            }
        }

        var weighted = GreedyCycles.WeightedRelease(gate, cycles, input.VulnerableHouseholdWeight);
        return new GateCyclePlan(gate.GateId, cycles, Releases(gate, cycles), source, weighted);
    }

    private static List<ConsignmentRelease> Releases(GateArrivals gate, IReadOnlyList<DisinfectionCycle> cycles)
    {
        var byConsignment = CycleReleases.Of(cycles).ToDictionary(r => r.ConsignmentId, StringComparer.Ordinal);
        return gate.Consignments.Select(c => byConsignment[c.Id]).ToList();
    }

    private static void Validate(GateArrivals gate)
    {
        if (gate.Disinfection.CapacityGramsPerCycle <= 0 || gate.Disinfection.CycleSeconds <= 0)
        {
            throw new ArgumentException($"gate {gate.GateId}: disinfection capacity and cycle must be positive", nameof(gate));
        }

        foreach (var c in gate.Consignments)
        {
            if (c.WeightGrams <= 0 || c.ArrivalAtSeconds < 0 || c.PieceGrams <= 0 || c.WeightGrams % c.PieceGrams != 0)
            {
                throw new ArgumentException($"consignment {c.Id}: weight must be a positive whole number of pieces and arrival not negative", nameof(gate));
            }

            // A piece that fits nowhere could never be disinfected or stored.
            if (c.PieceGrams > gate.Disinfection.CapacityGramsPerCycle || (gate.StorageDwellSeconds > 0 && c.PieceGrams > gate.Storage.CapacityGrams))
            {
                throw new ArgumentException($"consignment {c.Id}: a {c.PieceGrams} g piece does not fit the zones of gate {gate.GateId}", nameof(gate));
            }
        }

        if (gate.Consignments.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count() != gate.Consignments.Count)
        {
            throw new ArgumentException($"gate {gate.GateId}: consignment ids repeat", nameof(gate));
        }
    }
}
