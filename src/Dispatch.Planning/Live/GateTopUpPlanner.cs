using System.Globalization;
using Dispatch.Domain.Geography;
using Dispatch.Domain.Supply;
using Dispatch.Planning.Allocation;
using Dispatch.Planning.District;
using Dispatch.Planning.Doors;
using Dispatch.Planning.GateCycles;
using Dispatch.Planning.PickupSlots;
using Dispatch.Planning.Travel;
using Dispatch.Planning.Trucks;

namespace Dispatch.Planning.Live;

/// <summary>
/// Plans the goods of orders that reach a gate after its day was planned, without moving anything already
/// promised: stock left after the plan's allocation fills them, trucks free after their planned trips (and not
/// before now plus packing) carry them, their disinfection cycles follow the gate's planned ones, medium-risk
/// households get the earliest slot with room from their ready time, low-risk ones the earliest free-pickup window
/// with room (both under the crowd cap, counting everyone already told a slot or a window), and door deliveries are
/// handed to the gate re-plan. Pure: the caller says where the day stands.
/// </summary>
public sealed class GateTopUpPlanner
{
    private static readonly TimeSpan TruckSearch = TimeSpan.FromMilliseconds(300);

    public GateTopUpResult Plan(GateTopUpInput input, CancellationToken cancellation = default)
    {
        var scenario = input.Scenario;
        var settings = input.Settings;
        var gate = scenario.FindGate(input.GateId) ?? throw new ArgumentException($"gate '{input.GateId}' is not in the scenario", nameof(input));
        var orders = new PlanOrders(new PlanningInput(scenario.Scenario, input.Current.Day, input.NewOrders, settings), scenario);
        var outcomes = new List<OrderOutcome>(orders.UnknownHouseholds);

        var allocationInput = orders.AllocationInput() with { Stocks = RemainingStock(input) };
        var allocation = new StockAllocator().Allocate(allocationInput);
        outcomes.AddRange(orders.UnfilledOutcomes(allocation));

        var loaded = orders.Loaded(allocation);
        var misplaced = loaded.FirstOrDefault(o => o.GateId != gate.Id);
        if (misplaced is not null)
        {
            throw new ArgumentException($"order '{misplaced.OrderId}' goes to gate '{misplaced.GateId}', not '{gate.Id}'", nameof(input));
        }

        var loads = new GateLoadBuilder().Build(new GateLoadBuilderInput(
            loaded, DistrictPlanner.SmallestTruckGrams(scenario.Scenario), settings.TruckDeliverBySeconds, settings.TruckLateCostPerSecond, LoadIdTag(input.Current, gate.Id)));
        var trucks = RouteTrucks(input, loads, cancellation);
        var consignments = TruckConsignments.Build(trucks, loads, scenario, settings.TruckUnloadSeconds);
        outcomes.AddRange(consignments.Undelivered);
        var arriving = consignments.ByGate.GetValueOrDefault(gate.Id, []);

        var (cycles, notReleased) = Disinfect(input, gate, arriving);
        var released = Released(arriving, cycles);
        outcomes.AddRange(arriving.Where(c => !released.Contains(c)).SelectMany(c => c.Orders).Select(o => GateOrders.NotReleased(gate.Id, o, notReleased ?? "not released today")));
        var (doorOrders, slotOrders, freeOrders) = GateOrders.ByWayHome(GateOrders.Ready(released, cycles));

        // Door orders are routed by the gate re-plan; until then they are door deliveries without a volunteer.
        var doorDeliveries = GateOrders.DoorDeliveries(doorOrders, scenario.Scenario.Volunteers.Where(v => v.GateId == gate.Id).ToList(), scenario.Catalog);
        outcomes.AddRange(doorOrders.Select(r => GateOrders.Outcome(gate.Id, r.Order, r.ReadyAtSeconds, OrderFate.DoorDelivery, null, null, null)));
        var slotted = PlaceSlots(input, gate, slotOrders);
        outcomes.AddRange(GateOrders.SlotOutcomes(gate.Id, slotOrders, slotted));
        var freeHouseholds = freeOrders.GroupBy(r => r.Order.Household.Id, StringComparer.Ordinal).Select(g => (g.Key, g.Max(r => r.ReadyAtSeconds))).ToList();
        var (slots, noWindow) = FreePickupTopUp.Place(slotted, gate.Pickup, freeHouseholds, settings);
        outcomes.AddRange(GateOrders.FreeOutcomes(gate.Id, freeOrders, slots.FreeWindows ?? [], noWindow));

        return new GateTopUpResult(AddedTrips(input.Current, trucks), cycles, slots, outcomes.OrderBy(o => o.OrderId, StringComparer.Ordinal).ToList(), doorDeliveries);
    }

