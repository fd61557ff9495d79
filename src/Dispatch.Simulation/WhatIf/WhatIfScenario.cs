using Dispatch.Domain.Geography;
using Dispatch.Domain.Scenarios;
using Dispatch.Domain.Supply;
using Dispatch.Simulation.Scenarios;

namespace Dispatch.Simulation.WhatIf;

/// <summary>Applies what-if overrides to a scenario: resources once, risk levels as of a day.</summary>
public static class WhatIfScenario
{
    /// <summary>One line per override naming something the scenario does not have (an unknown gate or community).</summary>
    public static IReadOnlyList<string> Problems(Scenario scenario, IEnumerable<ScenarioOverride> overrides)
    {
        var gates = scenario.Gates.Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        var communities = scenario.Communities.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var o in overrides)
        {
            if (o is GateOverride g && g.GateId != "*" && !gates.Contains(g.GateId))
            {
                problems.Add($"'{o.Key}': no gate '{g.GateId}' in the scenario (e.g. {string.Join(", ", gates.Order(StringComparer.Ordinal).Take(4))}; * for all)");
            }
            else if (o is RiskOverride r && !communities.Contains(r.CommunityId))
            {
                problems.Add($"'{o.Key}': no community '{r.CommunityId}' in the scenario (e.g. {string.Join(", ", communities.Order(StringComparer.Ordinal).Take(4))})");
            }
        }

        return problems;
    }

    /// <summary>The scenario with the resource overrides (trucks, volunteers, stock, gates) applied in order.</summary>
    public static Scenario ApplyResources(Scenario scenario, IEnumerable<ScenarioOverride> overrides)
    {
        foreach (var o in overrides)
        {
            scenario = o switch
            {
                TruckCountOverride t => scenario with
                {
                    Vehicles = Resize(scenario.Vehicles, v => v.SupermarketId, t.Amount.ApplyTo(scenario.Vehicles.Count), (v, copy) => v with { Id = $"{v.Id}+{copy}" }),
                },
                VolunteerCountOverride v => scenario with
                {
                    Volunteers = Resize(scenario.Volunteers, x => x.GateId, v.Amount.ApplyTo(scenario.Volunteers.Count), (x, copy) => x with { Id = $"{x.Id}+{copy}" }),
                },
                StockOverride s => WithStock(scenario, s),
                GateOverride g => scenario with { Gates = scenario.Gates.Select(gate => g.GateId == "*" || gate.Id == g.GateId ? WithGate(gate, g) : gate).ToList() },
                _ => scenario,
            };
        }

        return scenario;
    }

    /// <summary>The scenario's communities and households at the risk levels in force on <paramref name="day"/> (later overrides win).</summary>
    public static Scenario AsOfDay(Scenario scenario, IEnumerable<ScenarioOverride> overrides, int day)
    {
        var levels = new Dictionary<string, RiskLevel>(StringComparer.Ordinal);
        foreach (var r in overrides.OfType<RiskOverride>().Where(r => r.FromDay <= day))
        {
            levels[r.CommunityId] = r.Level;
        }

        if (levels.Count == 0)
        {
            return scenario;
        }

        var communityOfGrid = scenario.Grids.ToDictionary(g => g.Id, g => g.CommunityId, StringComparer.Ordinal);
        return scenario with
        {
            Communities = scenario.Communities.Select(c => levels.TryGetValue(c.Id, out var level) ? c with { RiskLevel = level } : c).ToList(),
            Households = scenario.Households.Select(h =>
                communityOfGrid.TryGetValue(h.GridId, out var community) && levels.TryGetValue(community, out var level) && level != h.RiskLevel
                    ? h with { RiskLevel = level }
                    : h).ToList(),
        };
    }

    private static Gate WithGate(Gate gate, GateOverride o) => o.Property switch
    {
        GateProperty.Capacity => gate with { Disinfection = gate.Disinfection with { CapacityGramsPerCycle = Math.Max(1, o.Amount.ApplyTo(gate.Disinfection.CapacityGramsPerCycle, gramsPerUnit: 1)) } },
        _ => gate with { Pickup = gate.Pickup with { CrowdCap = (int)Math.Clamp(o.Amount.ApplyTo(gate.Pickup.CrowdCap), 1, int.MaxValue) } },
    };

    private static Scenario WithStock(Scenario scenario, StockOverride o)
    {
        var supermarkets = scenario.Supermarkets;
        long total = supermarkets.Sum(s => (long)s.DailyStock[o.Kind]);
        int target = (int)Math.Min(int.MaxValue, o.Amount.ApplyTo(total, o.GramsPerBundle));
        var weights = supermarkets.Select(s => total > 0 ? (double)s.DailyStock[o.Kind] : 1.0).ToList();
        var split = Apportionment.Split(target, weights);
        return scenario with
        {
            Supermarkets = supermarkets.Select((s, i) => s with { DailyStock = s.DailyStock.With(o.Kind, split[i]) }).ToList(),
        };
    }

    /// <summary>
    /// Keeps each group's share of the list: shrinking keeps the first of each group, growing adds numbered copies.
    /// </summary>
    private static List<T> Resize<T>(IReadOnlyList<T> items, Func<T, string> group, long target, Func<T, int, T> copy)
    {
        if (items.Count == 0)
        {
            return [];
        }

        var groups = items.GroupBy(group, StringComparer.Ordinal).ToList();
        var counts = Apportionment.Split((int)Math.Min(target, int.MaxValue / 2), groups.Select(g => (double)g.Count()).ToList());
        var result = new List<T>((int)target);
        for (int g = 0; g < groups.Count; g++)
        {
            var members = groups[g].ToList();
            for (int i = 0; i < counts[g]; i++)
            {
                var item = members[i % members.Count];
                result.Add(i < members.Count ? item : copy(item, i / members.Count));
            }
        }

        return result;
    }
}
