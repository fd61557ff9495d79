using Microsoft.Data.Sqlite;

namespace Dispatch.Storage.Tests;

/// <summary>Fresh SQLite files in folders of their own under the temporary folder, and their removal.</summary>
internal static class SqliteFiles
{
    public static string NewPath() => Path.Combine(Path.GetTempPath(), "dispatch-storage-tests", Guid.NewGuid().ToString("N"), "orders.db");

    public static void Delete(DispatchDatabase database)
    {
        SqliteConnection.ClearAllPools();
        var file = (StorageTarget.SqliteFile)database.Target;
        Directory.Delete(Path.GetDirectoryName(file.Path)!, recursive: true);
    }
}