    /// <summary>Each supermarket's stock minus what the plan already allocated (orders it filled, served or not).</summary>
    private static List<SupermarketStock> RemainingStock(GateTopUpInput input)
    {
        var used = new Dictionary<string, BundleCounts>(StringComparer.Ordinal);
        foreach (var outcome in input.Current.Orders)
        {
            if (outcome.SupermarketId is { } supermarketId && input.PlannedOrders.TryGetValue(outcome.OrderId, out var order))
            {
                used[supermarketId] = used.GetValueOrDefault(supermarketId) + order.Bundles;
            }
        }

        return input.Scenario.Scenario.Supermarkets.Select(s => new SupermarketStock(s.Id, Floor(s.DailyStock - used.GetValueOrDefault(s.Id)))).ToList();
    }

    private static BundleCounts Floor(BundleCounts counts) =>
        new(Math.Max(0, counts.MeatAndVegetable), Math.Max(0, counts.Vegetable), Math.Max(0, counts.RiceAndFlour), Math.Max(0, counts.Medicine));

    /// <summary>"+k" for the gate's k-th top-up: load ids stay unique in the plan.</summary>
    private static string LoadIdTag(Plan current, string gateId)
    {
        int last = current.TruckRoutes.SelectMany(r => r.Trips).SelectMany(t => t.Stops)
            .Where(s => s.GateId == gateId)
            .Select(s => TopUpNumber(s.LoadId))
            .DefaultIfEmpty(0)
            .Max();
        return "+" + (last + 1).ToString(CultureInfo.InvariantCulture);
    }

