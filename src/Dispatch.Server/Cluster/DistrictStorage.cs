using Dispatch.Domain.Geography;
using Dispatch.Storage;

namespace Dispatch.Server.Cluster;

/// <summary>Where each district of the cluster keeps its orders, plans and reports: the storage settings of its stack.</summary>
public sealed record DistrictStorage(string? PostgresConnectionString, string SqliteFolder)
{
    public IReadOnlyDictionary<string, string?> SettingsFor(DistrictId district) => PostgresConnectionString is { Length: > 0 } connection
        ? new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = connection,
            ["Storage:Schema"] = DistrictSchema.For(district),
        }
        : new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(SqliteFolder, district + ".db"),
        };
}
