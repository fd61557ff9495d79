using Dispatch.Domain.Geography;
using Dispatch.Domain.Orders;
using Dispatch.Domain.Supply;
using Dispatch.Tests.Postgres;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dispatch.Storage.Tests;

/// <summary>What only PostgreSQL has to show: schemas per district, migrations in them, and several writers on one schema.</summary>
[Collection(PrivatePostgresCollection.Name)]
public sealed class PostgresStorageTests(PrivatePostgres postgres)
{
    private static readonly CancellationToken s_none = CancellationToken.None;

    private static BatchReceipt Receipt(string batchId, int count, long receivedAtUnixSeconds = 1_700_000_000) =>
        new("SM1", batchId, "G-1", 3, count, count, [], receivedAtUnixSeconds);

    private static List<Order> Orders(string prefix, int count, string household = "") => Enumerable.Range(0, count)
        .Select(i => new Order($"{prefix}-{i:D6}", household.Length > 0 ? household : $"H-{i}", "G-1", "SM1", prefix, 3, new BundleCounts(1, 0, 0, 0), OrderStatus.Received, 1_700_000_000)
        {
            SupermarketOrderId = $"{prefix}-{i:D6}",
        })
        .ToList();

    // Which writer's receipt it is: each sends its own receive time.
    private static (string, long, int) Answer(BatchReceipt? receipt) => (receipt!.BatchId, receipt.ReceivedAtUnixSeconds, receipt.AcceptedCount);

    private async Task<List<string>> TablesInAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name", connection);
        command.Parameters.AddWithValue(schema);
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    [Fact]
    public async Task Migrations_apply_on_an_empty_schema_and_again_change_nothing()
    {
        var target = (StorageTarget.PostgresSchema)postgres.NewSchema();
        var database = DispatchDatabase.For(target);
        Assert.Empty(await TablesInAsync(target.Schema));

        await database.MigrateAsync(s_none);
        await new OrderStore(database).StoreBatchAsync(Receipt("B1", 2), Orders("B1", 2), s_none);
        await database.MigrateAsync(s_none);

        await using var db = database.Open();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(
            ["__EFMigrationsHistory", "batches", "issued_keys", "live_reports", "order_events", "orders", "plans", "sign_in_links"],
            await TablesInAsync(target.Schema));
        Assert.Equal(2, await new OrderStore(database).CountOrdersAsync(s_none));
        Assert.DoesNotContain("orders", await TablesInAsync("public"));
    }

