using Microsoft.EntityFrameworkCore;

namespace Dispatch.Storage;

/// <summary>
/// The same tables on PostgreSQL. A type of its own so its migrations (Migrations/Postgres) never mix with SQLite's:
/// EF Core finds a context's migrations by its type.
/// </summary>
public sealed class PostgresDispatchDbContext(DbContextOptions<DispatchDbContext> options) : DispatchDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Text compares by code point, as SQLite's BINARY does, whatever the database's default collation: order ids
        // list and page in the same order on both, and the unique indexes do not follow a locale.
        configurationBuilder.Properties<string>().UseCollation("C");
    }
}
