using Microsoft.EntityFrameworkCore.Design;

namespace Dispatch.Storage;

/// <summary>
/// Lets `dotnet ef migrations add NAME --context PostgresDispatchDbContext --output-dir Migrations/Postgres` build the
/// PostgreSQL context without a server; adding a migration connects to nothing.
/// </summary>
internal sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresDispatchDbContext>
{
    public PostgresDispatchDbContext CreateDbContext(string[] args) =>
        new(PostgresSetup.Options(new StorageTarget.PostgresSchema("Host=127.0.0.1;Port=55432;Username=postgres;Database=dispatch", "design_time")));
}