    private static int TopUpNumber(string loadId)
    {
        int plus = loadId.LastIndexOf('+');
        int hash = loadId.LastIndexOf('#');
        return plus >= 0 && hash > plus && int.TryParse(loadId.AsSpan(plus + 1, hash - plus - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : 0;
    }

    /// <summary>Trucks of the supermarkets involved, each from when it is back from its planned trips and reloaded (and not before now plus packing).</summary>
    private static TruckRoutingResult RouteTrucks(GateTopUpInput input, GateLoadSet loads, CancellationToken cancellation)
    {
        if (loads.Loads.Count == 0)
        {
            return new TruckRoutingResult([], []);
        }

        var supermarketIds = loads.Loads.Select(l => l.SupermarketId).ToHashSet(StringComparer.Ordinal);
        var backAt = input.Current.TruckRoutes.Where(r => r.Trips.Count > 0).ToDictionary(r => r.TruckId, r => r.Trips.Max(t => t.ReturnSeconds), StringComparer.Ordinal);
        int earliest = input.NowSeconds + input.PackSeconds;
        var trucks = input.Scenario.Scenario.Vehicles
            .Where(v => supermarketIds.Contains(v.SupermarketId))
            .Select(v => v with
            {
                Shift = v.Shift with
                {
                    StartSeconds = Math.Max(v.Shift.StartSeconds, Math.Max(earliest, backAt.TryGetValue(v.Id, out int back) ? back + input.PackSeconds : 0)),
                },
            })
            .Where(v => v.Shift.StartSeconds < v.Shift.EndSeconds)
            .ToList();
        var settings = input.Settings;
        var routed = new TruckRouter().Route(
            new TruckRoutingInput(
                input.Scenario.Scenario.Supermarkets.Where(s => supermarketIds.Contains(s.Id)).ToList(),
                input.Scenario.Scenario.Gates,
                trucks,
                loads.Loads,
                input.Driving ?? HaversineTravelMatrix.Driving(),
                settings.TruckRouting with { TimeLimit = TruckSearch },
                settings.TruckUnloadSeconds,
                MaxTripsPerShift: 1),
            cancellation);
        return routed with { Routes = routed.Routes.Where(r => r.Trips.Count > 0).ToList() };
    }

    private static List<TruckRoute> AddedTrips(Plan current, TruckRoutingResult trucks)
    {
        var planned = current.TruckRoutes.ToDictionary(r => r.TruckId, r => r.Trips.Count, StringComparer.Ordinal);
        return trucks.Routes
            .Select(r => r with { Trips = r.Trips.Select((t, i) => t with { Number = planned.GetValueOrDefault(r.TruckId) + i + 1 }).ToList() })
            .ToList();
    }

    /// <summary>
    /// The planned cycles stay (volunteers count on their releases); the top-up's goods follow them, each cycle held back
    /// until its goods fit the storage zone (<see cref="TopUpStorageRoom"/>). Also why the goods of cycles that cannot
    /// run today stay in the buffer.
    /// </summary>
    private static (GateCyclePlan Cycles, string? NotReleased) Disinfect(GateTopUpInput input, Gate gate, IReadOnlyList<GateConsignment> arriving)
    {
        var current = input.Current.GateCycles.FirstOrDefault(c => c.GateId == gate.Id) ?? new GateCyclePlan(gate.Id, [], [], PlanSource.Greedy, 0);
        if (arriving.Count == 0)
        {
            return (current, null);
        }

        var arrivals = new GateArrivals(gate.Id, gate.Disinfection, gate.Storage, arriving.Select(c => c.Consignment).ToList(), input.Settings.StorageDwellSeconds);
        var preference = arrivals.Consignments.OrderByDescending(c => c.VulnerableHouseholds > 0).ThenBy(c => c.ArrivalAtSeconds).ThenBy(c => c.Id, StringComparer.Ordinal);
        var proposed = GreedyCycles.Plan(arrivals, preference, current.Cycles);
        int lastUseful = GateOrders.LastUsefulReleaseSeconds(input.Scenario.Scenario.Volunteers.Where(v => v.GateId == gate.Id && v.Shift.IsValid), input.Settings);
        var (added, notRun) = TopUpStorageRoom.HoldBack(input, gate, current, proposed, lastUseful);
        return (current with { Cycles = [.. current.Cycles, .. added], Releases = [.. current.Releases, .. CycleReleases.Of(added)], Source = PlanSource.Greedy }, notRun);
    }

    /// <summary>Consignments whose goods all went through a cycle.</summary>
    private static List<GateConsignment> Released(IReadOnlyList<GateConsignment> arriving, GateCyclePlan cycles)
    {
        var disinfected = cycles.Cycles.SelectMany(c => c.Loads).GroupBy(l => l.ConsignmentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(l => l.WeightGrams), StringComparer.Ordinal);
        return arriving.Where(c => disinfected.GetValueOrDefault(c.Consignment.Id) >= c.Consignment.WeightGrams).ToList();
    }

    private static PickupSlotPlan PlaceSlots(GateTopUpInput input, Gate gate, List<ReadyOrder> slotOrders)
    {
        var current = input.Current.PickupSlots.FirstOrDefault(s => s.GateId == gate.Id)
            ?? new PickupSlotPlan(gate.Id, [], [], [], PlanSource.Greedy, 0, input.Settings.MaxHouseholdsPerBuildingPerSlot);
        var households = GateOrders.SlotHouseholds(slotOrders);
        return households.Count == 0 ? current : PickupSlotTopUp.Place(current, gate.Pickup, households, id => input.Scenario.FindHousehold(id)?.Building);
    }
}
