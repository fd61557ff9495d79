using Dispatch.Domain.Orders;
using Dispatch.Domain.People;
using Dispatch.Domain.Scenarios;
using Dispatch.Planning.Allocation;

namespace Dispatch.Planning.District;

/// <summary>The day's orders joined to their households, grids and gates, in the shapes the stages take.</summary>
internal sealed class PlanOrders
{
    private readonly PlanningInput _input;
    private readonly ScenarioIndex _index;
    private readonly List<(Order Order, Household Household, string GateId, string AssignedSupermarketId)> _known = [];
    private readonly Dictionary<string, (Order Order, Household Household, string GateId, string AssignedSupermarketId)> _knownById = new(StringComparer.Ordinal);

    public PlanOrders(PlanningInput input, ScenarioIndex index)
    {
        _input = input;
        _index = index;
        var unknown = new List<OrderOutcome>();
        foreach (var order in input.Orders)
        {
            var household = index.FindHousehold(order.HouseholdId);
            var grid = household is null ? null : index.FindGrid(household.GridId);
            if (household is null || grid?.GateId is null || grid.AssignedSupermarketId is null)
            {
                unknown.Add(new OrderOutcome(order.Id, order.HouseholdId, "", false, OrderFate.Unassigned, null, null, null, null, null,
                    "household or its grid is not in the scenario", null));
                continue;
            }

            _known.Add((order, household, grid.GateId, grid.AssignedSupermarketId));
            _knownById[order.Id] = _known[^1];
        }

        UnknownHouseholds = unknown;
    }

    public IReadOnlyList<OrderOutcome> UnknownHouseholds { get; }

    public AllocationInput AllocationInput()
    {
        var stocks = _input.Scenario.Supermarkets.Select(s => new SupermarketStock(s.Id, s.DailyStock)).ToList();
        var alternatives = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var grid in _input.Scenario.Grids.Where(g => g.Level == 2 && g.GateId is not null))
        {
            var gate = _index.FindGate(grid.GateId!);
            if (gate is null)
            {
                continue;
            }

            alternatives[grid.Id] = _input.Scenario.Supermarkets
                .Where(s => s.Id != grid.AssignedSupermarketId)
                .OrderBy(s => s.Location.HaversineMetresTo(gate.Location))
                .Select(s => s.Id)
                .ToList();
        }

        var orders = _known.Select(k => new AllocationOrder(k.Order.Id, k.Household.Id, k.Household.GridId, k.Order.Bundles, k.Household.IsVulnerable, k.AssignedSupermarketId)).ToList();
        return new AllocationInput(orders, stocks, alternatives);
    }

    public IEnumerable<OrderOutcome> UnfilledOutcomes(AllocationResult allocation)
    {
        foreach (var unfilled in allocation.Unfilled)
        {
            var k = _knownById[unfilled.OrderId];
            yield return new OrderOutcome(k.Order.Id, k.Household.Id, k.GateId, k.Household.IsVulnerable, OrderFate.Unfilled, null, null, null, null, null,
                $"unfilled: {unfilled.Reason}: {unfilled.Detail}", unfilled.ShortKind);
        }
    }

    public IReadOnlyList<LoadedOrder> Loaded(AllocationResult allocation)
    {
        var catalog = _index.Catalog;
        return allocation.Filled.Select(f =>
        {
            var k = _knownById[f.OrderId];
            return new LoadedOrder(f.OrderId, k.Household.Id, f.SupermarketId, k.GateId, f.Bundles.WeightGrams(catalog), k.Household.IsVulnerable, k.Household.NeedsDoorDelivery, f.Bundles);
        }).ToList();
    }
}
