using Dispatch.Domain.Geography;
using Dispatch.Planning.District;
using Dispatch.Planning.Doors;
using Dispatch.Planning.GateCycles;
using Dispatch.Planning.Live;
using Dispatch.Planning.PickupSlots;

namespace Dispatch.Planning.GateDay;

/// <summary>
/// One gate's day in time order, cycle by cycle, so that the storage zone and the pickup zone hold at every moment:
/// each proposed disinfection cycle starts when the zone is free and is held back (its goods wait in the buffer)
/// until its load fits the storage zone beside everything released and not yet gone; the goods it completes are
/// then given their way out at once (volunteers' door trips, the earliest slot or free-pickup window with room under
/// the crowd cap), and their leaving is booked in the storage ledger. A cycle that could never fit, or would end
/// after the last pickup and door trip, is not run: its goods and all later ones stay in the buffer today. Trucks
/// unload into the buffer zone only while their goods fit beside those waiting for a cycle; one that finds it full
/// waits at the gate until a cycle makes room if it is due nowhere else (its trip's last stop), and its goods go in
/// a later cycle; a truck that cannot wait long enough leaves with its goods.
/// </summary>
internal sealed class GateDaySchedule
{
    private const int VulnerableHouseholdWeight = 10;
    private const int VulnerableWaitWeight = 5;

    private readonly GateDayInput _input;
    private readonly Gate _gate;
    private readonly PlanningSettings _settings;
    private readonly StorageLedger _storage;
    private readonly PickupCrowd _crowd;
    private readonly int _windowSteps;
    private readonly List<DoorTripScheduler.VolunteerDay> _team;
    private readonly List<UnassignedDelivery> _doorUnassigned = [];
    private readonly Dictionary<string, long> _remainingGrams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _ordersLeftByHousehold = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _gramsByHousehold = new(StringComparer.Ordinal);
    private readonly List<ReadyOrder> _doorOrders = [];
    private readonly List<ReadyOrder> _slotOrders = [];
    private readonly List<ReadyOrder> _freeOrders = [];
    private readonly List<SlotAssignment> _slots = [];
    private readonly List<UnassignedHousehold> _slotless = [];
    private readonly List<FreePickupWindow> _windows = [];
    private readonly Dictionary<string, string> _windowless = new(StringComparer.Ordinal);
    private readonly List<DisinfectionCycle> _cycles = [];
    private readonly Queue<GateConsignment> _arrivals;
    private readonly List<(int At, long Grams)> _buffer = [];
    private readonly Dictionary<string, string> _turnedAway = new(StringComparer.Ordinal);
    private readonly List<GateConsignment> _onTrucks = [];
    private readonly Dictionary<string, int> _unloadedAt = new(StringComparer.Ordinal);
    private readonly List<CycleLoad> _deferred = [];
    private long _weightedWaitSeconds;

    public GateDaySchedule(GateDayInput input)
    {
        _input = input;
        _gate = input.Gate;
        _settings = input.Settings;
        _storage = new StorageLedger(_gate.Storage.CapacityGrams);
        _crowd = new PickupCrowd(_settings.PickupOpensAtSeconds, _settings.PickupClosesAtSeconds, _settings.SlotSeconds, _gate.Pickup.CrowdCap);
        _windowSteps = Math.Max(1, _settings.FreePickupWindowSeconds / _settings.SlotSeconds);
        _team = DoorTripScheduler.Team(DoorInput([]));
        _arrivals = new Queue<GateConsignment>(input.Consignments.OrderBy(c => c.Consignment.ArrivalAtSeconds).ThenBy(c => c.Consignment.Id, StringComparer.Ordinal));
        foreach (var consignment in input.Consignments)
        {
            _remainingGrams[consignment.Consignment.Id] = consignment.Consignment.WeightGrams;
            foreach (var order in consignment.Orders.Where(o => !o.Household.NeedsDoorDelivery))
            {
                _ordersLeftByHousehold[order.Household.Id] = _ordersLeftByHousehold.GetValueOrDefault(order.Household.Id) + 1;
                _gramsByHousehold[order.Household.Id] = _gramsByHousehold.GetValueOrDefault(order.Household.Id) + order.WeightGrams;
            }
        }
    }

