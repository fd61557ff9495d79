using Dispatch.Domain.Geography;
using Dispatch.Domain.Orders;
using Dispatch.Domain.People;
using Dispatch.Domain.Supply;

namespace Dispatch.Domain.Scenarios;

/// <summary>A scenario's entities by id, built once so look-ups during intake and planning are O(1).</summary>
public sealed class ScenarioIndex : IReferenceData
{
    private readonly Dictionary<string, Supermarket> _supermarkets;
    private readonly Dictionary<string, Grid> _grids;
    private readonly Dictionary<string, Household> _households;
    private readonly Dictionary<string, Gate> _gates;
    private readonly Dictionary<string, Community> _communities;

    public ScenarioIndex(Scenario scenario)
    {
        Scenario = scenario;
        _supermarkets = scenario.Supermarkets.ToDictionary(s => s.Id, StringComparer.Ordinal);
        _grids = scenario.Grids.ToDictionary(g => g.Id, StringComparer.Ordinal);
        _households = scenario.Households.ToDictionary(h => h.Id, StringComparer.Ordinal);
        _gates = scenario.Gates.ToDictionary(g => g.Id, StringComparer.Ordinal);
        _communities = scenario.Communities.ToDictionary(c => c.Id, StringComparer.Ordinal);
        Catalog = scenario.Catalog;
    }

    public Scenario Scenario { get; }

    public BundleCatalog Catalog { get; }

    public Supermarket? FindSupermarket(string id) => _supermarkets.GetValueOrDefault(id);

    public Grid? FindGrid(string id) => _grids.GetValueOrDefault(id);

    public Household? FindHousehold(string id) => _households.GetValueOrDefault(id);

    public Gate? FindGate(string id) => _gates.GetValueOrDefault(id);

    public Community? FindCommunity(string id) => _communities.GetValueOrDefault(id);
}
