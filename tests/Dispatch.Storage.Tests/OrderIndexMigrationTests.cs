using Dispatch.Domain.Orders;
using Dispatch.Domain.Supply;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dispatch.Storage.Tests;

/// <summary>The migration that drops the orders' supermarket+day index keeps every stored order and its answers.</summary>
public sealed class OrderIndexMigrationTests : IDisposable
{
    private const string BeforeDrop = "20261125173003_SupermarketOrderIds";
    private const string DroppedIndex = "IX_orders_SupermarketId_Day";

    private readonly DispatchDatabase _database = DispatchDatabase.For(StorageTarget.Sqlite(SqliteFiles.NewPath()));

    public OrderIndexMigrationTests()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(((StorageTarget.SqliteFile)_database.Target).Path)!);
    }

    public void Dispose() => SqliteFiles.Delete(_database);

    private List<string> OrderIndexes()
    {
        using var db = _database.Open();
        return db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'index' AND tbl_name = 'orders'").ToList();
    }

    [Fact]
    public async Task Orders_stored_before_the_index_is_dropped_are_all_there_after_it()
    {
        using (var db = _database.Open())
        {
            db.GetService<IMigrator>().Migrate(BeforeDrop);
        }

        Assert.Contains(DroppedIndex, OrderIndexes());
        var orders = Enumerable.Range(0, 300)
            .Select(i => new Order($"SM1/O-{i}", $"H-{i}", "G-1", "SM1", "B1", 1 + (i % 3), new BundleCounts(1, i % 4, 0, 0), OrderStatus.Received, 1_700_000_000)
            {
                SupermarketOrderId = $"O-{i}",
            })
            .ToList();
        var stored = await new OrderStore(_database).StoreBatchAsync(new BatchReceipt("SM1", "B1", "G-1", 1, 300, 300, [], 1_700_000_000), orders, CancellationToken.None);
        Assert.NotNull(stored.Receipt);

        _database.Migrate();

        Assert.DoesNotContain(DroppedIndex, OrderIndexes());
        var store = new OrderStore(_database);
        Assert.Equal(300, await store.CountOrdersAsync(CancellationToken.None));
        Assert.Equal(orders[17], await store.GetOrderAsync("SM1", "O-17", CancellationToken.None));
        var dayTwo = await store.ListOrdersAsync(new OrderQuery("SM1", null, null, 2, 1_000, null), CancellationToken.None);
        Assert.Equal(orders.Where(o => o.Day == 2).Select(o => o.Id).Order(StringComparer.Ordinal), dayTwo.Orders.Select(o => o.Id));
        var again = await store.StoreBatchAsync(new BatchReceipt("SM1", "B1", "G-1", 1, 300, 300, [], 1_700_000_001), orders, CancellationToken.None);
        Assert.True(again.WasAlreadyStored);
    }
}
