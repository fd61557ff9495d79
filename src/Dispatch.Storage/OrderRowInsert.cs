using System.Data.Common;
using Dispatch.Domain.Orders;
using Dispatch.Storage.Rows;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SQLitePCL;

namespace Dispatch.Storage;

/// <summary>
/// Writes accepted orders as rows of the orders table through one prepared INSERT, inside the transaction the bulk
/// copy opened on its connection. linq2db's MultipleRows copy renders every value into SQL text that SQLite parses
/// again, and an ADO.NET command looks every parameter up by name on each execution; here the statement is prepared
/// once per write and each row binds its values by position and steps. One row per statement: SQLite finds a named
/// parameter by a linear search, so a statement of n rows would cost n squared to bind. Column names come from the EF
/// model, so a migration that renames a column cannot leave this behind.
/// </summary>
internal static class OrderRowInsert
{
    private static readonly string[] s_properties =
    [
        nameof(OrderRow.OrderId), nameof(OrderRow.SupermarketId), nameof(OrderRow.SupermarketOrderId), nameof(OrderRow.BatchId),
        nameof(OrderRow.GridId), nameof(OrderRow.HouseholdId), nameof(OrderRow.Day), nameof(OrderRow.MeatAndVegetable),
        nameof(OrderRow.Vegetable), nameof(OrderRow.RiceAndFlour), nameof(OrderRow.Medicine), nameof(OrderRow.Status),
        nameof(OrderRow.ReceivedAtUnixSeconds), nameof(OrderRow.StatusChangedAtUnixSeconds),
    ];

    /// <summary>Inserts <paramref name="orders"/> on <paramref name="connection"/>, which must be inside the caller's open transaction.</summary>
    public static void Write(IModel model, DbConnection connection, IEnumerable<Order> orders)
    {
        var database = (connection as SqliteConnection ?? throw new InvalidOperationException("orders are stored in SQLite")).Handle
            ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v2(database, Sql(model), out sqlite3_stmt statement), database);
        using (statement)
        {
            foreach (var order in orders)
            {
                // Positions follow s_properties.
                Check(raw.sqlite3_bind_text(statement, 1, order.Id), database);
                Check(raw.sqlite3_bind_text(statement, 2, order.SupermarketId), database);
                Check(raw.sqlite3_bind_text(statement, 3, order.SupermarketOrderId), database);
                Check(raw.sqlite3_bind_text(statement, 4, order.BatchId), database);
                Check(raw.sqlite3_bind_text(statement, 5, order.GridId), database);
                Check(raw.sqlite3_bind_text(statement, 6, order.HouseholdId), database);
                Check(raw.sqlite3_bind_int(statement, 7, order.Day), database);
                Check(raw.sqlite3_bind_int(statement, 8, order.Bundles.MeatAndVegetable), database);
                Check(raw.sqlite3_bind_int(statement, 9, order.Bundles.Vegetable), database);
                Check(raw.sqlite3_bind_int(statement, 10, order.Bundles.RiceAndFlour), database);
                Check(raw.sqlite3_bind_int(statement, 11, order.Bundles.Medicine), database);
                Check(raw.sqlite3_bind_int(statement, 12, (int)order.Status), database);
                Check(raw.sqlite3_bind_int64(statement, 13, order.ReceivedAtUnixSeconds), database);
                Check(raw.sqlite3_bind_int64(statement, 14, order.ReceivedAtUnixSeconds), database);
                int stepped = raw.sqlite3_step(statement);

                // Reset before throwing: a failed statement left as it is would keep the transaction from rolling back.
                raw.sqlite3_reset(statement);
                if (stepped != raw.SQLITE_DONE)
                {
                    Check(stepped, database);
                }
            }
        }
    }

    private static string Sql(IModel model)
    {
        var entity = model.FindEntityType(typeof(OrderRow)) ?? throw new InvalidOperationException("the model has no orders table");
        string table = entity.GetTableName() ?? throw new InvalidOperationException("the orders entity has no table");
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = s_properties.Select(p => Quote(entity.FindProperty(p)?.GetColumnName(store) ?? throw new InvalidOperationException($"the orders table has no column for {p}")));
        return $"INSERT INTO {Quote(table)} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", s_properties.Select((_, i) => $"?{i + 1}"))})";
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    // The same SqliteException (and error code) an ADO.NET command would throw, so callers catch constraint errors alike.
    private static void Check(int result, sqlite3 database) => SqliteException.ThrowExceptionForRC(result, database);
}
