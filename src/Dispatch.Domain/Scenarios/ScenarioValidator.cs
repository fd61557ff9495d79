using Dispatch.Domain.Supply;

namespace Dispatch.Domain.Scenarios;

/// <summary>Checks a scenario's cross-references and ranges; returns one line per problem.</summary>
public static class ScenarioValidator
{
    public static IReadOnlyList<string> Validate(Scenario s)
    {
        var problems = new List<string>();
        void Duplicates<T>(IEnumerable<T> items, Func<T, string> id, string what)
        {
            foreach (var dup in items.GroupBy(id).Where(g => g.Count() > 1))
            {
                problems.Add($"{what} id '{dup.Key}' is used {dup.Count()} times");
            }
        }

        Duplicates(s.Communities, c => c.Id, "community");
        Duplicates(s.Gates, g => g.Id, "gate");
        Duplicates(s.Grids, g => g.Id, "grid");
        Duplicates(s.Households, h => h.Id, "household");
        Duplicates(s.Supermarkets, m => m.Id, "supermarket");
        Duplicates(s.Vehicles, v => v.Id, "vehicle");
        Duplicates(s.Volunteers, v => v.Id, "volunteer");

        var communities = s.Communities.Select(c => c.Id).ToHashSet();
        var gates = s.Gates.Select(g => g.Id).ToHashSet();
        var grids = s.Grids.ToDictionary(g => g.Id, g => g, StringComparer.Ordinal);
        var supermarkets = s.Supermarkets.Select(m => m.Id).ToHashSet();

        foreach (var gate in s.Gates)
        {
            if (!communities.Contains(gate.CommunityId)) problems.Add($"gate {gate.Id}: unknown community '{gate.CommunityId}'");
            if (gate.Disinfection.CapacityGramsPerCycle <= 0) problems.Add($"gate {gate.Id}: disinfection capacity must be positive");
            if (gate.Disinfection.DisinfectionSeconds <= 0 || gate.Disinfection.RestSeconds < 0) problems.Add($"gate {gate.Id}: disinfection and rest times must be positive");
            if (gate.Pickup.CrowdCap <= 0) problems.Add($"gate {gate.Id}: crowd cap must be positive");
            if (gate.Buffer is { CapacityGrams: <= 0 }) problems.Add($"gate {gate.Id}: buffer capacity must be positive");
            if (gate.ReceivingClosesAtSeconds <= gate.ReceivingOpensAtSeconds) problems.Add($"gate {gate.Id}: receiving window closes before it opens");
            if (!gate.Location.IsValid) problems.Add($"gate {gate.Id}: location out of range");
        }

        foreach (var grid in s.Grids)
        {
            if (!communities.Contains(grid.CommunityId)) problems.Add($"grid {grid.Id}: unknown community '{grid.CommunityId}'");
            if (grid.Level is not (1 or 2)) problems.Add($"grid {grid.Id}: level must be 1 or 2");
            if (grid.Level == 2)
            {
                if (grid.ParentGridId is null || !grids.TryGetValue(grid.ParentGridId, out var parent) || parent.Level != 1)
                    problems.Add($"grid {grid.Id}: parent '{grid.ParentGridId}' is not a first-level grid");
                if (grid.GateId is null || !gates.Contains(grid.GateId)) problems.Add($"grid {grid.Id}: unknown gate '{grid.GateId}'");
                if (grid.AssignedSupermarketId is null || !supermarkets.Contains(grid.AssignedSupermarketId))
                    problems.Add($"grid {grid.Id}: unknown supermarket '{grid.AssignedSupermarketId}'");
            }
        }

        foreach (var h in s.Households)
        {
            if (!grids.TryGetValue(h.GridId, out var grid) || grid.Level != 2) problems.Add($"household {h.Id}: '{h.GridId}' is not a second-level grid");
            if (h.Floor < 1) problems.Add($"household {h.Id}: floor must be 1 or more");
            if (!h.Location.IsValid) problems.Add($"household {h.Id}: location out of range");
        }

        foreach (var v in s.Vehicles)
        {
            if (!supermarkets.Contains(v.SupermarketId)) problems.Add($"vehicle {v.Id}: unknown supermarket '{v.SupermarketId}'");
            if (v.CapacityGrams <= 0) problems.Add($"vehicle {v.Id}: capacity must be positive");
            if (!v.Shift.IsValid) problems.Add($"vehicle {v.Id}: shift ends before it starts");
        }

        foreach (var v in s.Volunteers)
        {
            if (!gates.Contains(v.GateId)) problems.Add($"volunteer {v.Id}: unknown gate '{v.GateId}'");
            if (v.MaxHouseholds <= 0) problems.Add($"volunteer {v.Id}: max households must be positive");
            if (v.CarryLimitGrams <= 0) problems.Add($"volunteer {v.Id}: carry limit must be positive");
            if (!v.Shift.IsValid) problems.Add($"volunteer {v.Id}: shift ends before it starts");
        }

        foreach (var m in s.Supermarkets)
        {
            if (m.DailyStock.MeatAndVegetable < 0 || m.DailyStock.Vegetable < 0 || m.DailyStock.RiceAndFlour < 0 || m.DailyStock.Medicine < 0)
                problems.Add($"supermarket {m.Id}: stock must not be negative");
        }

        try
        {
            _ = new BundleCatalog(s.Bundles);
        }
        catch (ArgumentException e)
        {
            problems.Add(e.Message);
        }

        return problems;
    }
}
