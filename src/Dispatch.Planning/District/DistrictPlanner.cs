using System.Collections.Concurrent;
using System.Diagnostics;
using Dispatch.Domain.Scenarios;
using Dispatch.Planning.Allocation;
using Dispatch.Planning.GateCycles;
using Dispatch.Planning.Travel;
using Dispatch.Planning.Trucks;

namespace Dispatch.Planning.District;

/// <summary>
/// Plans a district's day: stock allocation, truck routes, then per gate (in parallel) disinfection cycles,
/// door routes and pickup slots; accounts for every order; measures the bottleneck by re-planning with each
/// resource relaxed.
/// </summary>
public sealed class DistrictPlanner
{
    // Gate re-plans after taking unservable goods off the trucks; the last one leaves every stranded order behind.
    private const int MaxGatePasses = 3;

    public Plan Plan(PlanningInput input, IProgress<PlanProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var toGates = PlanTrucks(input, progress, cancellationToken);
        var plan = PlanGates(input, toGates, progress, cancellationToken);
        if (!input.Settings.ProbeBottleneck || cancellationToken.IsCancellationRequested)
        {
            return plan;
        }

        if (plan.Kpis.HouseholdsServedByDeadline == plan.Kpis.HouseholdsOrdering)
        {
            // Nobody is left to serve: no resource can gain anything, and the probes would only cost time.
            return plan with { Bottleneck = new BottleneckReport(null, plan.Kpis.HouseholdsServedByDeadline, []) };
        }

        var stopwatch = Stopwatch.StartNew();
        progress?.Report(new PlanProgress("bottleneck", 0, 1));
        var report = new BottleneckProbe(this).Measure(input, plan, toGates, cancellationToken);
        progress?.Report(new PlanProgress("bottleneck", 1, 1));
        return plan with { Bottleneck = report, Timings = [.. plan.Timings, new StageTiming("bottleneck", stopwatch.ElapsedMilliseconds)] };
    }

    internal Plan PlanWithoutProbe(PlanningInput input, IProgress<PlanProgress>? progress, CancellationToken cancellationToken) =>
        PlanGates(input, PlanTrucks(input, progress, cancellationToken), progress, cancellationToken);

    /// <summary>Everything up to the gates: allocation, truck routes, and the consignments each gate receives.</summary>
    internal DayToGates PlanTrucks(PlanningInput input, IProgress<PlanProgress>? progress, CancellationToken cancellationToken)
    {
        var index = new ScenarioIndex(input.Scenario);
        var settings = input.Settings;
        var timings = new List<StageTiming>();
        var stopwatch = Stopwatch.StartNew();
        void Done(string stage)
        {
            timings.Add(new StageTiming(stage, stopwatch.ElapsedMilliseconds));
            stopwatch.Restart();
        }

        var outcomes = new List<OrderOutcome>(input.Orders.Count);
        var orders = new PlanOrders(input, index);
        outcomes.AddRange(orders.UnknownHouseholds);

        progress?.Report(new PlanProgress("allocation", 0, 1));
        var allocationInput = orders.AllocationInput();
        var allocation = new StockAllocator().Allocate(allocationInput);
        outcomes.AddRange(orders.UnfilledOutcomes(allocation));
        Done("allocation");

        progress?.Report(new PlanProgress("trucks", 0, 1));
        var loads = new GateLoadBuilder().Build(new GateLoadBuilderInput(orders.Loaded(allocation), SmallestTruckGrams(input.Scenario), settings.TruckDeliverBySeconds, settings.TruckLateCostPerSecond));
        var trucks = RouteTrucks(input, loads, cancellationToken);
        var consignments = TruckConsignments.Build(trucks, loads, index, settings.TruckUnloadSeconds);
        outcomes.AddRange(consignments.Undelivered);
        Done("trucks");
        return new DayToGates(index, allocationInput, allocation, trucks, consignments, outcomes, timings);
    }

