using Dispatch.Domain.Orders;
using Dispatch.Domain.Supply;
using Dispatch.Tests.Postgres;

namespace Dispatch.Storage.Tests;

/// <summary>PlanStore, LiveReportStore and SignInLinkStore answer the same on every database: each subclass runs these on one.</summary>
public abstract class StoreTests
{
    private static readonly CancellationToken s_none = CancellationToken.None;

    protected StoreTests(DispatchDatabase database)
    {
        Database = database;
        Database.Migrate();
    }

    protected DispatchDatabase Database { get; }

    [Fact]
    public async Task Plans_are_versioned_per_day_and_earlier_versions_stay_readable_until_deleted()
    {
        var plans = new PlanStore(Database);

        int first = await plans.SaveAsync("d-1", 3, 100, [1, 2, 3], s_none);
        int second = await plans.SaveAsync("d-1", 3, 200, [4, 5], s_none);
        int otherDay = await plans.SaveAsync("d-1", 4, 300, [6], s_none);
        var saved = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => plans.SaveAsync("d-1", 5, 400 + i, [(byte)i], s_none)));

        Assert.Equal((1, 2, 1), (first, second, otherDay));
        Assert.Equal(Enumerable.Range(1, 8), saved.Order());
        Assert.Equal([4, 5], (await plans.FindAsync("d-1", 3, 0, s_none))!.Document);
        Assert.Equal(100, (await plans.FindAsync("d-1", 3, 1, s_none))!.CreatedAtUnixSeconds);
        Assert.Equal(5, await plans.LatestDayAsync("d-1", s_none));
        Assert.Null(await plans.LatestDayAsync("d-2", s_none));
        Assert.Equal(7, await plans.DeleteVersionsAsync("d-1", 5, 0, 7, s_none));
        Assert.Null(await plans.FindAsync("d-1", 5, 3, s_none));
        Assert.Equal(8, (await plans.FindAsync("d-1", 5, 0, s_none))!.Version);
    }

    [Fact]
    public async Task A_live_report_is_stored_with_the_status_changes_it_causes_and_read_back_in_order()
    {
        var orders = new OrderStore(Database);
        var order = new Order("O-1", "H-1", "G-1", "SM1", "B1", 3, new BundleCounts(0, 1, 0, 0), OrderStatus.Received, 1_700_000_000) { SupermarketOrderId = "O-1" };
        await orders.StoreBatchAsync(new BatchReceipt("SM1", "B1", "G-1", 3, 1, 1, [], 1_700_000_000), [order], s_none);
        var reports = new LiveReportStore(Database);

        await reports.AppendAsync(new LiveReport("d-1", 3, "stop", "O-1", "{\"delivered\":true}", 1_700_000_100), [new OrderStatusChange("O-1", OrderStatus.Delivered, 1_700_000_100, "door")], s_none);
        await reports.AppendAsync(new LiveReport("d-1", 3, "note", "O-1", "{}", 1_700_000_200), [new OrderStatusChange("O-1", OrderStatus.Planned, 1_700_000_200, "audit")], s_none, historyOnly: true);
        await reports.AppendAsync(new LiveReport("d-1", 4, "stop", "O-9", "{}", 1_700_000_300), [], s_none);

        var day = await reports.OfDayAsync("d-1", 3, s_none);
        Assert.Equal(["stop", "note"], day.Select(r => r.Kind));
        Assert.Equal("{\"delivered\":true}", day[0].Document);
        var stored = await orders.GetOrderAsync("O-1", s_none);
        Assert.Equal(OrderStatus.Delivered, stored!.Status);
        Assert.Equal([OrderStatus.Received, OrderStatus.Delivered, OrderStatus.Planned], (await orders.GetHistoryAsync(stored, s_none)).Select(h => h.Status));
    }

    [Fact]
    public async Task A_sign_in_link_is_redeemed_once_and_never_after_it_expires()
    {
        var links = new SignInLinkStore(Database);
        await links.CreateAsync("t1", "V-1", 100, 200, s_none);
        await links.CreateAsync("t2", "V-2", 100, 150, s_none);

        var both = await Task.WhenAll(links.RedeemAsync("t1", "k1", "volunteer", 120, s_none), links.RedeemAsync("t1", "k2", "volunteer", 121, s_none));
        var late = await links.RedeemAsync("t2", "k3", "volunteer", 150, s_none);
        var unknown = await links.RedeemAsync("t3", "k4", "volunteer", 120, s_none);

        Assert.Single(both, r => r.Outcome == LinkRedemptionOutcome.Redeemed);
        Assert.Single(both, r => r.Outcome == LinkRedemptionOutcome.AlreadyUsed);
        Assert.Equal(LinkRedemptionOutcome.Expired, late.Outcome);
        Assert.Equal(LinkRedemptionOutcome.Unknown, unknown.Outcome);
        string winner = both[0].Outcome == LinkRedemptionOutcome.Redeemed ? "k1" : "k2";
        Assert.Equal(("volunteer", "V-1"), await links.FindKeyAsync(winner, s_none) is { } key ? (key.Role, key.SubjectId) : default);
        Assert.Null(await links.FindKeyAsync(winner == "k1" ? "k2" : "k1", s_none));
    }
}

/// <summary>The stores on a fresh SQLite file.</summary>
public sealed class SqliteStoreTests() : StoreTests(DispatchDatabase.For(StorageTarget.Sqlite(SqliteFiles.NewPath()))), IDisposable
{
    public void Dispose() => SqliteFiles.Delete(Database);
}

/// <summary>The stores on a fresh schema of the private PostgreSQL.</summary>
[Collection(PrivatePostgresCollection.Name)]
public sealed class PostgresStoreTests(PrivatePostgres postgres) : StoreTests(DispatchDatabase.For(postgres.NewSchema()));
