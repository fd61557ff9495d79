using Dispatch.Domain.Geography;
using Dispatch.Storage;
using Npgsql;

namespace Dispatch.Server.Cluster;

/// <summary>Where each district of the cluster keeps its orders, plans and reports: the storage settings of its stack.</summary>
public sealed record DistrictStorage(string? PostgresConnectionString, string SqliteFolder)
{
    /// <summary>Connections one district's stack may hold open in PostgreSQL.</summary>
    public const int DistrictPoolSize = 8;

    public IReadOnlyDictionary<string, string?> SettingsFor(DistrictId district) => PostgresConnectionString is { Length: > 0 } connection
        ? new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = WithPoolCap(connection),
            ["Storage:Schema"] = DistrictSchema.For(district),
        }
        : new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(SqliteFolder, district + ".db"),
        };

    // Each district's stack pools its own connections: a silo holding many districts must not take the database's
    // every connection (PostgreSQL's default is 100). A connection string's own cap wins.
    private static string WithPoolCap(string connection)
    {
        var builder = new NpgsqlConnectionStringBuilder(connection);
        if (!connection.Contains("Maximum Pool Size", StringComparison.OrdinalIgnoreCase) && !connection.Contains("MaxPoolSize", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = DistrictPoolSize;
        }

        return builder.ConnectionString;
    }
}
