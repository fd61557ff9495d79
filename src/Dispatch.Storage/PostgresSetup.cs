using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dispatch.Storage;

/// <summary>Builds the PostgreSQL options for a schema and brings the schema up to date.</summary>
internal static class PostgresSetup
{
    public static DbContextOptions<DispatchDbContext> Options(StorageTarget.PostgresSchema target)
    {
        StorageSetup.InitialiseLinqToDb();
        var builder = new DbContextOptionsBuilder<DispatchDbContext>();
        builder.UseNpgsql(target.ConnectionString);
        return builder.Options;
    }

    /// <summary>Creates the schema if needed (several processes may at once) and applies pending migrations in it.</summary>
    public static async Task MigrateAsync(StorageTarget.PostgresSchema target, DispatchDbContext db, CancellationToken cancellationToken)
    {
        await using (var connection = new NpgsqlConnection(target.ConnectionString))
        {
            try
            {
                await connection.OpenAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
            {
                throw new InvalidOperationException($"PostgreSQL database '{target.Database}' on {target.Host}:{target.Port} does not exist: create it (CREATE DATABASE \"{target.Database}\")", e);
            }

            await using var command = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS \"{target.Schema}\"", connection);
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateSchema)
            {
                // Another process created it between the check and the create (IF NOT EXISTS is not atomic).
            }
        }

        // EF Core locks the schema's migrations history table while it migrates, so two processes apply each migration once.
        await db.Database.MigrateAsync(cancellationToken);
    }
}
