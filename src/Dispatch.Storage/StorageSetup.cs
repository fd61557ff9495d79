using LinqToDB.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Storage;

/// <summary>Builds the SQLite options for a database file and brings its schema up to date.</summary>
internal static class StorageSetup
{
    private static int s_linqToDbInitialised;

    public static string ConnectionString(string databasePath) => new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
    }.ToString();

    public static void InitialiseLinqToDb()
    {
        if (Interlocked.Exchange(ref s_linqToDbInitialised, 1) == 0)
        {
            LinqToDBForEFTools.Initialize();
        }
    }

    public static DbContextOptions<DispatchDbContext> Options(string databasePath)
    {
        InitialiseLinqToDb();
        var builder = new DbContextOptionsBuilder<DispatchDbContext>();
        builder.UseSqlite(ConnectionString(databasePath));
        builder.AddInterceptors(new SqlitePragmas());
        return builder.Options;
    }

    /// <summary>Creates the file's folder if needed and applies pending migrations.</summary>
    public static async Task MigrateAsync(string databasePath, DispatchDbContext db, CancellationToken cancellationToken)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await db.Database.MigrateAsync(cancellationToken);
    }
}