    public GateDayResult Run(GateCyclePlan proposed, CancellationToken cancellationToken)
    {
        var byId = _input.Consignments.ToDictionary(c => c.Consignment.Id, StringComparer.Ordinal);
        int zoneFreeAt = 0;
        string? notRun = null;
        foreach (var cycle in proposed.Cycles.OrderBy(c => c.StartAtSeconds))
        {
            notRun = RunCycle(cycle.Loads, Math.Max(cycle.StartAtSeconds, zoneFreeAt), cycle.StartAtSeconds, byId, ref zoneFreeAt, cancellationToken);
            if (notRun is not null)
            {
                break;
            }
        }

        // Goods a cycle could not take because their truck was still waiting for room get cycles of their own.
        while (notRun is null && _deferred.Count > 0 && !cancellationToken.IsCancellationRequested)
        {
            var unloaded = _deferred.Where(l => _unloadedAt.ContainsKey(l.ConsignmentId)).Select(l => _unloadedAt[l.ConsignmentId]).DefaultIfEmpty(-1).Min();
            if (unloaded < 0)
            {
                break;
            }

            int earliest = Math.Max(unloaded, zoneFreeAt);
            int cyclesBefore = _cycles.Count;
            notRun = RunCycle([], earliest, earliest, byId, ref zoneFreeAt, cancellationToken);
            if (_cycles.Count == cyclesBefore)
            {
                break;
            }
        }

        UnloadUpTo(int.MaxValue);
        foreach (var waiting in _onTrucks)
        {
            TurnAway(waiting, $"buffer zone full from {DayClock.Text(waiting.Consignment.ArrivalAtSeconds)}: no cycle made room while the truck could wait");
        }

        _onTrucks.Clear();
        return Result(proposed, notRun);
    }

    // One cycle at or after `earliest`: the goods waiting longest first, then its proposed loads, as far as they are
    // unloaded and fit the zone; held back until they fit the storage zone. Null when it ran (or had nothing to take),
    // else why it and every later cycle cannot run today.
    private string? RunCycle(IReadOnlyList<CycleLoad> proposedLoads, int earliest, int proposedStart, Dictionary<string, GateConsignment> byId, ref int zoneFreeAt, CancellationToken cancellationToken)
    {
        int cycleSeconds = _gate.Disinfection.CycleSeconds;
        UnloadUpTo(earliest);
        var loads = Take(proposedLoads, earliest);
        if (loads.Count == 0)
        {
            return null;
        }

        long grams = loads.Sum(l => l.WeightGrams);
        var (release, notReleased) = _storage.ReleaseFor(grams, earliest, cycleSeconds, GateOrders.LastUsefulReleaseSeconds(_team.Select(d => d.Volunteer), _settings));
        if (release is null)
        {
            _deferred.InsertRange(0, loads);
            return notReleased;
        }

        int start = release.Value - cycleSeconds;
        UnloadUpTo(start);
        var placed = new DisinfectionCycle(start, release.Value, loads, start - proposedStart);
        _cycles.Add(placed);
        _buffer.Add((start, -grams));
        _storage.Release(release.Value, grams);
        zoneFreeAt = release.Value;
        UnloadWaitingTrucks(start);

        var completed = new List<GateConsignment>();
        foreach (var load in loads)
        {
            _remainingGrams[load.ConsignmentId] -= load.WeightGrams;
            if (_remainingGrams[load.ConsignmentId] == 0)
            {
                completed.Add(byId[load.ConsignmentId]);
            }
        }

        SendOnTheirWay(completed, release.Value, cancellationToken);
        return null;
    }

