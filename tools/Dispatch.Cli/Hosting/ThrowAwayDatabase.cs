namespace Dispatch.Cli.Hosting;

/// <summary>A fresh SQLite file in the temporary folder for one benchmark run, deleted (with its WAL files) after.</summary>
public sealed class ThrowAwayDatabase(string purpose) : IDisposable
{
    public string FilePath { get; } = Path.Combine(Path.GetTempPath(), $"dispatch-{purpose}-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        // Pooled connections keep the file open: release them before deleting it.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (string suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(FilePath + suffix);
        }
    }
}
