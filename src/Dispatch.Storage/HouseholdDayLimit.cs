using Dispatch.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Storage;

/// <summary>
/// At most so many orders per household per plan day, from all supermarkets together. Checked under the store's single
/// writer, against what is stored plus the batches written before in the same commit, so two batches at once cannot
/// both take a household's last place.
/// </summary>
internal sealed class HouseholdDayLimit(int maxOrdersPerHouseholdPerDay)
{
    public bool IsOff => maxOrdersPerHouseholdPerDay <= 0;

    /// <summary>
    /// For each batch in write order, the engine-wide ids of its orders that would pass the limit (empty: it fits).
    /// A batch that does not fit is not written, so its orders do not count for the batches after it.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlySet<string>>> OverLimitAsync(DispatchDbContext db, IReadOnlyList<IReadOnlyList<Order>> batches, CancellationToken cancellationToken)
    {
        var counts = await StoredCountsAsync(db, batches.SelectMany(b => b).Select(o => (o.GridId, o.Day)).Distinct(), cancellationToken);
        var result = new List<IReadOnlySet<string>>(batches.Count);
        foreach (var batch in batches)
        {
            var added = new Dictionary<(string Household, int Day), int>();
            var over = new HashSet<string>(StringComparer.Ordinal);
            foreach (var order in batch)
            {
                var key = (order.HouseholdId, order.Day);
                int now = counts.GetValueOrDefault(key) + added.GetValueOrDefault(key);
                if (now >= maxOrdersPerHouseholdPerDay)
                {
                    over.Add(order.Id);
                }
                else
                {
                    added[key] = added.GetValueOrDefault(key) + 1;
                }
            }

            if (over.Count == 0)
            {
                foreach (var (key, n) in added)
                {
                    counts[key] = counts.GetValueOrDefault(key) + n;
                }
            }

            result.Add(over);
        }

        return result;
    }

    // A household lives in one grid, so its orders of a day are among its grid's (one index range each). Asked for
    // every grid and day of every group commit: compiled once, not looked up in EF's query cache each time. Per
    // limit (one per store), not static: a compiled query runs against one model, and SQLite's and PostgreSQL's differ.
    private readonly Func<DispatchDbContext, string, int, IAsyncEnumerable<HouseholdOrders>> _storedCounts =
        EF.CompileAsyncQuery((DispatchDbContext db, string gridId, int day) =>
            db.Orders.AsNoTracking()
                .Where(o => o.GridId == gridId && o.Day == day)
                .GroupBy(o => o.HouseholdId)
                .Select(g => new HouseholdOrders(g.Key, g.Count())));

    private async Task<Dictionary<(string Household, int Day), int>> StoredCountsAsync(
        DispatchDbContext db, IEnumerable<(string GridId, int Day)> gridDays, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<(string Household, int Day), int>();
        foreach (var (gridId, day) in gridDays)
        {
            await foreach (var row in _storedCounts(db, gridId, day).WithCancellation(cancellationToken))
            {
                counts[(row.HouseholdId, day)] = row.Orders;
            }
        }

        return counts;
    }

    private sealed record HouseholdOrders(string HouseholdId, int Orders);
}