    // What a cycle starting at `at` takes: its own proposed loads whose trucks have unloaded, and goods that missed an
    // earlier cycle (their truck was still waiting for room) while the zone has room; the rest wait for a later cycle.
    private List<CycleLoad> Take(IReadOnlyList<CycleLoad> proposedLoads, int at)
    {
        bool Unloaded(CycleLoad load) => _unloadedAt.TryGetValue(load.ConsignmentId, out int unloaded) && unloaded <= at;
        var own = proposedLoads.Where(l => !_turnedAway.ContainsKey(l.ConsignmentId)).ToList();
        var taken = own.Where(Unloaded).ToList();
        long grams = taken.Sum(l => l.WeightGrams);
        var earlier = new List<CycleLoad>();
        var stillWaiting = new List<CycleLoad>();
        foreach (var load in _deferred.Where(l => !_turnedAway.ContainsKey(l.ConsignmentId)))
        {
            // A cycle of its own takes at least one waiting load, so every load that fits a cycle gets one.
            if (Unloaded(load) && (grams + load.WeightGrams <= _gate.Disinfection.CapacityGramsPerCycle || grams == 0))
            {
                earlier.Add(load);
                grams += load.WeightGrams;
            }
            else
            {
                stillWaiting.Add(load);
            }
        }

        _deferred.Clear();
        _deferred.AddRange(stillWaiting);
        _deferred.AddRange(own.Where(l => !Unloaded(l)));
        return [.. earlier, .. taken];
    }

    // Trucks unload into the buffer zone when their goods fit beside those waiting for a cycle. One that finds it full
    // waits at the gate for a cycle to make room, as long as it is due nowhere else (its trip's last stop, until its next
    // trip or shift end); past that it leaves with the goods (they are then left at the supermarket, see UnservedGoods).
    private void UnloadUpTo(int atSeconds)
    {
        while (_arrivals.Count > 0 && _arrivals.Peek().Consignment.ArrivalAtSeconds <= atSeconds)
        {
            var arriving = _arrivals.Dequeue();
            int at = arriving.Consignment.ArrivalAtSeconds;
            if (BufferHeldAt(at) + arriving.Consignment.WeightGrams <= BufferCapacityGrams)
            {
                Unload(arriving, at);
            }
            else if (arriving.TruckWaitLimitSeconds > 0)
            {
                _onTrucks.Add(arriving);
            }
            else
            {
                TurnAway(arriving, $"buffer zone full at {DayClock.Text(at)}: {BufferHeldAt(at)} g wait for disinfection in {BufferCapacityGrams} g, no room for {arriving.Consignment.WeightGrams} g, and the truck is due at its next stop");
            }
        }
    }

    // A cycle has just taken goods out of the buffer zone: waiting trucks unload in the order they came, while they fit.
    private void UnloadWaitingTrucks(int atSeconds)
    {
        foreach (var waiting in _onTrucks.ToList())
        {
            var consignment = waiting.Consignment;
            if (consignment.ArrivalAtSeconds + waiting.TruckWaitLimitSeconds < atSeconds)
            {
                TurnAway(waiting, $"buffer zone full from {DayClock.Text(consignment.ArrivalAtSeconds)} until after {DayClock.Text(consignment.ArrivalAtSeconds + waiting.TruckWaitLimitSeconds)}, when the truck had to leave");
                _onTrucks.Remove(waiting);
            }
            else if (BufferHeldAt(atSeconds) + consignment.WeightGrams <= BufferCapacityGrams)
            {
                Unload(waiting, atSeconds);
                _onTrucks.Remove(waiting);
            }
        }
    }

    private void Unload(GateConsignment consignment, int atSeconds)
    {
        _buffer.Add((atSeconds, consignment.Consignment.WeightGrams));
        _unloadedAt[consignment.Consignment.Id] = atSeconds;
    }

    private void TurnAway(GateConsignment consignment, string reason) => _turnedAway[consignment.Consignment.Id] = reason;

    private long BufferCapacityGrams => _gate.Buffer?.CapacityGrams ?? long.MaxValue;

    private long BufferHeldAt(int atSeconds) => _buffer.Where(b => b.At <= atSeconds).Sum(b => b.Grams);

