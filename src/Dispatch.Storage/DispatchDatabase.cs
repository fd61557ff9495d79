using Microsoft.EntityFrameworkCore;

namespace Dispatch.Storage;

/// <summary>
/// The engine's database at one <see cref="StorageTarget"/>: opens contexts of the right kind, migrates, and is what
/// every store is built on (<c>new OrderStore(database, limit)</c>, <c>new PlanStore(database)</c>, ...). Holds no
/// connection and is safe to share; build one per file or district schema.
/// </summary>
public sealed class DispatchDatabase
{
    private readonly DbContextOptions<DispatchDbContext> _options;

    private DispatchDatabase(StorageTarget target, DbContextOptions<DispatchDbContext> options)
    {
        Target = target;
        _options = options;
    }

    public StorageTarget Target { get; }

    public bool IsPostgres => Target is StorageTarget.PostgresSchema;

    public static DispatchDatabase For(StorageTarget target) => target switch
    {
        StorageTarget.SqliteFile file => new DispatchDatabase(target, StorageSetup.Options(file.Path)),
        StorageTarget.PostgresSchema schema => new DispatchDatabase(target, PostgresSetup.Options(schema)),
        _ => throw new ArgumentException($"unknown storage target {target.GetType().Name}", nameof(target)),
    };

    /// <summary>A new context on this database; the caller disposes it.</summary>
    public DispatchDbContext Open() => IsPostgres ? new PostgresDispatchDbContext(_options) : new DispatchDbContext(_options);

    /// <summary>
    /// Brings the database up to date with this build's migrations (SQLite: creates the file's folder; PostgreSQL:
    /// creates the schema). Safe to run at every start, and from several processes at once on PostgreSQL.
    /// </summary>
    public void Migrate() => MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="Migrate"/>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = Open();
        switch (Target)
        {
            case StorageTarget.SqliteFile file:
                await StorageSetup.MigrateAsync(file.Path, db, cancellationToken);
                break;
            case StorageTarget.PostgresSchema schema:
                await PostgresSetup.MigrateAsync(schema, db, cancellationToken);
                break;
        }
    }

    /// <summary>
    /// Inside <paramref name="db"/>'s open transaction: on PostgreSQL, waits for and holds (until the transaction ends)
    /// the right to write <typeparamref name="TRow"/>'s table, so a check-then-write cannot interleave with another
    /// process's; readers are not blocked. On SQLite nothing: SQLite has one writer at a time, and one process per file.
    /// </summary>
    internal async Task LockForWritingAsync<TRow>(DispatchDbContext db, CancellationToken cancellationToken)
    {
        if (!IsPostgres)
        {
            return;
        }

        string table = db.Model.FindEntityType(typeof(TRow))?.GetTableName() ?? throw new InvalidOperationException($"no table for {typeof(TRow).Name}");
        string sql = $"LOCK TABLE \"{table}\" IN SHARE ROW EXCLUSIVE MODE";
        await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
    }
}
