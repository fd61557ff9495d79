using LinqToDB.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Storage;

/// <summary>Builds the SQLite options for a database file and brings its schema up to date.</summary>
public static class StorageSetup
{
    private static int s_linqToDbInitialised;

    public static string ConnectionString(string databasePath) => new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
    }.ToString();

    public static void Configure(DbContextOptionsBuilder builder, string databasePath)
    {
        if (Interlocked.Exchange(ref s_linqToDbInitialised, 1) == 0)
        {
            LinqToDBForEFTools.Initialize();
        }

        builder.UseSqlite(ConnectionString(databasePath));
        builder.AddInterceptors(new SqlitePragmas());
    }

    public static DbContextOptions<DispatchDbContext> Options(string databasePath)
    {
        var builder = new DbContextOptionsBuilder<DispatchDbContext>();
        Configure(builder, databasePath);
        return builder.Options;
    }

    /// <summary>Creates the file's folder if needed and applies pending migrations.</summary>
    public static void Migrate(DbContextOptions<DispatchDbContext> options, string databasePath)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        using var db = new DispatchDbContext(options);
        db.Database.Migrate();
    }
}
