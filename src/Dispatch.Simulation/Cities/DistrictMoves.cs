using Dispatch.Domain.Geography;
using Dispatch.Domain.Scenarios;
using Dispatch.Simulation.WhatIf;

namespace Dispatch.Simulation.Cities;

/// <summary>
/// Applies moves between districts to their scenarios, in the order given (a later move sees the earlier ones). Trucks
/// keep their capacity and shift and are based at the receiving district's supermarkets in turn, with ids scoped by
/// the district they came from (<c>city-d01/V07</c>); stock leaves the giving district's supermarkets in proportion to
/// their stock and joins the receiving district's in proportion to theirs, so the city's total is unchanged.
/// </summary>
public static class DistrictMoves
{
    /// <exception cref="ArgumentException">A move names an unknown district, the same district twice, or more than the giving district has.</exception>
    public static IReadOnlyDictionary<DistrictId, Scenario> Apply(IReadOnlyDictionary<DistrictId, Scenario> districts, IReadOnlyList<DistrictMove> moves)
    {
        var result = new Dictionary<DistrictId, Scenario>(districts);
        foreach (var move in moves)
        {
            foreach (var id in new[] { move.From, move.To })
            {
                if (!result.ContainsKey(id))
                {
                    throw new ArgumentException($"{move.Where}: '{move.Text}': no district '{id}' in the city (districts: {string.Join(", ", result.Keys.Select(k => k.Value).Order(StringComparer.Ordinal).Take(6))})");
                }
            }

            if (move.From == move.To)
            {
                throw new ArgumentException($"{move.Where}: '{move.Text}': moves from district {move.From} to itself");
            }

            (result[move.From], result[move.To]) = move switch
            {
                TruckMove t => MoveTrucks(result[t.From], result[t.To], t),
                StockMove s => MoveStock(result[s.From], result[s.To], s),
                _ => throw new ArgumentException($"{move.Where}: unknown move"),
            };
        }

        return result;
    }

    /// <summary>The districts a move changes: these alone need planning again.</summary>
    public static IReadOnlySet<DistrictId> Touched(IReadOnlyList<DistrictMove> moves) =>
        moves.SelectMany(m => new[] { m.From, m.To }).ToHashSet();

    private static (Scenario Giver, Scenario Taker) MoveTrucks(Scenario giver, Scenario taker, TruckMove move)
    {
        if (move.Trucks >= giver.Vehicles.Count)
        {
            throw new ArgumentException($"{move.Where}: '{move.Text}': district {move.From} has {giver.Vehicles.Count} trucks; it can give at most {giver.Vehicles.Count - 1} (one stays)");
        }

        if (taker.Supermarkets.Count == 0)
        {
            throw new ArgumentException($"{move.Where}: '{move.Text}': district {move.To} has no supermarket to base trucks at");
        }

        // The last trucks of the list leave: the availability draws of the ones that stay (drawn in list order) do not shift.
        int keep = giver.Vehicles.Count - move.Trucks;
        var moved = giver.Vehicles.Skip(keep).Select((v, i) => v with
        {
            Id = v.Id.Contains(DistrictId.ScopeSeparator, StringComparison.Ordinal) ? v.Id : new DistrictScopedId(move.From, v.Id).ToString(),
            SupermarketId = taker.Supermarkets[(taker.Vehicles.Count + i) % taker.Supermarkets.Count].Id,
        });
        return (giver with { Vehicles = giver.Vehicles.Take(keep).ToList() }, taker with { Vehicles = [.. taker.Vehicles, .. moved] });
    }

    private static (Scenario Giver, Scenario Taker) MoveStock(Scenario giver, Scenario taker, StockMove move)
    {
        if (taker.Supermarkets.Count == 0)
        {
            throw new ArgumentException($"{move.Where}: '{move.Text}': district {move.To} has no supermarket to take stock");
        }

        foreach (var amount in move.Amounts)
        {
            var kind = amount.Kind;
            int has = giver.Supermarkets.Sum(m => m.DailyStock[kind]);
            long leaving = amount.Amount.Kind switch
            {
                AmountKind.Percent => (long)Math.Round(has * -amount.Amount.Value / 100.0, MidpointRounding.AwayFromZero),
                AmountKind.Grams => (long)Math.Floor(amount.Amount.Value / amount.GramsPerBundle),
                _ => (long)amount.Amount.Value,
            };
            if (leaving > has)
            {
                string kindName = amount.Key[(amount.Key.IndexOf('.', StringComparison.Ordinal) + 1)..];
                throw new ArgumentException($"{move.Where}: '{move.Text}': district {move.From} has {has:N0} {kindName} bundles a day; it cannot give {leaving:N0}");
            }

            // Each side's new total, spread over its supermarkets in proportion to their stock as `--set stock.KIND=N` spreads it.
            int gets = taker.Supermarkets.Sum(m => m.DailyStock[kind]);
            giver = WhatIfScenario.ApplyResources(giver, [amount with { Amount = new Amount(AmountKind.Count, has - leaving) }]);
            taker = WhatIfScenario.ApplyResources(taker, [amount with { Amount = new Amount(AmountKind.Count, gets + leaving) }]);
        }

        return (giver, taker);
    }
}
