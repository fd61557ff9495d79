using Dispatch.Domain.Geography;

namespace Dispatch.Server.Cluster;

/// <summary>Where each district of the cluster keeps its orders, plans and reports: the storage settings of its stack.</summary>
public sealed record DistrictStorage(string? PostgresConnectionString, string SqliteFolder)
{
    public IReadOnlyDictionary<string, string?> SettingsFor(DistrictId district) => PostgresConnectionString is { Length: > 0 } connection
        ? new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = connection,
            ["Storage:Schema"] = SchemaOf(district),
        }
        : new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(SqliteFolder, district + ".db"),
        };

    /// <summary>A district's schema in the shared database: district ids are [a-z0-9-], schema names take '_' for '-'.</summary>
    public static string SchemaOf(DistrictId district) => "district_" + district.ToString().Replace('-', '_');
}
