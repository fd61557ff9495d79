namespace Dispatch.Server.Cluster;

/// <summary>Settings under "Cluster": a silo of the city cluster (<c>dispatch serve --cluster</c>).</summary>
public sealed class CityClusterOptions
{
    public const string Section = "Cluster";

    /// <summary>True: the server process runs as a silo (Dispatch.Server's own entry point reads it).</summary>
    public bool Enabled { get; set; }

    /// <summary>The city folder (city.json and its districts' scenario folders) every silo serves.</summary>
    public string City { get; set; } = string.Empty;

    /// <summary>PostgreSQL connection string: membership, and (with <see cref="DistrictsOnPostgres"/>) each district's storage.</summary>
    public string Postgres { get; set; } = string.Empty;

    /// <summary>
    /// True (default): each district keeps its orders, plans and reports in its own schema of <see cref="Postgres"/>,
    /// so any silo can take it over. False: in SQLite files under <see cref="DataFolder"/>, which only works when every
    /// silo runs on one machine.
    /// </summary>
    public bool DistrictsOnPostgres { get; set; } = true;

    /// <summary>Folder of the districts' SQLite files when <see cref="DistrictsOnPostgres"/> is false; default <c>data/city</c>.</summary>
    public string DataFolder { get; set; } = "data/city";

    /// <summary>The cluster's name in the membership table: silos with the same id form one cluster; default <c>dispatch-city</c>.</summary>
    public string ClusterId { get; set; } = "dispatch-city";

    /// <summary>Port silos talk to each other on (one per silo on a machine); default 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>How often a silo renews its follow of each district its streams need, in seconds; default 5.</summary>
    public int FollowRenewSeconds { get; set; } = 5;

    /// <summary>
    /// Seconds without an answer to a probe before a silo counts another as missing a probe; two missed probes
    /// (and a second silo's vote) declare it dead and its districts re-activate elsewhere. Default 2.
    /// </summary>
    public int ProbeTimeoutSeconds { get; set; } = 2;
}