    private void SendOnTheirWay(List<GateConsignment> completed, int readyAtSeconds, CancellationToken cancellationToken)
    {
        var doorBatch = new List<ReadyOrder>();
        var slotBatch = new List<string>();
        var freeBatch = new List<string>();
        var buildings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var order in completed.SelectMany(c => c.Orders).OrderBy(o => o.OrderId, StringComparer.Ordinal))
        {
            var ready = new ReadyOrder(order, readyAtSeconds);
            var household = order.Household;
            if (household.NeedsDoorDelivery)
            {
                doorBatch.Add(ready);
                _doorOrders.Add(ready);
                continue;
            }

            bool slotted = household.RiskLevel == RiskLevel.Medium;
            (slotted ? _slotOrders : _freeOrders).Add(ready);
            buildings[household.Id] = household.Building;
            if (--_ordersLeftByHousehold[household.Id] == 0)
            {
                (slotted ? slotBatch : freeBatch).Add(household.Id);
            }
        }

        CarryToDoors(doorBatch, cancellationToken);
        foreach (var householdId in slotBatch.Order(StringComparer.Ordinal))
        {
            GiveSlot(householdId, buildings[householdId], readyAtSeconds);
        }

        foreach (var householdId in freeBatch.Order(StringComparer.Ordinal))
        {
            GiveWindow(householdId, readyAtSeconds);
        }
    }

    // An order leaves storage with the volunteer carrying its last parcel; an order not fully carried stays.
    private void CarryToDoors(List<ReadyOrder> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var tripsBefore = _team.Select(d => d.Trips.Count).ToArray();
        int unassignedBefore = _doorUnassigned.Count;
        var deliveries = GateOrders.DoorDeliveries(batch, _input.Volunteers, _input.Catalog);
        DoorTripScheduler.RouteMore(DoorInput(deliveries), _team, _doorUnassigned, cancellationToken);

        var leaves = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int v = 0; v < _team.Count; v++)
        {
            foreach (var trip in _team[v].Trips.Skip(tripsBefore[v]))
            {
                foreach (var door in trip.Doors)
                {
                    string orderId = DeliveryIds.OrderIdOf(door.DeliveryId);
                    leaves[orderId] = Math.Max(leaves.GetValueOrDefault(orderId), trip.LeaveGateSeconds);
                }
            }
        }

        var stranded = _doorUnassigned.Skip(unassignedBefore).Select(u => DeliveryIds.OrderIdOf(u.DeliveryId)).ToHashSet(StringComparer.Ordinal);
        foreach (var (order, _) in batch)
        {
            if (!stranded.Contains(order.OrderId) && leaves.TryGetValue(order.OrderId, out int leave))
            {
                _storage.Leave(leave, order.WeightGrams);
            }
        }
    }

    private void GiveSlot(string householdId, string building, int readyAtSeconds)
    {
        int step = _crowd.TakeSlot(readyAtSeconds, building, _settings.MaxHouseholdsPerBuildingPerSlot);
        var household = new PickupHousehold(householdId, building, readyAtSeconds);
        if (step < 0)
        {
            _slotless.Add(_crowd.StartOf(_crowd.Steps - 1) < readyAtSeconds ? UnassignedHousehold.ReadyAfterLastSlot(household) : UnassignedHousehold.NoRoom(household));
            return;
        }

        int start = _crowd.StartOf(step);
        _slots.Add(new SlotAssignment(householdId, step, start, start - readyAtSeconds));
        _weightedWaitSeconds += start - readyAtSeconds;
        _storage.Leave(start + _settings.SlotSeconds, _gramsByHousehold[householdId]);
    }

    private void GiveWindow(string householdId, int readyAtSeconds)
    {
        int step = _crowd.TakeWindow(readyAtSeconds, _windowSteps);
        if (step < 0)
        {
            _windowless[householdId] = PickupCrowd.NoWindowReason(readyAtSeconds, _settings.PickupClosesAtSeconds, _settings.FreePickupWindowSeconds);
            return;
        }

        int start = _crowd.StartOf(step);
        int end = _crowd.StartOf(step + _windowSteps);
        _windows.Add(new FreePickupWindow(householdId, start, end));
        _storage.Leave(end, _gramsByHousehold[householdId]);
    }

    private DoorRoutingInput DoorInput(IReadOnlyList<DoorDelivery> deliveries) =>
        new(_gate, deliveries, _input.Volunteers, _input.Walking, _settings.DoorRouting, _settings.Door);

    private GateDayResult Result(GateCyclePlan proposed, string? notRun)
    {
        var completed = _remainingGrams.Where(r => r.Value == 0).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var releases = CycleReleases.Of(_cycles).Where(r => completed.Contains(r.ConsignmentId)).OrderBy(r => r.ConsignmentId, StringComparer.Ordinal).ToList();
        var priority = _input.Consignments.ToDictionary(c => c.Consignment.Id, c => c.Consignment.PriorityWeight(VulnerableHouseholdWeight), StringComparer.Ordinal);
        var firstCycle = _cycles.SelectMany(c => c.Loads.Select(l => (l.ConsignmentId, c.StartAtSeconds)))
            .GroupBy(x => x.ConsignmentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(x => x.StartAtSeconds), StringComparer.Ordinal);
        var waits = _input.Consignments.Where(c => _unloadedAt.ContainsKey(c.Consignment.Id))
            .Select(c => new BufferWait(
                c.Consignment.Id, c.Consignment.WeightGrams, _unloadedAt[c.Consignment.Id], firstCycle.TryGetValue(c.Consignment.Id, out int left) ? left : null,
                _unloadedAt[c.Consignment.Id] - c.Consignment.ArrivalAtSeconds))
            .OrderBy(w => w.UnloadedAtSeconds).ThenBy(w => w.ConsignmentId, StringComparer.Ordinal).ToList();
        var cycles = proposed with
        {
            BufferWaits = waits,
            Cycles = _cycles,
            Releases = releases,
            WeightedReleaseSeconds = releases.Sum(r => priority[r.ConsignmentId] * r.ReleaseAtSeconds),
        };

        var doors = DoorTripScheduler.Result(_gate.Id, _team, _doorUnassigned);
        var slotPlan = new PickupSlotPlan(
            _gate.Id,
            Enumerable.Range(0, _crowd.Steps).Select(k => new PickupSlot(k, _crowd.StartOf(k), _crowd.StartOf(k) + _settings.SlotSeconds, _crowd.SlotHouseholds[k])).ToList(),
            _slots.OrderBy(a => a.SlotIndex).ThenBy(a => a.HouseholdId, StringComparer.Ordinal).ToList(),
            _slotless.OrderBy(u => u.HouseholdId, StringComparer.Ordinal).ToList(),
            PlanSource.Greedy,
            _weightedWaitSeconds,
            _crowd.BuildingCapLifted ? _gate.Pickup.CrowdCap : _settings.MaxHouseholdsPerBuildingPerSlot,
            _windows.OrderBy(w => w.StartAtSeconds).ThenBy(w => w.HouseholdId, StringComparer.Ordinal).ToList());

        var outcomes = new List<OrderOutcome>();
        outcomes.AddRange(GateDayPlanner.DoorOutcomes(_gate.Id, _doorOrders, doors));
        outcomes.AddRange(GateOrders.SlotOutcomes(_gate.Id, _slotOrders, slotPlan));
        outcomes.AddRange(GateOrders.FreeOutcomes(_gate.Id, _freeOrders, slotPlan.FreeWindows!, _windowless));
        foreach (var consignment in _input.Consignments.Where(c => !completed.Contains(c.Consignment.Id)))
        {
            string reason = _turnedAway.GetValueOrDefault(consignment.Consignment.Id) ?? notRun ?? "not released today";
            outcomes.AddRange(consignment.Orders.Select(o => GateOrders.NotReleased(_gate.Id, o, reason)));
        }

        return new GateDayResult(cycles, doors, slotPlan, outcomes, proposed);
    }
}
