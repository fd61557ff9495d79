using Dispatch.Domain.Orders;
using Dispatch.Domain.Supply;
using Dispatch.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Storage.Tests;

/// <summary>What OrderStore answers, the same on every database: each subclass runs these on one.</summary>
public abstract class OrderStoreTests
{
    private readonly OrderStore _store;

    protected OrderStoreTests(DispatchDatabase database)
    {
        Database = database;
        Database.Migrate();
        _store = new OrderStore(Database);
    }

    protected DispatchDatabase Database { get; }

    private static BatchReceipt Receipt(string batchId, int count) =>
        new("SM1", batchId, "G-1", 3, count, count, [new OrderRejection(count, "bad", "orders[0].household_id", "unknown household")], 1_700_000_000);

    private static List<Order> Orders(string prefix, int count) => Enumerable.Range(0, count)
        .Select(i => new Order($"{prefix}-{i:D6}", $"H-{i}", "G-1", "SM1", prefix, 3, new BundleCounts(i % 3, 1, i % 2, i % 5 == 0 ? 1 : 0), OrderStatus.Received, 1_700_000_000 + i))
        .ToList();

    [Fact]
    public void Migrations_apply_on_an_empty_database_and_create_every_table()
    {
        using var db = Database.Open();

        Assert.Empty(db.Database.GetPendingMigrations());
        Assert.Equal(db.Database.GetMigrations(), db.Database.GetAppliedMigrations());
        Assert.Equal(0, db.Orders.Count());
        Assert.Equal(0, db.Batches.Count());
        Assert.Equal(0, db.OrderEvents.Count());
        Assert.Equal(0, db.Plans.Count());
        Assert.Equal(0, db.LiveReports.Count());
        Assert.Equal(0, db.SignInLinks.Count());
        Assert.Equal(0, db.IssuedKeys.Count());
    }

    [Fact]
    public async Task Bulk_insert_round_trips_every_order_and_the_receipt()
    {
        var orders = Orders("B1", 5_000);

        var outcome = await _store.StoreBatchAsync(Receipt("B1", orders.Count), orders, CancellationToken.None);

        Assert.False(outcome.WasAlreadyStored);
        Assert.Equal(5_000, await _store.CountOrdersAsync(CancellationToken.None));
        foreach (var expected in orders.Where((_, i) => i % 499 == 0))
        {
            Assert.Equal(expected, await _store.GetOrderAsync(expected.Id, CancellationToken.None));
        }

        var receipt = await _store.FindBatchAsync("SM1", "B1", CancellationToken.None);
        Assert.NotNull(receipt);
        Assert.Equal(5_000, receipt!.AcceptedCount);
        Assert.Equal("unknown household", Assert.Single(receipt.Rejected).Reason);
    }