    /// <summary>
    /// The gates' days from what the trucks bring; <paramref name="input"/>'s scenario may differ from the one the
    /// trucks were planned for in its gates and volunteers only (a bottleneck probe of a gate resource).
    /// </summary>
    internal Plan PlanGates(PlanningInput input, DayToGates day, IProgress<PlanProgress>? progress, CancellationToken cancellationToken)
    {
        var settings = input.Settings;
        var timings = new List<StageTiming>(day.Timings);
        var stopwatch = Stopwatch.StartNew();
        void Done(string stage)
        {
            timings.Add(new StageTiming(stage, stopwatch.ElapsedMilliseconds));
            stopwatch.Restart();
        }

        var outcomes = new List<OrderOutcome>(day.Outcomes);
        var gates = input.Scenario.Gates.OrderBy(g => g.Id, StringComparer.Ordinal).ToList();
        var gateResults = PlanEachGate(input, gates, day.Consignments, day.Index, progress, cancellationToken);
        Done("gates");

        // Orders the gates cannot serve today stay at the supermarket; the gates plan again without their goods. Goods
        // nobody can take away (no volunteer, slot or window) fill the storage zone all day and hold back later cycles,
        // so those go first; orders that were only not released get another chance once they are gone.
        var trucks = day.Trucks;
        var consignments = day.Consignments;
        for (int pass = 1; pass <= MaxGatePasses && !cancellationToken.IsCancellationRequested; pass++)
        {
            var stranded = UnservedGoods.StrandedAtGates(gateResults);
            if (stranded.Count == 0)
            {
                break;
            }

            var blocking = UnservedGoods.NobodyTakesAway(gateResults, stranded);
            var leave = blocking.Count > 0 && pass < MaxGatePasses ? blocking : stranded;
            outcomes.AddRange(gateResults.SelectMany(r => r.Outcomes).Where(o => leave.Contains(o.OrderId)).Select(UnservedGoods.NotTrucked));
            trucks = UnservedGoods.Lighter(trucks, consignments, leave);
            var before = consignments;
            consignments = UnservedGoods.WithoutOrders(consignments, leave);
            gateResults = ReplanGatesThatLostGoods(input, gates, before, consignments, gateResults, day.Index, cancellationToken);
            Done($"gates without unserved goods ({pass})");
        }

        outcomes.AddRange(gateResults.SelectMany(r => r.Outcomes).Select(UnservedGoods.TruckedAnyway));
        trucks = TruckWaits.Apply(trucks, gateResults.Select(r => r.Cycles));
        var ordered = outcomes.OrderBy(o => o.OrderId, StringComparer.Ordinal).ToList();
        var kpis = PlanKpiCalculator.Calculate(input, day.AllocationInput, day.Allocation, trucks, gateResults, ordered);
        Done("kpis");

        return new Plan(
            input.Scenario.District.Id,
            input.Day,
            trucks.Routes,
            gateResults.Select(r => r.Cycles).ToList(),
            gateResults.Select(r => r.Doors).ToList(),
            gateResults.Select(r => r.Slots).ToList(),
            ordered,
            kpis,
            null,
            timings,
            settings);
    }

    /// <summary>
    /// Plans again only the gates whose consignments changed: a gate keeps the same consignment objects when none of
    /// its orders were taken off the trucks, and the gate planner gives the same day for the same input, so its
    /// earlier result stands (on a hard day most of a pass's time went to gates that had lost nothing). A gate that lost
    /// goods runs its day again from the cycles it proposed before, trimmed to what is left: the cycle search was most
    /// of a gate's time, and the goods taken off are the ones its cycles could not get out today anyway.
    /// </summary>
    private static List<GateDayResult> ReplanGatesThatLostGoods(
        PlanningInput input, List<Domain.Geography.Gate> gates, TruckConsignmentSet before, TruckConsignmentSet after,
        List<GateDayResult> earlier, ScenarioIndex index, CancellationToken cancellationToken)
    {
        var changed = gates.Where(g => !SameConsignments(before.ByGate.GetValueOrDefault(g.Id, []), after.ByGate.GetValueOrDefault(g.Id, []))).ToList();
        var proposed = gates.Zip(earlier).ToDictionary(p => p.First.Id, p => p.Second.Proposed, StringComparer.Ordinal);
        var replanned = PlanEachGate(input, changed, after, index, null, cancellationToken, proposed);
        var byGate = changed.Zip(replanned).ToDictionary(p => p.First.Id, p => p.Second, StringComparer.Ordinal);
        return gates.Select((gate, i) => byGate.GetValueOrDefault(gate.Id) ?? earlier[i]).ToList();
    }

    private static bool SameConsignments(IReadOnlyList<GateConsignment> before, IReadOnlyList<GateConsignment> after) =>
        before.Count == after.Count && before.Zip(after).All(p => ReferenceEquals(p.First, p.Second));

