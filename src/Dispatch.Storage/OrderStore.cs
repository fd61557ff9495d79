using System.Collections.Concurrent;
using System.Text.Json;
using Dispatch.Domain.Orders;
using Dispatch.Domain.Supply;
using Dispatch.Storage.Rows;
using LinqToDB;
using LinqToDB.Data;
using LinqToDB.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dispatch.Storage;

/// <summary>
/// Orders and batches. Writes go one at a time (SQLite has one writer; on PostgreSQL the batches table is locked for
/// the write, so several processes on one schema take turns) and each batch is one transaction: the batch's answer and
/// all its accepted orders are stored together or not at all.
/// </summary>
/// <param name="maxOrdersPerHouseholdPerDay">Orders a household may have for one plan day, all supermarkets together; 0: no limit.</param>
public sealed class OrderStore(DispatchDatabase database, int maxOrdersPerHouseholdPerDay = 0)
{
    // Measured on 100 k rows: 100 rows per INSERT beat 500 and 2,000 (long statements cost more to parse than they save).
    private const int MultipleRowsPerStatement = 100;
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);
    private const int MaxRowsPerGroupCommit = 20_000;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly ConcurrentQueue<PendingBatch> _queued = new();
    private readonly HouseholdDayLimit _householdDays = new(maxOrdersPerHouseholdPerDay);

    // Asked once per batch before validation: compiled once, not looked up in EF's query cache each time. Per store,
    // not static: a compiled query runs against one model, and SQLite's and PostgreSQL's differ.
    private readonly Func<DispatchDbContext, string, string, CancellationToken, Task<BatchRow?>> _findBatch =
        EF.CompileAsyncQuery((DispatchDbContext db, string supermarketId, string batchId, CancellationToken _) =>
            db.Batches.AsNoTracking().SingleOrDefault(b => b.SupermarketId == supermarketId && b.BatchId == batchId));

    public async Task<BatchReceipt?> FindBatchAsync(string supermarketId, string batchId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var row = await _findBatch(db, supermarketId, batchId, cancellationToken);
        return row is null ? null : ToReceipt(row);
    }

    /// <summary>
    /// Stores the receipt and its orders in one transaction. When the batch id is already stored, nothing is
    /// written and the stored receipt is returned. When some order ids are already stored under another batch of the
    /// same supermarket, nothing is written and those orders' engine-wide ids are returned, so the caller can reject
    /// them and try again.
    /// </summary>
    public async Task<BatchWriteOutcome> StoreBatchAsync(BatchReceipt receipt, IReadOnlyList<Order> orders, CancellationToken cancellationToken)
    {
        // Group commit: whoever holds the writer stores every batch queued meanwhile in one transaction, so batches
        // arriving together share one commit instead of queueing for one each.
        var pending = new PendingBatch(receipt, orders);
        _queued.Enqueue(pending);
        try
        {
            await _writer.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Given up while queued: the holder skips it (unless already being written: then it is stored
            // unanswered, as any unacknowledged batch may be).
            pending.Outcome.TrySetCanceled(cancellationToken);
            throw;
        }

        try
        {
            if (!pending.Outcome.Task.IsCompleted)
            {
                await WriteQueuedAsync();
            }
        }
        finally
        {
            _writer.Release();
        }

        return await pending.Outcome.Task;
    }

    /// <summary>
    /// Under the writer: the queued batches, together while that works, else one by one. Not cancellable: the group
    /// holds other callers' batches, and one caller giving up must not leave theirs unanswered.
    /// </summary>
    private async Task WriteQueuedAsync()
    {
        var group = new List<PendingBatch>();
        int rows = 0;
        while (rows < MaxRowsPerGroupCommit && _queued.TryDequeue(out var next))
        {
            if (next.Outcome.Task.IsCompleted)
            {
                continue;
            }

            group.Add(next);
            rows += next.Orders.Count + 1;
        }

        await using var db = database.Open();
        if (group.Count > 1)
        {
            try
            {
                if (await WriteGroupAsync(db, group))
                {
                    group.ForEach(p => p.Outcome.TrySetResult(BatchWriteOutcome.Stored(p.Receipt)));
                    return;
                }
            }
            catch (Exception e) when (UniqueKeys.Violated(e))
            {
                // Some batch of the group repeats a stored id (or another's): each on its own says which.
            }
            catch (Exception e)
            {
                group.ForEach(p => p.Outcome.TrySetException(e));
                return;
            }
        }

        foreach (var batch in group)
        {
            try
            {
                batch.Outcome.TrySetResult(await WriteOneAsync(db, batch));
            }
            catch (Exception e)
            {
                batch.Outcome.TrySetException(e);
            }
        }
    }

    /// <summary>
    /// The group in one transaction, or false (nothing written) when together they would take some household past its
    /// orders per day (a replay in it may look like it does: then one by one decides).
    /// </summary>
    private async Task<bool> WriteGroupAsync(DispatchDbContext db, List<PendingBatch> group)
    {
        await using var transaction = await BeginBatchWriteAsync(db);
        if (!_householdDays.IsOff && (await _householdDays.OverLimitAsync(db, group.Select(p => p.Orders).ToList(), CancellationToken.None)).Any(o => o.Count > 0))
        {
            return false;
        }

        await WriteAsync(db, group, CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        return true;
    }

    /// <summary>
    /// The household-day check and the write in one transaction that holds the batches' write lock, so no other
    /// writer (another process on the same PostgreSQL schema) can take a household's last place in between.
    /// </summary>
    private async Task<IDbContextTransaction> BeginBatchWriteAsync(DispatchDbContext db)
    {
        var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        try
        {
            await database.LockForWritingAsync<BatchRow>(db, CancellationToken.None);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>Inside the open transaction, after the batches before it are committed: the orders that would pass the limit, or null when it fits (or is a replay).</summary>
    private async Task<BatchWriteOutcome?> HouseholdsFullAsync(DispatchDbContext db, PendingBatch batch)
    {
        if (_householdDays.IsOff || batch.Orders.Count == 0)
        {
            return null;
        }

        var over = (await _householdDays.OverLimitAsync(db, [batch.Orders], CancellationToken.None))[0];
        if (over.Count == 0)
        {
            return null;
        }

        bool replay = await db.Batches.AsNoTracking().AnyAsync(b => b.SupermarketId == batch.Receipt.SupermarketId && b.BatchId == batch.Receipt.BatchId);
        return replay ? null : BatchWriteOutcome.HouseholdsFull(over);
    }

    private async Task<BatchWriteOutcome> WriteOneAsync(DispatchDbContext db, PendingBatch batch)
    {
        var (receipt, orders) = (batch.Receipt, batch.Orders);
        try
        {
            await using var transaction = await BeginBatchWriteAsync(db);
            if (await HouseholdsFullAsync(db, batch) is { } full)
            {
                return full;
            }

            await WriteAsync(db, [batch], CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            return BatchWriteOutcome.Stored(receipt);
        }
        catch (Exception e) when (UniqueKeys.Violated(e))
        {
            // The unique keys decide, not a look-up before the write: one query less per batch on the hot path. The
            // transaction is rolled back by now; a writer that stored the same batch id meanwhile has committed.
            var existing = await db.Batches.AsNoTracking()
                .SingleOrDefaultAsync(b => b.SupermarketId == receipt.SupermarketId && b.BatchId == receipt.BatchId, CancellationToken.None);
            if (existing is not null)
            {
                return BatchWriteOutcome.AlreadyStored(ToReceipt(existing));
            }

            var taken = await FindTakenOrderIdsAsync(db, orders, CancellationToken.None);
            if (taken.Count == 0)
            {
                throw;
            }

            return BatchWriteOutcome.OrderIdsTaken(taken);
        }
    }

    /// <summary>Inside <paramref name="db"/>'s open transaction: the batch rows, then their orders.</summary>
    private async Task WriteAsync(DispatchDbContext db, IReadOnlyList<PendingBatch> batches, CancellationToken cancellationToken)
    {
        await using var connection = db.CreateLinqToDBConnection();
        var copy = new BulkCopyOptions { BulkCopyType = BulkCopyType.MultipleRows, MaxBatchSize = MultipleRowsPerStatement };
        await connection.BulkCopyAsync(copy, batches.Select(b => ToRow(b.Receipt)), cancellationToken);
        if (!batches.Any(b => b.Orders.Count > 0))
        {
            return;
        }

        // The orders are nearly all of the rows: on SQLite prepared inserts on the same connection and transaction, on
        // PostgreSQL a binary COPY.
        if (database.IsPostgres)
        {
            await connection.BulkCopyAsync(new BulkCopyOptions { BulkCopyType = BulkCopyType.ProviderSpecific }, batches.SelectMany(b => b.Orders).Select(ToRow), cancellationToken);
        }
        else
        {
            OrderRowInsert.Write(db.Model, db.Database.GetDbConnection(), batches.SelectMany(b => b.Orders));
        }
    }

    private sealed record PendingBatch(BatchReceipt Receipt, IReadOnlyList<Order> Orders)
    {
        public TaskCompletionSource<BatchWriteOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>The ids (engine-wide) of <paramref name="orders"/> already stored: the same engine-wide id, or the same supermarket's own id.</summary>
    private static async Task<HashSet<string>> FindTakenOrderIdsAsync(DispatchDbContext db, IReadOnlyList<Order> orders, CancellationToken cancellationToken)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in orders.Chunk(500))
        {
            var ids = chunk.Select(o => o.Id).ToList();
            taken.UnionWith(await db.Orders.AsNoTracking().Where(o => ids.Contains(o.OrderId)).Select(o => o.OrderId).ToListAsync(cancellationToken));
            foreach (var supermarket in chunk.GroupBy(o => o.SupermarketId, StringComparer.Ordinal))
            {
                var own = supermarket.Select(o => o.SupermarketOrderId).ToList();
                var found = await db.Orders.AsNoTracking()
                    .Where(o => o.SupermarketId == supermarket.Key && own.Contains(o.SupermarketOrderId))
                    .Select(o => o.SupermarketOrderId)
                    .ToListAsync(cancellationToken);
                var foundSet = found.ToHashSet(StringComparer.Ordinal);
                taken.UnionWith(supermarket.Where(o => foundSet.Contains(o.SupermarketOrderId)).Select(o => o.Id));
            }
        }

        return taken;
    }

    /// <summary>The order with this engine-wide id.</summary>
    public async Task<Order?> GetOrderAsync(string orderId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var row = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.OrderId == orderId, cancellationToken);
        return row is null ? null : ToOrder(row);
    }

    /// <summary>The order a supermarket knows by its own id.</summary>
    public async Task<Order?> GetOrderAsync(string supermarketId, string supermarketOrderId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var row = await db.Orders.AsNoTracking()
            .SingleOrDefaultAsync(o => o.SupermarketId == supermarketId && o.SupermarketOrderId == supermarketOrderId, cancellationToken);
        return row is null ? null : ToOrder(row);
    }

    /// <summary>Orders of any supermarket with this own id (at most <paramref name="limit"/>), for staff who did not say whose.</summary>
    public async Task<IReadOnlyList<Order>> FindBySupermarketOrderIdAsync(string supermarketOrderId, int limit, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var rows = await db.Orders.AsNoTracking()
            .Where(o => o.SupermarketOrderId == supermarketOrderId)
            .OrderBy(o => o.OrderId)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return rows.Select(ToOrder).ToList();
    }

    /// <summary>The order's history, oldest first, starting with the moment it was received.</summary>
    public async Task<IReadOnlyList<OrderStatusChange>> GetHistoryAsync(Order order, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var events = await db.OrderEvents.AsNoTracking()
            .Where(e => e.OrderId == order.Id)
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);
        var history = new List<OrderStatusChange>(events.Count + 1)
        {
            new(order.Id, OrderStatus.Received, order.ReceivedAtUnixSeconds, $"batch {order.BatchId}"),
        };
        history.AddRange(events.Select(e => new OrderStatusChange(e.OrderId, (OrderStatus)e.Status, e.AtUnixSeconds, e.Reason)));
        return history;
    }

    /// <summary>Appends status changes to orders' histories and moves their current status, in one transaction.</summary>
    public Task AppendStatusChangesAsync(IReadOnlyList<OrderStatusChange> changes, CancellationToken cancellationToken) =>
        AppendAsync(changes, historyOnly: false, cancellationToken);

    /// <summary>
    /// Appends entries to orders' histories without moving their current status: news about an order already further
    /// along (its pickup slot moved while its goods are in disinfection).
    /// </summary>
    public Task AppendHistoryAsync(IReadOnlyList<OrderStatusChange> changes, CancellationToken cancellationToken) =>
        AppendAsync(changes, historyOnly: true, cancellationToken);

    private async Task AppendAsync(IReadOnlyList<OrderStatusChange> changes, bool historyOnly, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return;
        }

        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var db = database.Open();
            await using var connection = db.CreateLinqToDBConnection();
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await WriteStatusChangesAsync(connection, changes, cancellationToken, historyOnly);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Inside the caller's transaction: the history rows and (unless <paramref name="historyOnly"/>) each order's current status.</summary>
    internal static async Task WriteStatusChangesAsync(DataConnection connection, IReadOnlyList<OrderStatusChange> changes, CancellationToken cancellationToken, bool historyOnly = false)
    {
        await connection.BulkCopyAsync(
            new BulkCopyOptions { BulkCopyType = BulkCopyType.MultipleRows },
            changes.Select(c => new OrderEventRow { OrderId = c.OrderId, Status = (int)c.Status, AtUnixSeconds = c.AtUnixSeconds, Reason = c.Reason }),
            cancellationToken);
        foreach (var change in historyOnly ? [] : changes)
        {
            await connection.GetTable<OrderRow>()
                .Where(o => o.OrderId == change.OrderId)
                .Set(o => o.Status, (int)change.Status)
                .Set(o => o.StatusChangedAtUnixSeconds, change.AtUnixSeconds)
                .UpdateAsync(cancellationToken);
        }
    }

    public async Task<OrderPage> ListOrdersAsync(OrderQuery query, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        IQueryable<OrderRow> rows = db.Orders.AsNoTracking();
        if (query.SupermarketId is { } supermarketId)
        {
            rows = rows.Where(o => o.SupermarketId == supermarketId);
        }

        if (query.GridId is { } gridId)
        {
            rows = rows.Where(o => o.GridId == gridId);
        }

        if (query.Status is { } status)
        {
            rows = rows.Where(o => o.Status == (int)status);
        }

        if (query.Day is { } day)
        {
            rows = rows.Where(o => o.Day == day);
        }

        if (query.AfterOrderId is { } after)
        {
            rows = rows.Where(o => string.Compare(o.OrderId, after) > 0);
        }

        var page = await rows.OrderBy(o => o.OrderId).Take(query.PageSize + 1).ToListAsync(cancellationToken);
        bool more = page.Count > query.PageSize;
        if (more)
        {
            page.RemoveAt(page.Count - 1);
        }

        return new OrderPage(page.Select(ToOrder).ToList(), more ? page[^1].OrderId : null);
    }

    /// <summary>Every order of a plan day, in order id order.</summary>
    public async Task<IReadOnlyList<Order>> OrdersOfDayAsync(int day, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var rows = await db.Orders.AsNoTracking().Where(o => o.Day == day).OrderBy(o => o.OrderId).ToListAsync(cancellationToken);
        return rows.Select(ToOrder).ToList();
    }

    /// <summary>Every status each order of a plan day has had since it was received, in one query.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlySet<OrderStatus>>> StatusesOfDayAsync(int day, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var rows = await db.OrderEvents.AsNoTracking()
            .Join(db.Orders.Where(o => o.Day == day), e => e.OrderId, o => o.OrderId, (e, o) => new { e.OrderId, e.Status })
            .Distinct()
            .ToListAsync(cancellationToken);
        var statuses = new Dictionary<string, IReadOnlySet<OrderStatus>>(StringComparer.Ordinal);
        foreach (var group in rows.GroupBy(r => r.OrderId, StringComparer.Ordinal))
        {
            statuses[group.Key] = group.Select(r => (OrderStatus)r.Status).ToHashSet();
        }

        return statuses;
    }

    public async Task<int> CountOrdersAsync(CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        return await db.Orders.CountAsync(cancellationToken);
    }

    private static Order ToOrder(OrderRow r) => new(
        r.OrderId, r.HouseholdId, r.GridId, r.SupermarketId, r.BatchId, r.Day,
        new BundleCounts(r.MeatAndVegetable, r.Vegetable, r.RiceAndFlour, r.Medicine),
        (OrderStatus)r.Status, r.ReceivedAtUnixSeconds)
    {
        SupermarketOrderId = r.SupermarketOrderId,
    };

    private static OrderRow ToRow(Order o) => new()
    {
        OrderId = o.Id,
        SupermarketId = o.SupermarketId,
        SupermarketOrderId = o.SupermarketOrderId,
        BatchId = o.BatchId,
        GridId = o.GridId,
        HouseholdId = o.HouseholdId,
        Day = o.Day,
        MeatAndVegetable = o.Bundles.MeatAndVegetable,
        Vegetable = o.Bundles.Vegetable,
        RiceAndFlour = o.Bundles.RiceAndFlour,
        Medicine = o.Bundles.Medicine,
        Status = (int)o.Status,
        ReceivedAtUnixSeconds = o.ReceivedAtUnixSeconds,
        StatusChangedAtUnixSeconds = o.ReceivedAtUnixSeconds,
    };

    private static BatchRow ToRow(BatchReceipt r) => new()
    {
        SupermarketId = r.SupermarketId,
        BatchId = r.BatchId,
        GridId = r.GridId,
        Day = r.Day,
        OrderCount = r.OrderCount,
        AcceptedCount = r.AcceptedCount,
        RejectionsJson = JsonSerializer.Serialize(r.Rejected, s_json),
        ReceivedAtUnixSeconds = r.ReceivedAtUnixSeconds,
    };

    private static BatchReceipt ToReceipt(BatchRow r) => new(
        r.SupermarketId, r.BatchId, r.GridId, r.Day, r.OrderCount, r.AcceptedCount,
        JsonSerializer.Deserialize<List<OrderRejection>>(r.RejectionsJson, s_json) ?? [],
        r.ReceivedAtUnixSeconds);
}

/// <summary>
/// What happened to a batch write: stored, already stored earlier, or nothing written because order ids are taken or
/// some orders would give their household more orders that day than allowed.
/// </summary>
public sealed record BatchWriteOutcome(BatchReceipt? Receipt, bool WasAlreadyStored, IReadOnlySet<string> TakenOrderIds)
{
    /// <summary>Engine-wide ids of the orders whose household already has the most orders allowed for the day.</summary>
    public IReadOnlySet<string> OverLimitOrderIds { get; init; } = new HashSet<string>();

    public static BatchWriteOutcome Stored(BatchReceipt receipt) => new(receipt, false, new HashSet<string>());

    public static BatchWriteOutcome AlreadyStored(BatchReceipt receipt) => new(receipt, true, new HashSet<string>());

    public static BatchWriteOutcome OrderIdsTaken(IReadOnlySet<string> ids) => new(null, false, ids);

    public static BatchWriteOutcome HouseholdsFull(IReadOnlySet<string> ids) => new(null, false, new HashSet<string>()) { OverLimitOrderIds = ids };
}