    [Fact]
    public async Task Same_batch_twice_is_stored_once()
    {
        await _store.StoreBatchAsync(Receipt("B1", 10), Orders("B1", 10), CancellationToken.None);

        var again = await _store.StoreBatchAsync(Receipt("B1", 10), Orders("B1-again", 10), CancellationToken.None);

        Assert.True(again.WasAlreadyStored);
        Assert.Equal(10, await _store.CountOrdersAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Batches_stored_at_once_share_commits_yet_each_gets_its_own_answer()
    {
        await _store.StoreBatchAsync(Receipt("OLD", 2), Orders("OLD", 2), CancellationToken.None);
        var good = Enumerable.Range(1, 20).Select(i => (Receipt: Receipt($"G{i}", 50), Orders: Orders($"G{i}", 50))).ToList();
        var clash = Orders("C", 3);
        clash[2] = clash[2] with { Id = "OLD-000001" };
        var sameIdAsAGoodOne = Orders("D", 2);
        sameIdAsAGoodOne[0] = sameIdAsAGoodOne[0] with { Id = "G7-000003" };

        // From many threads at once (as the server's streams do), so batches queue behind each other and go in groups.
        var all = good.Select(g => (g.Receipt, g.Orders))
            .Concat([(Receipt("C", 3), clash), (Receipt("OLD", 2), Orders("OLD-again", 2)), (Receipt("D", 2), sameIdAsAGoodOne)])
            .Select(b => Task.Run(() => _store.StoreBatchAsync(b.Item1, b.Item2, CancellationToken.None)))
            .ToList();
        var outcomes = await Task.WhenAll(all);

        // G7 and D both claim G7-000003: whichever went first is stored, the other names the id and stores nothing.
        var (g7, d) = (outcomes[6], outcomes[22]);
        Assert.True(g7.Receipt is not null ^ d.Receipt is not null);
        Assert.Equal(["G7-000003"], (g7.Receipt is null ? g7 : d).TakenOrderIds);
        Assert.All(outcomes.Take(20).Where((_, i) => i != 6), o => Assert.False(o.Receipt is null || o.WasAlreadyStored));
        Assert.Equal(["OLD-000001"], outcomes[20].TakenOrderIds);
        Assert.True(outcomes[21].WasAlreadyStored);
        Assert.Equal(2 + (19 * 50) + (g7.Receipt is null ? 2 : 50), await _store.CountOrdersAsync(CancellationToken.None));
        Assert.Null(await _store.FindBatchAsync("SM1", "C", CancellationToken.None));
        Assert.NotNull(await _store.FindBatchAsync("SM1", "G20", CancellationToken.None));
    }

    [Fact]
    public async Task Batch_with_a_taken_order_id_writes_nothing_and_names_the_id()
    {
        await _store.StoreBatchAsync(Receipt("B1", 3), Orders("X", 3), CancellationToken.None);
        var clash = Orders("Y", 3);
        clash[1] = clash[1] with { Id = "X-000002" };

        var outcome = await _store.StoreBatchAsync(Receipt("B2", 3), clash, CancellationToken.None);

        Assert.Null(outcome.Receipt);
        Assert.Equal(new[] { "X-000002" }, outcome.TakenOrderIds.ToArray());
        Assert.Null(await _store.FindBatchAsync("SM1", "B2", CancellationToken.None));
        Assert.Equal(3, await _store.CountOrdersAsync(CancellationToken.None));
        Assert.Null(await _store.GetOrderAsync("Y-000000", CancellationToken.None));
    }

    [Fact]
    public async Task Order_ids_are_unique_per_supermarket_so_another_supermarket_may_use_the_same_ones()
    {
        static Order Scoped(string supermarketId, string ownId, string batchId) =>
            new(new OrderRef(supermarketId, ownId).ToString(), "H-1", "G-1", supermarketId, batchId, 3, new BundleCounts(0, 1, 0, 0), OrderStatus.Received, 1_700_000_000)
            {
                SupermarketOrderId = ownId,
            };

        await _store.StoreBatchAsync(Receipt("B1", 1), [Scoped("SM1", "O-1", "B1")], CancellationToken.None);

        var sm2 = await _store.StoreBatchAsync(Receipt("B1", 1) with { SupermarketId = "SM2" }, [Scoped("SM2", "O-1", "B1")], CancellationToken.None);
        var sm1Again = await _store.StoreBatchAsync(Receipt("B2", 1), [Scoped("SM1", "O-1", "B2")], CancellationToken.None);

        Assert.NotNull(sm2.Receipt);
        Assert.Equal(["SM1/O-1"], sm1Again.TakenOrderIds);
        Assert.Equal("SM1", (await _store.GetOrderAsync("SM1", "O-1", CancellationToken.None))!.SupermarketId);
        var theirs = await _store.GetOrderAsync("SM2", "O-1", CancellationToken.None);
        Assert.Equal(("SM2/O-1", "O-1"), (theirs!.Id, theirs.SupermarketOrderId));
        Assert.Equal(2, (await _store.FindBySupermarketOrderIdAsync("O-1", 5, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Status_changes_append_to_history_and_move_the_current_status()
    {
        var orders = Orders("B1", 2);
        await _store.StoreBatchAsync(Receipt("B1", 2), orders, CancellationToken.None);

        await _store.AppendStatusChangesAsync(
            [new OrderStatusChange("B1-000001", OrderStatus.Planned, 1_700_000_100, "plan v1"), new OrderStatusChange("B1-000001", OrderStatus.OnTruck, 1_700_000_200, "truck T1")],
            CancellationToken.None);

        var order = await _store.GetOrderAsync("B1-000001", CancellationToken.None);
        Assert.Equal(OrderStatus.OnTruck, order!.Status);
        var history = await _store.GetHistoryAsync(order, CancellationToken.None);
        Assert.Equal(new[] { OrderStatus.Received, OrderStatus.Planned, OrderStatus.OnTruck }, history.Select(h => h.Status));
        Assert.Equal(OrderStatus.Received, (await _store.GetOrderAsync("B1-000000", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Statuses_of_a_day_hold_every_stored_change_of_that_days_orders_only()
    {
        var orders = Orders("B1", 3);
        await _store.StoreBatchAsync(Receipt("B1", 3), orders, CancellationToken.None);
        var otherDay = new Order("OTHER-1", "H-9", "G-1", "SM1", "B2", 4, new BundleCounts(0, 1, 0, 0), OrderStatus.Received, 1_700_000_000);
        await _store.StoreBatchAsync(Receipt("B2", 1) with { Day = 4 }, [otherDay], CancellationToken.None);
        await _store.AppendStatusChangesAsync(
            [
                new(orders[0].Id, OrderStatus.Planned, 1, "plan"),
                new(orders[0].Id, OrderStatus.OnTruck, 2, "departed"),
                new(orders[0].Id, OrderStatus.Planned, 3, "plan again"),
                new(orders[1].Id, OrderStatus.Planned, 1, "plan"),
                new(otherDay.Id, OrderStatus.Planned, 1, "plan"),
            ],
            CancellationToken.None);

        var statuses = await _store.StatusesOfDayAsync(3, CancellationToken.None);

        Assert.Equal(2, statuses.Count);
        Assert.True(statuses[orders[0].Id].SetEquals([OrderStatus.Planned, OrderStatus.OnTruck]));
        Assert.True(statuses[orders[1].Id].SetEquals([OrderStatus.Planned]));
        Assert.False(statuses.ContainsKey(otherDay.Id));
    }

    [Fact]
    public async Task Listing_pages_in_order_id_order_by_code_point()
    {
        // Mixed case, '-', '/' and '_' sort differently under a locale's collation than by code point.
        string[] ids = ["a-2", "A-1", "a_1", "a/3", "B-1", "b-0", "Z", "_x", "a-10"];
        var orders = ids.Select(id => new Order(id, "H-1", "G-1", "SM1", "B1", 3, new BundleCounts(0, 1, 0, 0), OrderStatus.Received, 1_700_000_000) { SupermarketOrderId = id }).ToList();
        await _store.StoreBatchAsync(Receipt("B1", orders.Count), orders, CancellationToken.None);

        var listed = new List<string>();
        string? after = null;
        do
        {
            var page = await _store.ListOrdersAsync(new OrderQuery(null, null, null, null, 4, after), CancellationToken.None);
            listed.AddRange(page.Orders.Select(o => o.Id));
            after = page.LastOrderIdIfMore;
        }
        while (after is not null);

        Assert.Equal(ids.Order(StringComparer.Ordinal), listed);
    }

    [Fact]
    public async Task Household_day_limit_refuses_the_batch_that_would_pass_it_and_stores_nothing_of_it()
    {
        var store = new OrderStore(Database, maxOrdersPerHouseholdPerDay: 2);
        static Order For(string id, string household) => new(id, household, "G-1", "SM1", "B", 3, new BundleCounts(0, 1, 0, 0), OrderStatus.Received, 1_700_000_000) { SupermarketOrderId = id };
        var first = await store.StoreBatchAsync(Receipt("L1", 2), [For("L1-1", "H-1"), For("L1-2", "H-2")], CancellationToken.None);

        var second = await store.StoreBatchAsync(Receipt("L2", 3), [For("L2-1", "H-1"), For("L2-2", "H-1"), For("L2-3", "H-3")], CancellationToken.None);
        var third = await store.StoreBatchAsync(Receipt("L3", 1), [For("L3-1", "H-1")], CancellationToken.None);

        Assert.NotNull(first.Receipt);
        Assert.Null(second.Receipt);
        Assert.Equal(["L2-2"], second.OverLimitOrderIds);
        Assert.NotNull(third.Receipt);
        Assert.Equal(3, await store.CountOrdersAsync(CancellationToken.None));
        Assert.Null(await store.FindBatchAsync("SM1", "L2", CancellationToken.None));
    }
}

/// <summary>OrderStore on a fresh SQLite file.</summary>
public sealed class SqliteOrderStoreTests() : OrderStoreTests(DispatchDatabase.For(StorageTarget.Sqlite(SqliteFiles.NewPath()))), IDisposable
{
    public void Dispose() => SqliteFiles.Delete(Database);

    [Fact]
    public void The_file_is_in_write_ahead_log_mode()
    {
        using var db = Database.Open();
        Assert.Equal("wal", db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").AsEnumerable().Single());
    }
}

/// <summary>OrderStore on a fresh schema of the private PostgreSQL.</summary>
[Collection(Dispatch.Tests.Postgres.PrivatePostgresCollection.Name)]
public sealed class PostgresOrderStoreTests(Dispatch.Tests.Postgres.PrivatePostgres postgres) : OrderStoreTests(DispatchDatabase.For(postgres.NewSchema()));