    [Fact]
    public async Task Several_writers_migrating_one_new_schema_at_once_all_start_and_apply_each_migration_once()
    {
        // As silos starting together would: each with its own connections, the schema not there yet.
        var target = (StorageTarget.PostgresSchema)postgres.NewSchema();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => DispatchDatabase.For(target).MigrateAsync(s_none))));

        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var history = new NpgsqlCommand($"SELECT count(*) FROM \"{target.Schema}\".\"__EFMigrationsHistory\"", connection);
        await using var db = DispatchDatabase.For(target).Open();
        Assert.Equal((long)db.Database.GetMigrations().Count(), await history.ExecuteScalarAsync());
        Assert.Contains("orders", await TablesInAsync(target.Schema));
    }

    [Fact]
    public async Task Two_districts_in_one_database_do_not_see_each_others_orders()
    {
        string first = DistrictSchema.For(new DistrictId($"pudong-{Guid.NewGuid():N}"[..20]));
        string second = DistrictSchema.For(new DistrictId($"minhang-{Guid.NewGuid():N}"[..20]));
        var pudong = DispatchDatabase.For(StorageTarget.Postgres(postgres.ConnectionString, first));
        var minhang = DispatchDatabase.For(StorageTarget.Postgres(postgres.ConnectionString, second));
        await Task.WhenAll(pudong.MigrateAsync(s_none), minhang.MigrateAsync(s_none));
        var pudongOrders = new OrderStore(pudong);
        var minhangOrders = new OrderStore(minhang);

        // The same supermarket, batch id and order ids in both: each district stores its own, neither is a replay.
        var inPudong = await pudongOrders.StoreBatchAsync(Receipt("B1", 3), Orders("B1", 3), s_none);
        var inMinhang = await minhangOrders.StoreBatchAsync(Receipt("B1", 5, 1_700_000_500), Orders("B1", 5), s_none);

        Assert.False(inPudong.WasAlreadyStored);
        Assert.False(inMinhang.WasAlreadyStored);
        Assert.Equal(3, await pudongOrders.CountOrdersAsync(s_none));
        Assert.Equal(5, await minhangOrders.CountOrdersAsync(s_none));
        Assert.Equal(1_700_000_000, (await pudongOrders.FindBatchAsync("SM1", "B1", s_none))!.ReceivedAtUnixSeconds);
        Assert.Null(await pudongOrders.GetOrderAsync("B1-000004", s_none));
        Assert.NotNull(await minhangOrders.GetOrderAsync("B1-000004", s_none));
        Assert.Contains("orders", await TablesInAsync(first));
        Assert.Contains("orders", await TablesInAsync(second));
    }

    [Fact]
    public async Task A_batch_that_fails_midway_leaves_none_of_it()
    {
        var database = DispatchDatabase.For(postgres.NewSchema());
        await database.MigrateAsync(s_none);
        var store = new OrderStore(database);
        var orders = Orders("B1", 5_000);

        // PostgreSQL text cannot hold a NUL: the copy fails on row 3,001, after the batch row and 3,000 orders went in.
        var broken = orders.ToList();
        broken[3_000] = broken[3_000] with { HouseholdId = "H-\0" };
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => store.StoreBatchAsync(Receipt("B1", 5_000), broken, s_none));

        Assert.Contains("0x00", failure.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await store.CountOrdersAsync(s_none));
        Assert.Null(await store.FindBatchAsync("SM1", "B1", s_none));
        var again = await store.StoreBatchAsync(Receipt("B1", 5_000), orders, s_none);
        Assert.False(again.WasAlreadyStored);
        Assert.Equal(5_000, await store.CountOrdersAsync(s_none));
    }

    [Fact]
    public async Task A_batch_id_sent_to_two_writers_at_once_is_stored_once_and_both_get_the_first_answer()
    {
        // Two stores on one schema, as two silos would be, each with its own connections and writer queue.
        var target = postgres.NewSchema();
        var first = DispatchDatabase.For(target);
        await first.MigrateAsync(s_none);
        var silos = new[] { new OrderStore(first), new OrderStore(DispatchDatabase.For(target)) };

        for (int round = 0; round < 10; round++)
        {
            string batchId = $"R{round}";
            var orders = Orders(batchId, 500);
            using var start = new Barrier(2);
            var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(silo => Task.Run(() =>
            {
                start.SignalAndWait(TimeSpan.FromSeconds(10));
                return silos[silo].StoreBatchAsync(Receipt(batchId, 500, 1_700_000_000 + silo), orders, s_none);
            })));

            var stored = Assert.Single(outcomes, o => !o.WasAlreadyStored);
            var replayed = Assert.Single(outcomes, o => o.WasAlreadyStored);
            Assert.Equal(Answer(stored.Receipt), Answer(replayed.Receipt));
            Assert.Equal(Answer(stored.Receipt), Answer(await silos[0].FindBatchAsync("SM1", batchId, s_none)));
        }

        Assert.Equal(10 * 500, await silos[1].CountOrdersAsync(s_none));
    }

    [Fact]
    public async Task Two_writers_on_one_schema_cannot_both_take_a_households_last_place()
    {
        var target = postgres.NewSchema();
        var first = DispatchDatabase.For(target);
        await first.MigrateAsync(s_none);
        var silos = new[] { new OrderStore(first, maxOrdersPerHouseholdPerDay: 1), new OrderStore(DispatchDatabase.For(target), maxOrdersPerHouseholdPerDay: 1) };

        for (int round = 0; round < 10; round++)
        {
            using var start = new Barrier(2);
            var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(silo => Task.Run(() =>
            {
                start.SignalAndWait(TimeSpan.FromSeconds(10));
                return silos[silo].StoreBatchAsync(Receipt($"R{round}-S{silo}", 1), Orders($"R{round}-S{silo}", 1, household: $"H-{round}"), s_none);
            })));

            Assert.Single(outcomes, o => o.Receipt is not null);
            Assert.Single(outcomes, o => o.OverLimitOrderIds.Count == 1);
        }

        Assert.Equal(10, await silos[0].CountOrdersAsync(s_none));
    }
}