    /// <param name="proposed">Each gate's cycles proposed earlier, to re-run from instead of searching them again.</param>
    private static List<GateDayResult> PlanEachGate(
        PlanningInput input, List<Domain.Geography.Gate> gates, TruckConsignmentSet consignments, ScenarioIndex index, IProgress<PlanProgress>? progress, CancellationToken cancellationToken,
        Dictionary<string, GateCycles.GateCyclePlan>? proposed = null)
    {
        var settings = input.Settings;
        var volunteersByGate = input.Scenario.Volunteers.ToLookup(v => v.GateId);
        var walking = input.Walking ?? HaversineTravelMatrix.Walking();
        var results = new ConcurrentDictionary<string, GateDayResult>(StringComparer.Ordinal);
        int gatesDone = 0;
        progress?.Report(new PlanProgress("gates", 0, gates.Count));
        Parallel.ForEach(
            gates,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.ParallelGates), CancellationToken = CancellationToken.None },
            gate =>
            {
                var gateInput = new GateDayInput(gate, consignments.ByGate.GetValueOrDefault(gate.Id, []), volunteersByGate[gate.Id].ToList(), walking, settings, index.Catalog);
                results[gate.Id] = proposed is null
                    ? new GateDayPlanner().Plan(gateInput, cancellationToken)
                    : new GateDayPlanner().Replan(gateInput, proposed[gate.Id], cancellationToken);
                progress?.Report(new PlanProgress("gates", Interlocked.Increment(ref gatesDone), gates.Count));
            });
        return gates.Select(g => results[g.Id]).ToList();
    }

    /// <summary>
    /// Trucks only carry their own supermarket's goods, so each supermarket is routed on its own, in parallel:
    /// the same optimum as one district model, found in five small searches instead of one large one.
    /// </summary>
    private static TruckRoutingResult RouteTrucks(PlanningInput input, GateLoadSet loads, CancellationToken cancellationToken)
    {
        var settings = input.Settings;
        var supermarkets = input.Scenario.Supermarkets.OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        var results = new TruckRoutingResult[supermarkets.Count];
        Parallel.For(
            0,
            supermarkets.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.ParallelGates) },
            i =>
            {
                var supermarket = supermarkets[i];
                results[i] = new TruckRouter().Route(
                    new TruckRoutingInput(
                        [supermarket],
                        input.Scenario.Gates,
                        TruckShiftBlocks.Split(input.Scenario.Vehicles.Where(v => v.SupermarketId == supermarket.Id), settings.TruckTripBlockSeconds),
                        loads.Loads.Where(l => l.SupermarketId == supermarket.Id).ToList(),
                        input.Driving ?? HaversineTravelMatrix.Driving(),
                        settings.TruckRouting,
                        settings.TruckUnloadSeconds,
                        MaxTripsPerShift: 1,
                        BalanceCostPerSecond: settings.TruckBalanceCostPerSecond),
                    cancellationToken);
            });

        // Loads naming a supermarket that is not in the scenario are reported, not lost.
        var known = supermarkets.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var orphans = loads.Loads.Where(l => !known.Contains(l.SupermarketId))
            .Select(l => new UnassignedLoad(l.Id, l.SupermarketId, l.GateId, 1, 1, l.WeightGrams, Routing.UnassignedReason.NoAllowedVehicle, "unknown supermarket"));
        return TruckShiftBlocks.Merge(new TruckRoutingResult(results.SelectMany(r => r.Routes).ToList(), results.SelectMany(r => r.Unassigned).Concat(orphans).ToList(), results.Sum(r => r.RoutingCost)));
    }

    /// <summary>Each supermarket's smallest truck: a load is cut to fit it.</summary>
    internal static Dictionary<string, long> SmallestTruckGrams(Scenario scenario) =>
        scenario.Vehicles.GroupBy(v => v.SupermarketId).ToDictionary(g => g.Key, g => g.Min(v => v.CapacityGrams), StringComparer.Ordinal);
}

/// <summary>A day planned up to the gates: what a gate-resource probe starts from.</summary>
internal sealed record DayToGates(
    ScenarioIndex Index,
    AllocationInput AllocationInput,
    AllocationResult Allocation,
    TruckRoutingResult Trucks,
    TruckConsignmentSet Consignments,
    IReadOnlyList<OrderOutcome> Outcomes,
    IReadOnlyList<StageTiming> Timings);
