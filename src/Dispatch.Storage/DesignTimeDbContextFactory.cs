using Microsoft.EntityFrameworkCore.Design;

namespace Dispatch.Storage;

/// <summary>Lets `dotnet ef migrations add NAME --context DispatchDbContext --output-dir Migrations` build the SQLite context without the server.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<DispatchDbContext>
{
    public DispatchDbContext CreateDbContext(string[] args) => new(StorageSetup.Options("design-time.db"));
}
